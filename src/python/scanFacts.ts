// The statement walker of remedy's Python scanner: tokens -> FileFacts (docs/facts.md) in one pass, no AST.
// Why hand-written: tree-sitter's Node binding parses ~3 MB/s here and @lezer/python ~6 MB/s, and both still need a
// tree walk afterwards; remedy needs only these facts, at 40+ MB/s, so this walks char codes and token arrays and
// keeps values (names, literals) as token ranges until a fact needs them.

import * as branchConditions_ from "./branchConditions.ts";
import * as compoundStatements_ from "./compoundStatements.ts";
import * as definitions_ from "./definitions.ts";
import * as expressions_ from "./expressions.ts";
import type {
  AttributeRead,
  Binding,
  BindingKind,
  CallFact,
  ConditionalArm,
  DunderAll,
  ImportFact,
  ModuleFunction,
  PathExpr,
  Position,
  PytestFacts,
  Read,
  StarImport,
  StaticBranch,
  SysPathChange,
  TryBlock,
} from "./facts.ts";
import * as facts_ from "./facts.ts";
import * as importStatements_ from "./importStatements.ts";
import * as literals_ from "./literals.ts";
import * as matchPatterns_ from "./matchPatterns.ts";
import * as moduleLists_ from "./moduleLists.ts";
import * as pathExpr_ from "./pathExpr.ts";
import type { MarkCandidate } from "./pytestFacts.ts";
import * as pytestFacts_ from "./pytestFacts.ts";
import type { Tokens } from "./tokenize.ts";
import * as tokenKinds_ from "./tokenKinds.ts";
import * as tokenRanges_ from "./tokenRanges.ts";

// Local copies: module-namespace getters are slow in the hot loop under some loaders.
const { ExprScanner, P_CALL, P_CAND, P_COMPINNER, P_COND, P_LASTATTR, P_LATE, S_NONE, S_SINGLE, X_TARGET, X_YIELD } =
  expressions_;
const { pathExpr } = pathExpr_;
const { copyContext, setContext } = facts_;
const { branchCondition, isEvaluable } = branchConditions_;
const { emptyPytestFacts, resolveMarks } = pytestFacts_;
const { STR_PLAIN, stringKind } = literals_;
const { callArgs, intLiteral, isKeywordArg, isStarred, plainString } = tokenRanges_;
const { forStmt, ifStmt, tryStmt, whileStmt, withStmt } = compoundStatements_;
const { classStmt, decorated, defStmt } = definitions_;
const { assignSpecial, augSpecial, methodSpecial } = moduleLists_;
const { fromStmt, importStmt } = importStatements_;
const { isMatch, matchStmt } = matchPatterns_;
const {
  K_ASYNC,
  K_CLASS,
  K_FALSE,
  K_NONE,
  K_TRUE,
  T_NUMBER,
  K_DEF,
  K_DEL,
  K_FOR,
  K_FROM,
  K_IF,
  K_IMPORT,
  K_TRY,
  K_WHILE,
  K_WITH,
  T_AT,
  T_AUGASSIGN,
  T_COLON,
  T_COMMA,
  T_DEDENT,
  T_DOT,
  T_END,
  T_EQUAL,
  T_INDENT,
  T_LSQB,
  T_NAME,
  T_NEWLINE,
  T_SEMI,
  T_STRING,
} = tokenKinds_;

type Scope = "module" | "class" | "function";

/** The truth value of the expression [a, b) when it is one `True`, `False` or `None` token, or one decimal integer
 *  token (digits only); undefined otherwise. */
function constantTruth(sc: FactScanner, [a, b]: [number, number]): boolean | undefined {
  if (b - a !== 1) return undefined;
  const k = sc.kind[a];
  if (k === K_TRUE) return true;
  if (k === K_FALSE || k === K_NONE) return false;
  if (k !== T_NUMBER) return undefined;
  const text = sc.text(a);
  return /^[0-9]+$/.test(text) ? /[1-9]/.test(text) : undefined;
}

/** What FactScanner.run() reads from one module's tokens, before extractFacts() assembles the FileFacts. */
export interface ScannedModule {
  futureAnnotations: boolean;
  imports: ImportFact[];
  bindings: Binding[];
  starImports: StarImport[];
  dunderAll: DunderAll | null;
  reads: Read[];
  attributeReads: AttributeRead[];
  sysPath: SysPathChange[];
  branches: StaticBranch[];
  arms: ConditionalArm[];
  tries: TryBlock[];
  functions: ModuleFunction[];
  calls: CallFact[];
  globalNames: string[];
  pytest: PytestFacts;
  errors: { message: string; offset: number; line: number }[];
}

