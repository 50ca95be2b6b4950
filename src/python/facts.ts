// The facts remedy extracts from one Python source file: the contract between the scanner (src/python/scan*.ts)
// and the reference extractor on CPython's `ast` (bench/oracle/facts.py). docs/facts.md defines every field
// precisely; the two implementations must emit identical JSON for every file CPython parses.

/** 1-based line, 0-based column counted in Unicode code points (not UTF-8 bytes, not UTF-16 units). */
export interface Position {
  line: number;
  col: number;
}

/** How a statement is reached when the module is executed. */
export interface ExecContext {
  /** "module": runs when the module is imported; "class": inside a class body (no def between); "function": inside a def. */
  scope: "module" | "class" | "function";
  /** Present (true) inside the body of `if TYPE_CHECKING:` / `if <anything>.TYPE_CHECKING:` (at any depth). */
  typeChecking?: true;
  /** Present (true) inside an if/elif/else branch (other than a TYPE_CHECKING body), a for/while body or else, a
   *  match case, an except handler, or a try's else. */
  conditional?: true;
  /** Exception names caught by every enclosing try whose *body* holds this statement: dotted names as written,
   *  `*` for a bare `except:`; tuples are expanded; other expressions are skipped. Sorted, unique; absent when
   *  there are none. */
  caught?: string[];
}

/** ExecContext's flags alone. They are left out when false or empty: most facts have none, and leaving them out
 *  makes the facts (and the cache that stores them) about a quarter smaller. */
export type ContextFlags = Pick<ExecContext, "typeChecking" | "conditional" | "caught">;

/** Sets the flags that hold on `fact` (and only those). */
export function setContext(fact: ContextFlags, typeChecking: boolean, conditional: boolean, caught: string[]): void {
  if (typeChecking) fact.typeChecking = true;
  if (conditional) fact.conditional = true;
  if (caught.length > 0) fact.caught = caught;
}

/** `to` with the flags of `from`. */
export function copyContext<T extends ContextFlags>(from: ContextFlags, to: T): T {
  if (from.typeChecking) to.typeChecking = true;
  if (from.conditional) to.conditional = true;
  if (from.caught) to.caught = from.caught;
  return to;
}

export interface ImportName {
  /** For `import a.b`: "a.b"; for `from m import x`: "x"; "*" for a star import. */
  name: string;
  asname: string | null;
}

export interface ImportFact extends Position, ExecContext {
  kind: "import" | "from";
  /** `from` only: the module part without dots ("" for `from . import x`); `import`: null. */
  module: string | null;
  /** Number of leading dots of a relative `from` import; 0 otherwise. */
  level: number;
  names: ImportName[];
  /** Index of the module-level statement that holds this import (see Binding.stmt); -1 when scope is not "module". */
  stmt: number;
}

export type BindingKind =
  | "def"
  | "class"
  | "assign"
  | "annassign"
  | "augassign"
  | "walrus"
  | "for"
  | "with"
  | "except"
  | "import"
  | "match"
  | "del";

export interface Binding extends Position {
  name: string;
  kind: BindingKind;
  /** Sequential index of the statement in module-level execution order (see docs/facts.md). */
  stmt: number;
  typeChecking?: true;
  conditional?: true;
  caught?: string[];
  /** `NAME = CONSTANT` (one plain-name target, the value one `True`/`False`/`None` or decimal integer token): the
   *  constant's truth value. Absent otherwise. */
  truthy?: boolean;
  /** `NAME = EXPR` (one plain-name target, no `truthy`) whose value read as a branch test (as `branches` reads an
   *  `if` test) is evaluable (`PY3 = sys.version_info[0] == 3`): that test. Absent otherwise. */
  test?: BranchCondition;
}

export interface StarImport extends Position {
  stmt: number;
}

export interface DunderAll {
  /** The literal names, after `+=`, `.append(...)`, `.extend([...])` of literals at module level. */
  names: string[];
  line: number;
  /** False when `__all__` is also changed in a way that is not a literal (then `names` is incomplete). */
  complete: boolean;
}

export interface Read extends Position {
  name: string;
  stmt: number;
  /** "module" for module-level code; "class" for a class body executed at import time. */
  scope: "module" | "class";
  typeChecking?: true;
  conditional?: true;
  caught?: string[];
  /** Present (true) when CPython evaluates it after the statement's other reads: a def's argument and return
   *  annotations (after its decorators and defaults), an annotated assignment's annotation, an assignment's
   *  subscripted or attributed target names (after the value). Absent otherwise. */
  late?: true;
  /** In an arm of a conditional expression (`X if test else Y`, the innermost one): its test and the arm (true:
   *  the body). Absent otherwise, and in def bodies. */
  guard?: ReadGuard;
}

export interface ReadGuard {
  test: BranchCondition;
  value: boolean;
}

/** An attribute read `a.b.c` at import time whose base is a plain name: recorded as base "a", attrs ["b","c"]. */
export interface AttributeRead extends Read {
  attrs: string[];
}

/** One element of a statically known path expression. */
export type PathPart =
  | { kind: "literal"; value: string }
  | { kind: "file" }
  | { kind: "dirname" }
  | { kind: "join"; parts: PathExpr[] }
  | { kind: "abspath" }
  | { kind: "resolve" }
  | { kind: "parent" };

/** A path expression as a base followed by operations, e.g. dirname(abspath(__file__)) = [file, abspath, dirname]. */
export type PathExpr = PathPart[];

export interface SysPathChange extends Position {
  conditional: boolean;
  method: "insert" | "append";
  /** The argument as a path expression, or null when it is not built only from the supported pieces. */
  path: PathExpr | null;
  /** The insertion index for insert, when an integer literal. */
  index: number | null;
  stmt: number;
}

export interface MarkerUse extends Position {
  name: string;
  /** "decorator" on a def or class, "pytestmark" in a module- or class-level assignment, "alias" a module-level
   *  `NAME = mark` (the attribute access alone checks the name under strict markers; `target` is NAME). */
  via: "decorator" | "pytestmark" | "alias";
  /** What it applies to: "func", "Class" or "Class.method"; null for module-level pytestmark; for an alias, the
   *  name it binds. */
  target: string | null;
}

export interface Parametrize extends Position {
  /** What it decorates: "func", "Class" or "Class.method". */
  target: string;
  /** Length of the argvalues list/tuple literal, or null when it is not a literal. */
  size: number | null;
  /** The argument names it parametrizes (a `"a, b"` string literal split at commas, or a list/tuple of string
   *  literals); null when not literal. */
  argnames: string[] | null;
  /** `indirect=` is given with a value other than `False`. */
  indirect: boolean;
  /** How the names were written, when `argnames` is known: one string (`"a, b"`), one string ending with a comma
   *  after its last name (`"a,"`: pytest 9.1 reads the values as tuples), or a list/tuple of strings. */
  namesWritten?: "string" | "string," | "sequence";
  /** The first literal value whose count of values differs from the number of names, under each way pytest may
   *  read the values (src/python/parametrizeArity.ts); absent when none is known to. */
  miscount?: { tuple?: ParametrizeMiscount; single?: ParametrizeMiscount };
}

/** A parametrize value pytest rejects: its position in the list, how many values it holds, and its repr() (null
 *  when remedy cannot print CPython's exactly). */
export interface ParametrizeMiscount {
  index: number;
  count: number;
  repr: string | null;
}

/** A def decorated as a pytest fixture. */
export interface FixtureDef extends Position {
  /** The def name. */
  name: string;
  /** `name="..."` of the decorator call (the name pytest registers the fixture under), else null. */
  alias: string | null;
  /** The class whose body holds the def; null for module-level fixtures. */
  className: string | null;
  /** `params=`: the length of a list/tuple literal, null when not a literal; absent without params (or `None`). */
  params?: number | null;
  /** `autouse=True`. */
  autouse: boolean;
  /** The fixture names the def requests (as `args` of functions). */
  args: string[];
}

export interface TestFunction extends Position {
  name: string;
  /** The enclosing class for methods; null for module-level functions. */
  className: string | null;
  async: boolean;
  /** The names pytest requests as fixtures: regular and keyword-only parameters without a default, in order; for
   *  a def in a class body (not decorated `@staticmethod`), less the first of them. */
  args: string[];
}

export interface TestClass extends Position {
  name: string;
  /** Base class expressions written as dotted names. */
  bases: string[];
  /** True when the class body defines `__init__`. */
  hasInit: boolean;
}

export interface PytestFacts {
  functions: TestFunction[];
  classes: TestClass[];
  markers: MarkerUse[];
  parametrize: Parametrize[];
  fixtures: FixtureDef[];
  /** `pytest_plugins = "x"` or a literal list/tuple of strings; null when absent. */
  plugins: string[] | null;
  /** `config.addinivalue_line("markers", "name(args): text")`: the full literal line. */
  registeredMarkers: (Position & { text: string })[];
  /** `parser.addini("name", ...)` names. */
  iniKeys: (Position & { name: string })[];
  /** `parser.addoption("--x", "-y", ...)` / `group.addoption(...)`: the option strings. */
  options: (Position & { names: string[] })[];
  collectIgnore: string[] | null;
  collectIgnoreGlob: string[] | null;
  /** Names of hook functions defined at module level that remedy cannot evaluate statically. */
  dynamicHooks: string[];
  /** Decorators of those functions and classes that are a bare name, not a mark (nor a mark alias) nor a fixture
   *  decorator: possibly a mark imported from another module (`from tests.marks import slow`). By position; absent
   *  when none. */
  decoratorNames?: (Position & { name: string; target: string })[];
}