/** The module-level def whose body is being walked: what it binds, the reads that certainly run when called. */
export interface DefBody {
  fact: ModuleFunction;
  /** Block depth of the body's own top-level statements. */
  top: number;
  /** Parameters. */
  locals: Set<string>;
  /** Names the body binds (its locals, and names it binds under `global`). */
  bound: Set<string>;
  /** Parameters whose default is `True`. */
  trueDefaults: Set<string>;
  /** Parameters whose default is `None` or `False`. */
  falsyDefaults: Set<string>;
  /** Certain reads: name, offset, line, guard (parallel arrays). */
  names: string[];
  offs: number[];
  lines: number[];
  guards: (string | null)[];
  /** Positions of the import statements among the body's own top-level statements, before it may have ended. */
  imports: Position[];
  /** A return, raise or while loop was seen: statements after the current top-level one may not run. */
  exits: boolean;
  stopped: boolean;
  /** Inside the body of a top-level `if PARAM:` (PARAM defaulting to True): PARAM, and the same two flags there. */
  guard: string | null;
  gExits: boolean;
  gStopped: boolean;
  generator: boolean;
  /** > 0 inside a class body in the def: its bindings and reads are the class's. */
  inClass: number;
  /** A metaclass's `__init__`: its first parameter, whose `.NAME(...)` calls are recorded (null elsewhere). */
  selfParam: string | null;
  /** Those calls: method name and offset, in the order flushed. */
  selfCalls: { name: string; off: number }[];
  /** The offsets of `fact.globalReads`, kept for a metaclass's `__init__` (the calls are placed among them). */
  readOffs: number[] | null;
  /** Another method of a metaclass: its fact goes to `metaHelpers`, not to `functions`. */
  helper: boolean;
}

const NO_CAUGHT: string[] = [];

export class FactScanner extends ExprScanner {
  scope: Scope = "module";
  /** The context flags of the statement being scanned (docs/facts.md): inside a TYPE_CHECKING body, may not run. */
  typeChecking = false;
  conditional = false;
  caught: string[] = NO_CAUGHT;
  stmt = 0;
  stmtCounter = 0;
  futureAnnotations = false;
  /** Class body being walked (outside defs): names it binds -> index of the first statement binding them. */
  classBound: Map<string, number> | null = null;
  /** Module-level class whose body (any depth, not nested classes) is being walked: pytestmark targets it. */
  markClass: string | null = null;
  /** First line of the current statement. */
  stmtLine = 1;
  /** `__all__` changed by a call or subscript store that is not a literal form (docs: complete=false). */
  /** Calls of `__all__.append/extend/insert/remove/...` and subscript stores not (yet) seen to be literal forms. */
  allMutations = 0;
  /** Name of the module-scope class whose body's top level is being walked. */
  directClass: string | null = null;
  classHasInit = false;
  hasAstral: boolean;
  /** The last column asked for (col()): its line, offset and surrogate pairs before it, to count on from. */
  lastColumnLine = -1;
  lastColumnOffset = 0;
  lastColumnPairs = 0;
  inFunction = false;
  inAsync = false;
  loopDepth = 0;
  /** Names `from contextlib import suppress as NAME` bound (outside defs) so far. */
  suppressAliases = new Set<string>();
  /** Module-level names bound, unconditionally, to a path expression, for later `sys.path` calls. */
  pathVars = new Map<string, PathExpr>();
  /** In the body of `if NAME not in sys.path:` (at block depth `depth`): a `sys.path` call adding NAME there runs
   *  whenever NAME is not there yet, so after the `if` it is there as certainly as the `if` runs. */
  pathGuard: { name: string; depth: number; conditional: boolean } | null = null;
  /** The statement indices of the `break`s of the innermost loop outside def bodies (null outside such a loop). */
  loopBreaks: number[] | null = null;
  futureAllowed = true;
  /** Nesting of blocks (0: the module's own statements). */
  depth = 0;

  imports: ImportFact[] = [];
  bindings: Binding[] = [];
  starImports: StarImport[] = [];
  dunderAll: DunderAll | null = null;
  /** Set while a statement binds `__all__` in one of the literal ways. */
  allLiteral = false;
  reads: Read[] = [];
  attributeReads: AttributeRead[] = [];
  sysPath: SysPathChange[] = [];
  branches: StaticBranch[] = [];
  arms: ConditionalArm[] = [];
  /** Per block depth: the first token of the last statement begun at that depth (a body that ends in `raise`). */
  lastStatementToken: number[] = [];
  tries: TryBlock[] = [];
  functions: ModuleFunction[] = [];
  calls: CallFact[] = [];
  globalNames: string[] = [];
  /** The module-scope class whose body's top level is being walked: its statement index; decorated, or keywords. */
  directClassStmt = -1;
  directClassOdd = false;
  /** The direct class is a module-scope metaclass (a base is `type`): its methods' certain reads are facts. */
  directClassMeta = false;
  /** In such a class: its plain methods other than `__init__` (by name, the last def wins), and its `__init__`. */
  metaHelpers = new Map<string, ModuleFunction>();
  metaInit: DefBody | null = null;
  /** The module-level def being walked (null outside, and inside its nested defs). */
  fn: DefBody | null = null;
  /** > 0 while flushing parts of a def's top-level statement that may not run (elif tests, handlers, cases). */
  noCertain = 0;
  pytest: PytestFacts = emptyPytestFacts();
  marks: MarkCandidate[] = [];

  constructor(src: string, toks: Tokens) {
    super(src, toks);
    this.hasAstral = /[\uD800-\uDBFF]/.test(src);
  }