/** An `if` test remedy can evaluate once it knows the interpreter: comparisons of `sys.version_info` (whole, `[i]`,
 *  `[:n]`, `.major/.minor/.micro`) with int literals, `sys.platform` and `os.name` with string literals,
 *  `sys.platform.startswith("...")`, combined with `not`/`and`/`or`; anything else is `unknown`. */
export type BranchCondition =
  | {
      kind: "version";
      /** `sys.version_info[i]` / `.major` (0) `.minor` (1) `.micro` (2): compared with one int; else null. */
      index: number | null;
      /** `sys.version_info[:n]`: n; null for the whole tuple or an index. */
      slice: number | null;
      op: "<" | "<=" | ">" | ">=" | "==" | "!=";
      /** The literal: one int for an index, a tuple of 1-3 ints otherwise. */
      value: number[];
    }
  | { kind: "platform" | "osName"; op: "==" | "!=" | "startswith"; value: string }
  /** `__name__ == "__main__"` (either side); `!=` too. pytest never imports a module as `__main__`. */
  | { kind: "main"; op: "==" | "!=" }
  /** A test on the environment pytest runs in: `os.environ.get(K[, D])` / `os.getenv(K[, D])` alone (`truthy`),
   *  compared `==`/`!=` with a string literal, or `is`/`is not` None; `K in os.environ` / `not in` (`in`, `not in`).
   *  `default`: D, a string literal (null when absent or `None`). */
  | {
      kind: "env";
      key: string;
      default: string | null;
      op: "truthy" | "==" | "!=" | "is" | "is not" | "in" | "not in";
      value: string | null;
    }
  /** `S in sys.argv` / `S not in sys.argv`, S a string literal. */
  | { kind: "argv"; op: "in" | "not in"; value: string }
  /** The test (or a part of it) is exactly one name: never evaluated, but two tests on the same name with nothing
   *  rebinding it in between take the same branch. */
  | { kind: "name"; name: string }
  /** `hasattr(NAME, "attr")`: never evaluated, but on the body it holds, so `NAME.attr` read there exists. */
  | { kind: "hasattr"; name: string; attr: string }
  | { kind: "not"; arg: BranchCondition }
  | { kind: "and" | "or"; args: BranchCondition[] }
  | { kind: "unknown" };

/** A module- or class-level `if`/`elif` (other than the `TYPE_CHECKING` forms). When its test has an evaluable part,
 *  its bodies do not make statements `conditional`: consumers settle them with the interpreter and the environment
 *  (src/python/staticBranches.ts); otherwise they are conditional, and the fact gives the model their extent. */
export interface StaticBranch extends Position {
  stmt: number;
  test: BranchCondition;
  /** First and last statement index of the body, and of the else branch (an `elif` included); null: no else. */
  body: [number, number];
  orelse: [number, number] | null;
  /** The body's (the `else`'s; never an `elif`) last top-level statement is `raise`, `assert False`,
   *  `continue` or `break`: it never falls through. Absent when false. */
  bodyExits?: true;
  orelseExits?: true;
}

/** A module- or class-level `try` (or `with suppress(...)`): its body's statements and what its handlers catch, so
 *  that the statements after a caught failure are known not to run. */
export interface TryBlock extends Position {
  stmt: number;
  /** First and last statement index of the body. */
  body: [number, number];
  /** Dotted names of the handlers' exceptions (`*` for a bare except), sorted, unique: as `caught`. */
  handlers: string[];
}

/** A module- or class-level body that may not run and is not an `if` branch: a `for`/`while` body or its `else`,
 *  an `except` handler, a `try`'s `else`, a `match` case. The model tracks what is bound inside each. */