  lineOf(off: number): number {
    const ls = this.toks.lineStart;
    let lo = 1;
    let hi = this.tline[this.toks.count - 1]!;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (ls[mid]! <= off) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  col(off: number, line: number): number {
    const ls = this.toks.lineStart[line]!;
    if (!this.hasAstral) return off - ls;
    // Code points: UTF-16 offset minus the surrogate pairs before it on the line, counted on from the last
    // position asked on the same line (facts mostly come in order).
    let p = ls;
    let pairs = 0;
    if (this.lastColumnLine === line && this.lastColumnOffset <= off) {
      p = this.lastColumnOffset;
      pairs = this.lastColumnPairs;
    }
    for (; p < off; p++) {
      const ch = this.src.charCodeAt(p);
      if (ch >= 0xdc00 && ch <= 0xdfff) pairs++;
    }
    this.lastColumnLine = line;
    this.lastColumnOffset = off;
    this.lastColumnPairs = pairs;
    return off - ls - pairs;
  }

  tokCol(t: number): number {
    return this.col(this.start[t]!, this.tline[t]!);
  }

  /** Whether the top-level statement at the cursor keeps later `from __future__` imports legal. */
  futureStatement(first: boolean): boolean {
    const kind = this.kind;
    const i = this.i;
    if (kind[i] === K_FROM) return kind[i + 1] === T_NAME && this.text(i + 1) === "__future__";
    if (!first || kind[i] !== T_STRING) return false;
    let j = i;
    while (kind[j] === T_STRING) {
      if (stringKind(this.src, this.start[j]!) !== STR_PLAIN) return false;
      j++;
    }
    return kind[j] === T_NEWLINE || kind[j] === T_SEMI;
  }

  run(): ScannedModule {
    let first = true;
    while (this.kind[this.i] !== T_END) {
      // `from __future__` is only allowed after an optional docstring and other future imports.
      if (this.futureAllowed && !this.futureStatement(first)) this.futureAllowed = false;
      first = false;
      this.statement();
    }
    resolveMarks(
      this.marks,
      this.imports,
      this.pytest,
      this,
      (t) => this.tokCol(t),
      (name) => !this.globalNames.includes(name) && this.bindings.filter((b) => b.name === name).length === 1,
    );
    for (const off of this.awaits)
      if (off >= 0)
        this.errors.push({ message: "'await' outside async function", offset: off, line: this.lineOf(off) });
    if (this.allMutations > 0 && this.dunderAll !== null) this.dunderAll.complete = false;
    if (this.calls.length > 0) {
      const defs = new Set<string>();
      for (const b of this.bindings)
        if (b.kind === "def" || b.kind === "class" || b.kind === "import") defs.add(b.name);
      this.calls = this.calls.filter((c) => defs.has(c.name));
    }
    const byPos = (a: { line: number; col: number }, b: { line: number; col: number }) =>
      a.line - b.line || a.col - b.col;
    const p = this.pytest;
    for (const arr of [
      this.imports,
      this.bindings,
      this.starImports,
      this.reads,
      this.attributeReads,
      this.sysPath,
      this.branches,
      this.arms,
      this.tries,
      this.functions,
      this.calls,
      p.functions,
      p.classes,
      p.markers,
      p.parametrize,
      p.fixtures,
      p.registeredMarkers,
      p.iniKeys,
      p.options,
    ] as { line: number; col: number }[][])
      arr.sort(byPos);
    p.dynamicHooks.sort();
    const globalNames = [...new Set(this.globalNames)].sort();
    return {
      futureAnnotations: this.futureAnnotations,
      imports: this.imports,
      bindings: this.bindings,
      starImports: this.starImports,
      dunderAll: this.dunderAll,
      reads: this.reads,
      attributeReads: this.attributeReads,
      sysPath: this.sysPath,
      branches: this.branches,
      arms: this.arms,
      tries: this.tries,
      functions: this.functions,
      calls: this.calls,
      globalNames,
      pytest: this.pytest,
      errors: [...this.toks.errors, ...this.errors],
    };
  }

  // ---- context -------------------------------------------------------------------------------------------------

  /** The expression just parsed is used as a target: `single` when it must be one name/attribute/subscript. */
  checkTarget(single: boolean): void {
    if (this.shape === S_NONE) this.error("cannot assign to expression");
    else if (single && this.shape !== S_SINGLE) this.error("only single target (not tuple) can be annotated");
  }

  yieldSeen(): void {
    if (this.fn !== null && this.lambdaDepth === 0) this.fn.generator = true;
    if (!this.inFunction && this.lambdaDepth === 0) this.error("'yield' outside function");
  }

  awaitSeen(): void {
    if (this.lambdaDepth === 0 && !this.inFunction) this.error("'await' outside function");
    else if (this.lambdaDepth > 0 || !this.inAsync) {
      // Legal only inside a generator expression (an async generator): decided when the expression ends.
      this.effects.push(-2 - this.awaits.length);
      this.awaits.push(this.start[this.i]!);
    }
  }

  errorAt(t: number, message: string): void {
    this.errors.push({ message, offset: this.start[t]!, line: this.tline[t]! });
  }

  begin(): void {
    const fn = this.fn;
    if (fn !== null) {
      const d = this.depth;
      if (fn.exits && d === fn.top) fn.stopped = true;
      if (fn.gExits && d === fn.top + 1) fn.gStopped = true;
      // Reads count only in the body's own statements until one may end it (and in a guarded `if` body's);
      // elsewhere only bindings matter.
      this.onlyTargets =
        (fn.stopped || d !== fn.top) && (fn.guard === null || fn.gStopped || d !== fn.top + 1 || fn.stopped);
    }
    this.stmt = this.scope === "function" ? -1 : this.stmtCounter++;
    this.stmtLine = this.tline[this.i]!;
    this.lastStatementToken[this.depth] = this.i;
  }

  bind(name: string, kind: BindingKind, off: number, line: number): void {
    if (this.scope === "module") {
      if (name === "__all__") {
        if (this.dunderAll === null) this.dunderAll = { names: [], line: this.stmtLine, complete: true };
        if (!this.allLiteral) this.dunderAll.complete = false;
      } else if (name === "collect_ignore") this.pytest.collectIgnore ??= [];
      else if (name === "collect_ignore_glob") this.pytest.collectIgnoreGlob ??= [];
      else if (name === "pytest_plugins" && !this.allLiteral) this.pytest.plugins = null;
      this.pathVars.delete(name);
      const binding: Binding = { name, kind, line, col: this.col(off, line), stmt: this.stmt };
      setContext(binding, this.typeChecking, this.conditional, this.caught);
      this.bindings.push(binding);
    } else if (this.scope === "class") {
      if (this.classBound !== null && !this.classBound.has(name)) this.classBound.set(name, this.stmt);
    } else if (this.fn !== null && this.fn.inClass === 0) this.fn.bound.add(name);
  }

  /** Positions in the side-fact logs: sys.path changes and `__all__` mutations (one list, tagged). */
  effects: number[] = [];
  /** Token offsets of `await`s outside async functions, -1 once a generator expression made them legal. */
  awaits: number[] = [];

  override effectMark(): number {
    return this.effects.length;
  }

  override dropEffects(from: number, keepFrom: number, keepTo: number): void {
    // Entries outside [keepFrom, keepTo) ran only inside a generator: undo them, last first.
    for (let e = this.effects.length - 1; e >= from; e--) {
      if (e >= keepFrom && e < keepTo) continue;
      const tag = this.effects[e]!;
      if (tag === -1) this.allMutations--;
      else if (tag < -1) this.awaits[-2 - tag] = -1;
      else this.sysPath.splice(tag, 1);
      this.effects.splice(e, 1);
    }
  }

  allMutation(): void {
    if (this.scope === "module") {
      this.allMutations++;
      this.effects.push(-1);
    }
  }

  walrusBinding(name: string, off: number, line: number): void {
    this.bind(name, "walrus", off, line);
  }

  bindTok(t: number, kind: BindingKind, name = this.text(t)): void {
    this.bind(name, kind, this.start[t]!, this.tline[t]!);
  }

  /** Pending reads become facts of the current statement; then this statement's class-local bindings count. */
  flush(): void {
    if (this.pLen > 0) {
      if (this.scope === "function") {
        this.flushDefBody();
        return;
      }
      const cls = this.scope === "class";
      const bound = this.classBound;
      for (let r = 0; r < this.pLen; r++) {
        const name = this.pName[r]!;
        if (cls && (this.pFlags[r]! & P_COMPINNER) === 0) {
          if (name === "__module__" || name === "__qualname__") continue;
          const b = bound?.get(name);
          if (b !== undefined && b < this.stmt) continue;
        }
        const line = this.pLine[r]!;
        const read: Read = {
          name,
          line,
          col: this.col(this.pOff[r]!, line),
          stmt: this.stmt,
          scope: cls ? "class" : "module",
        };
        setContext(
          read,
          this.typeChecking,
          this.conditional || (this.pFlags[r]! & (P_COND | P_COMPINNER)) !== 0,
          this.caught,
        );
        if ((this.pFlags[r]! & P_LATE) !== 0) read.late = true;
        const guard = this.pWhen[r];
        if (guard) read.guard = guard;
        this.reads.push(read);
        if ((this.pFlags[r]! & P_CALL) !== 0 && !cls) {
          const args = this.pArgs[r]!;
          const keywords = this.pKeywords[r] === null ? null : [...this.pKeywords[r]!];
          const call: CallFact = { name, line, col: read.col, args, keywords, stmt: read.stmt };
          this.calls.push(copyContext(read, call));
        }
        const attrs = this.pAttrs[r];
        if (attrs && attrs.length > 0)
          this.attributeReads.push(
            copyContext<AttributeRead>(read, {
              name,
              line,
              col: read.col,
              stmt: read.stmt,
              scope: read.scope,
              ...(read.late ? { late: true as const } : {}),
              ...(guard ? { guard } : {}),
              attrs,
            }),
          );
      }
      this.pLen = 0;
    }
  }

  falsyDefault(name: string): boolean {
    return this.fn?.falsyDefaults.has(name) === true;
  }

  selfParam(name: string): boolean {
    return this.fn !== null && this.fn.inClass === 0 && this.fn.selfParam === name;
  }

  /** Pending reads in a def body: the ones that certainly run when a module-level def is called are kept. */
  flushDefBody(): void {
    const fn = this.fn;
    if (
      fn !== null &&
      !fn.stopped &&
      fn.inClass === 0 &&
      this.noCertain === 0 &&
      !this.typeChecking &&
      this.caught.length === 0
    ) {
      let guard: string | null | undefined;
      if (this.depth === fn.top && !this.conditional) guard = null;
      else if (this.depth === fn.top + 1 && fn.guard !== null && !fn.gStopped) guard = fn.guard;
      if (guard !== undefined)
        for (let r = 0; r < this.pLen; r++) {
          if ((this.pFlags[r]! & (P_COND | P_COMPINNER)) !== 0) continue;
          // A read behind `PARAM or`: guarded by PARAM, and only outside an `if PARAM:` body (one guard each).
          const own = this.pGuard[r] ?? null;
          if (own !== null && guard !== null) continue;
          fn.names.push(this.pName[r]!);
          fn.offs.push(this.pOff[r]!);
          fn.lines.push(this.pLine[r]!);
          fn.guards.push(own ?? guard);
        }
    }
    this.pLen = 0;
  }

  /** Names marked as possible targets since `mark` become bindings of `kind` (attribute targets lose their store). */
  resolveStore(mark: number, kind: BindingKind): void {
    let any = false;
    for (let r = mark; r < this.pLen; r++) {
      const f = this.pFlags[r]!;
      if (f & P_CAND) {
        any = true;
        this.bind(this.pName[r]!, kind, this.pOff[r]!, this.pLine[r]!);
      } else if (f & P_LASTATTR) {
        const a = this.pAttrs[r]!;
        a.pop();
        if (a.length === 0) this.pAttrs[r] = null;
        this.pFlags[r] = f & ~P_LASTATTR;
      }
    }
    if (any) this.dropPending(mark, (r) => (this.pFlags[r]! & P_CAND) === 0);
  }

  // ---- statements ----------------------------------------------------------------------------------------------

  statement(): void {
    const kind = this.kind;
    const k = kind[this.i];
    switch (k) {
      case K_IF:
        ifStmt(this);
        return;
      case K_WHILE:
        whileStmt(this);
        return;
      case K_FOR:
        this.begin();
        forStmt(this);
        return;
      case K_TRY:
        tryStmt(this);
        return;
      case K_WITH:
        this.begin();
        withStmt(this);
        return;
      case K_DEF:
        this.begin();
        defStmt(this, this.i, []);
        return;
      case K_CLASS:
        this.begin();
        classStmt(this, []);
        return;
      case T_AT:
        decorated(this);
        return;
      case K_ASYNC: {
        const n = kind[this.i + 1];
        this.begin();
        if (n === K_DEF) defStmt(this, this.i, []);
        else if (n === K_FOR) {
          this.i++;
          forStmt(this);
        } else if (n === K_WITH) {
          this.i++;
          withStmt(this);
        } else {
          this.error("invalid syntax");
          this.skipLine();
        }
        return;
      }
      case T_NAME:
        if (isMatch(this)) {
          matchStmt(this);
          return;
        }
        break;
      case T_INDENT:
        this.error("unexpected indent");
        this.i++;
        return;
      case T_DEDENT:
      case T_NEWLINE:
        this.i++;
        return;
    }
    this.simpleStatements();
  }

  skipLine(): void {
    const kind = this.kind;
    while (kind[this.i] !== T_NEWLINE && kind[this.i] !== T_END) this.i++;
    if (kind[this.i] === T_NEWLINE) this.i++;
    this.pLen = 0;
  }

  /** A block after `:`: an indented suite or simple statements on the same line. `dc`: directClass inside. */
  block(dc: string | null): void {
    const kind = this.kind;
    const savedDc = this.directClass;
    this.directClass = dc;
    this.depth++;
    if (kind[this.i] === T_NEWLINE) {
      this.i++;
      if (kind[this.i] !== T_INDENT) {
        this.error("expected an indented block");
      } else {
        this.i++;
        while (kind[this.i] !== T_DEDENT && kind[this.i] !== T_END) this.statement();
        if (kind[this.i] === T_DEDENT) this.i++;
      }
    } else this.simpleStatements();
    this.directClass = savedDc;
    this.depth--;
  }

  colon(): boolean {
    if (this.kind[this.i] === T_COLON) {
      this.i++;
      return true;
    }
    this.error("expected ':'");
    // Recover: skip to the end of the header line.
    while (this.kind[this.i] !== T_NEWLINE && this.kind[this.i] !== T_END && this.kind[this.i] !== T_COLON) this.i++;
    if (this.kind[this.i] === T_COLON) this.i++;
    this.pLen = 0;
    return false;
  }

  simpleStatements(): void {
    const kind = this.kind;
    for (;;) {
      this.begin();
      const before = this.i;
      this.simpleStmt();
      this.flush();
      if (kind[this.i] === T_SEMI) {
        this.i++;
        if (kind[this.i] === T_NEWLINE || kind[this.i] === T_END) break;
        if (this.futureAllowed && this.depth === 0 && !this.futureStatement(false)) this.futureAllowed = false;
        continue;
      }
      if (kind[this.i] !== T_NEWLINE && kind[this.i] !== T_END) {
        this.error("invalid syntax");
        if (this.i === before) this.i++;
        while (kind[this.i] !== T_NEWLINE && kind[this.i] !== T_END) this.i++;
      }
      break;
    }
    if (kind[this.i] === T_NEWLINE) this.i++;
  }

  simpleStmt(): void {
    const kind = this.kind;
    switch (kind[this.i]) {
      case 78: // pass
        this.i++;
        return;
      case 58: // break
      case 60: // continue
        if (this.loopDepth === 0) this.error(`'${this.text(this.i)}' outside loop`);
        else if (kind[this.i] === 58 && this.loopBreaks !== null) this.loopBreaks.push(this.stmt);
        this.i++;
        return;
      case K_IMPORT:
        importStmt(this);
        return;
      case K_FROM:
        fromStmt(this);
        return;
      case 69: // global
      case 75: {
        // nonlocal
        if (kind[this.i] === 75 && this.scope === "module")
          this.error("nonlocal declaration not allowed at module level");
        const isGlobal = kind[this.i] === 69;
        this.i++;
        for (;;) {
          if (isGlobal && kind[this.i] === T_NAME) this.globalNames.push(this.text(this.i));
          if (!this.expect(T_NAME, "name")) break;
          if (kind[this.i] !== T_COMMA) break;
          this.i++;
        }
        return;
      }
      case K_DEL: {
        this.i++;
        const mark = this.pLen;
        this.parseExprList(X_TARGET);
        this.checkTarget(false);
        this.resolveStore(mark, "del");
        return;
      }
      case 80: // return
        if (this.fn !== null) this.fn.exits = this.fn.gExits = true;
        if (!this.inFunction) this.error("'return' outside function");
        this.i++;
        if (this.startsExpr(kind[this.i]!)) this.parseExprList(0);
        return;
      case 79: // raise
        if (this.fn !== null) this.fn.exits = this.fn.gExits = true;
        this.i++;
        if (this.startsExpr(kind[this.i]!)) {
          this.parseExpr(0);
          if (kind[this.i] === K_FROM) {
            this.i++;
            this.parseExpr(0);
          }
        }
        return;
      case 55: // assert
        this.i++;
        this.parseExpr(0);
        if (kind[this.i] === T_COMMA) {
          // The message is evaluated only when the assertion fails.
          this.i++;
          this.conditionalReads++;
          this.parseExpr(0);
          this.conditionalReads--;
        }
        return;
    }
    this.exprStmt();
  }

  exprStmt(): void {
    const kind = this.kind;
    const s = this.i;
    let mark = this.pLen;
    this.parseExprList(X_TARGET | X_YIELD);
    const k = kind[this.i];
    if (k === T_EQUAL && this.scope === "function") {
      // Inside a def only the names bound count (locals of a module-level def; none when not recording).
      const marks: number[] = [];
      while (kind[this.i] === T_EQUAL) {
        this.checkTarget(false);
        marks.push(mark);
        this.i++;
        mark = this.pLen;
        this.parseExprList(X_TARGET | X_YIELD);
      }
      this.clearTargetFlags(mark);
      for (let n = marks.length - 1; n >= 0; n--) this.resolveStore(marks[n]!, "assign");
      return;
    }
    if (k === T_EQUAL) {
      const targets: [number, number][] = [[s, this.i]];
      let vs = s;
      const marks: number[] = [];
      while (kind[this.i] === T_EQUAL) {
        this.checkTarget(false);
        marks.push(mark);
        this.i++;
        vs = this.i;
        mark = this.pLen;
        this.parseExprList(X_TARGET | X_YIELD);
        targets.push([vs, this.i]);
      }
      this.clearTargetFlags(mark);
      // The value is evaluated first, then each target's subscripted or attributed names.
      this.markLate(marks[0]!, mark);
      const value = targets.pop()!;
      // Literal forms first (they decide whether binding __all__ keeps it complete), then the targets, last first
      // so that each resolves only its own pending names.
      const literal = targets.map((t) => assignSpecial(this, t, value));
      const boundBefore = this.bindings.length;
      for (let n = targets.length - 1; n >= 0; n--) {
        this.allLiteral = literal[n]!;
        this.resolveStore(marks[n]!, "assign");
        this.allLiteral = false;
      }
      // `HAS_X = False`: the truth value of the one constant one plain name is bound to (docs/facts.md, bindings).
      if (targets.length === 1 && this.bindings.length === boundBefore + 1) {
        const [a, b] = targets[0]!;
        const plain = b - a === 1 && kind[a] === T_NAME;
        const truthy = plain ? constantTruth(this, value) : undefined;
        if (truthy !== undefined) this.bindings[boundBefore]!.truthy = truthy;
        else if (plain) {
          // `PY3 = sys.version_info[0] == 3`: a test the interpreter decides (docs/facts.md, bindings).
          const test = branchCondition(this, value[0], value[1]);
          if (isEvaluable(test)) this.bindings[boundBefore]!.test = test;
        }
        // `ROOT = Path(__file__).parent`, bound on every path: later sys.path calls may use it (docs/facts.md,
        // sysPath).
        if (plain && !this.conditional && !this.typeChecking && this.caught.length === 0) {
          const path = pathExpr(this, value[0], value[1], this.pathVars);
          if (path !== null) this.pathVars.set(this.text(a), path);
        }
      }
      return;
    }
    if (k === T_AUGASSIGN) {
      const opTok = this.i;
      const isPlus = this.src.charCodeAt(this.start[opTok]!) === 43;
      if (this.shape !== S_SINGLE) this.error("illegal expression for augmented assignment");
      const target = this.specialTarget([s, opTok]);
      const cand = this.pLen - mark >= 1 && (this.pFlags[mark]! & P_CAND) !== 0;
      if (cand) this.pFlags[mark] = 0;
      this.resolveStore(mark, "augassign");
      this.i++;
      const vs = this.i;
      this.parseExprList(X_YIELD);
      const literal = target !== null && this.scope !== "function" && augSpecial(this, target, isPlus, [vs, this.i]);
      if (cand) {
        this.allLiteral = literal;
        this.bind(this.pName[mark]!, "augassign", this.pOff[mark]!, this.pLine[mark]!);
        this.allLiteral = false;
      }
      return;
    }
    if (k === T_COLON) {
      // Annotated assignment: the target binds only with a value.
      this.checkTarget(true);
      const target = this.specialTarget([s, this.i]);
      const cand = this.pLen - mark === 1 && (this.pFlags[mark]! & P_CAND) !== 0;
      let tName = "";
      let tOff = 0;
      let tLine = 0;
      if (cand) {
        tName = this.pName[mark]!;
        tOff = this.pOff[mark]!;
        tLine = this.pLine[mark]!;
        this.pLen = mark;
      } else this.resolveStore(mark, "annassign");
      this.i++;
      const amark = this.pLen;
      this.parseExpr(0);
      // Annotations in a def body are never evaluated.
      if (this.futureAnnotations || this.scope === "function") this.pLen = amark;
      // With a value: the value, then the target's names, then the annotation.
      else this.markLate(kind[this.i] === T_EQUAL ? mark : amark, this.pLen);
      // `x: T` in a def body makes `x` local even without a value.
      if (cand && this.scope === "function" && kind[this.i] !== T_EQUAL) this.bind(tName, "annassign", tOff, tLine);
      if (kind[this.i] === T_EQUAL) {
        this.i++;
        const vs = this.i;
        this.parseExprList(X_YIELD);
        const literal = target !== null && assignSpecial(this, [s, s + 1], [vs, this.i]);
        if (cand) {
          this.allLiteral = literal;
          this.bind(tName, "annassign", tOff, tLine);
          this.allLiteral = false;
        }
      }
      return;
    }
    this.clearTargetFlags(mark);
    if (this.scope !== "function" && kind[s] === T_NAME && kind[s + 1] === T_DOT) methodSpecial(this, s);
  }

  /** Pending reads [from, to) are evaluated after the statement's other reads. */
  markLate(from: number, to: number): void {
    for (let r = from; r < to; r++) this.pFlags[r]! |= P_LATE;
  }

  /** The name when the target range is exactly one NAME. */
  specialTarget([a, b]: [number, number]): string | null {
    return b - a === 1 && this.kind[a] === T_NAME ? this.text(a) : null;
  }

  // ---- hooks from the expression scanner -----------------------------------------------------------------------

  sysPathCall(s: number): void {
    if (this.scope !== "module") return;
    const method = this.text(s + 4) as "insert" | "append";
    const args = callArgs(this, s + 5);
    for (const [a] of args) if (isKeywordArg(this, a) || isStarred(this, a)) return;
    let index: number | null = null;
    let path = null;
    if (method === "insert") {
      if (args.length !== 2) return;
      index = intLiteral(this, args[0]![0], args[0]![1]);
      path = pathExpr(this, args[1]![0], args[1]![1], this.pathVars);
    } else {
      if (args.length !== 1) return;
      path = pathExpr(this, args[0]![0], args[0]![1], this.pathVars);
    }
    const [pa, pb] = args[args.length - 1]!;
    const g = this.pathGuard;
    const guarded = g !== null && this.depth === g.depth && pb - pa === 1 && this.text(pa) === g.name;
    this.effects.push(this.sysPath.length);
    this.sysPath.push({
      line: this.tline[s]!,
      col: this.tokCol(s),
      conditional: guarded ? g.conditional : this.conditional,
      method,
      path,
      index,
      stmt: this.stmt,
    });
  }

  pytestCall(method: string, lpar: number, off: number, line: number): void {
    const args = callArgs(this, lpar);
    const col = this.col(off, line);
    if (method === "addinivalue_line") {
      if (args.length < 2 || isKeywordArg(this, args[0]![0]) || isKeywordArg(this, args[1]![0])) return;
      if (plainString(this, args[0]![0], args[0]![1]) !== "markers") return;
      const text = plainString(this, args[1]![0], args[1]![1]);
      if (text !== null) this.pytest.registeredMarkers.push({ line, col, text });
    } else if (method === "addini") {
      if (args.length < 1 || isKeywordArg(this, args[0]![0])) return;
      const name = plainString(this, args[0]![0], args[0]![1]);
      if (name !== null) this.pytest.iniKeys.push({ line, col, name });
    } else {
      const names: string[] = [];
      for (const [a, b] of args) {
        const s = plainString(this, a, b);
        if (s === null) break;
        names.push(s);
      }
      if (names.length > 0) this.pytest.options.push({ line, col, names });
    }
  }
}

// Keep imports that only matter for type positions referenced.
void T_STRING;
void T_LSQB;