export interface ConditionalArm extends Position {
  /** Statement index of the compound statement (the `try`, the loop, the `match`). */
  stmt: number;
  kind: "loop" | "loopElse" | "handler" | "tryElse" | "case";
  /** First and last statement index of the arm's body. */
  body: [number, number];
  /** For a handler: the dotted names it catches (`*` for a bare `except:`), sorted, unique; else absent. */
  catches?: string[];
  /** The body's last top-level statement is `raise`, `assert False`, `continue` or `break`: the arm never falls
   *  through to what follows its statement. Absent when false. */
  exits?: true;
  /** For a loop's body: the statement indices of the loop's own `break`s (in its body, not in loops inside it),
   *  ascending; absent when none. */
  breaks?: number[];
  /** For a loop's body: the loop is `while True:` or `while 1:`. Absent when false. */
  infinite?: true;
}

/** A name a module-level function's body reads from the module namespace, certainly, whenever it is called. */
export interface GlobalRead extends Position {
  name: string;
  /** null: read whenever the function is called. A parameter whose default is `True`: read in the body of a
   *  top-level `if PARAM:`, so certain only when the call leaves that parameter to its default. */
  guard: string | null;
}

/** A module-scope `def` (any depth of module-level control flow, not in a class), or the `def __init__` at the top
 *  level of a module-scope class body (what calling the class runs): what calling it reads. */
export interface ModuleFunction extends Position {
  name: string;
  /** For `__init__`: the class (and `stmt` is the class statement's index); null for a module-scope def. */
  className: string | null;
  /** Statement index of the def (of the class, for `__init__`). */
  stmt: number;
  /** Names of the parameters that can be passed by position, in order (`self` included). */
  positional: string[];
  /** `async def`: calling it runs nothing (globalReads is empty). */
  async: boolean;
  /** Has decorators (for `__init__`: it or its class; or the class header has keywords, e.g. `metaclass=`): the
   *  name may not be bound to this function, or calling the class may not run it. */
  decorated: boolean;
  /** Names global in the function (symtable: not local, not a parameter, not bound even under `global`) read in
   *  a part of its body that certainly runs when it is called; each name once, at its first such read. Empty for
   *  generators and async functions. */
  globalReads: GlobalRead[];
  /** The import statements among the body's own top-level statements that certainly run when it is called (before
   *  one that may end the call, as for globalReads), by position of their `import`/`from` keyword (the same as in
   *  `imports`). Absent when none, and for generators and async functions. */
  imports?: Position[];
}

/** A call `NAME(...)` (or a decorator `@NAME`) at module scope that runs at import time, NAME being a name some
 *  module-scope `def`, `class` or import binds. */
export interface CallFact extends Position {
  name: string;
  /** Number of positional arguments (a bare decorator: 1); -1 with a `*` argument. */
  args: number;
  /** Keyword argument names in written order; null with a `**` argument. */
  keywords: string[] | null;
  stmt: number;
  typeChecking?: true;
  conditional?: true;
  caught?: string[];
  /** Present (true) on the call a class statement makes to its metaclass (`class C(metaclass=M):`), which runs
   *  once the body has: `stmt` is then the body's last statement, and the call comes after all of its events. */
  late?: true;
}

export interface SyntaxErrorFact extends Position {
  message: string;
  /** "scanner": seen by remedy's own scanner; "cpython": CPython's compile() said so. */
  source: "scanner" | "cpython";
}

export type FileStatus = "ok" | "syntax-error" | "decode-error" | "binary" | "too-large" | "unreadable";

export interface FileFacts {
  /** The path as given. */
  path: string;
  status: FileStatus;
  /** The source encoding used ("utf-8" unless a BOM or PEP 263 declaration says otherwise). */
  encoding: string;
  /** Detail for decode-error / binary / too-large / unreadable. */
  problem: string | null;
  syntaxErrors: SyntaxErrorFact[];
  /** True when the module executes `from __future__ import annotations`. */
  futureAnnotations: boolean;
  imports: ImportFact[];
  bindings: Binding[];
  starImports: StarImport[];
  dunderAll: DunderAll | null;
  /** True when a module-level `def __getattr__` exists (PEP 562). */
  moduleGetattr: boolean;
  reads: Read[];
  attributeReads: AttributeRead[];
  sysPath: SysPathChange[];
  /** Module- and class-level `if` statements, in source order. */
  branches: StaticBranch[];
  /** Module- and class-level loop bodies, handlers, try-else bodies and match cases, in source order. */
  arms: ConditionalArm[];
  /** try statements and `with suppress(...)` blocks outside def bodies, in source order. */
  tries: TryBlock[];
  /** Module-scope defs with the global names their bodies certainly read. */
  functions: ModuleFunction[];
  /** Import-time calls of names module-scope defs bind. */
  calls: CallFact[];
  /** Names in a `global` statement anywhere in the file (code in defs may bind them in the module), sorted, unique. */
  globalNames: string[];
  pytest: PytestFacts;
}
