// How many test items pytest would collect from a file that imports cleanly: the "blocked tests" figure.
// Follows pytest's collection of a module's namespace (python.py PyCollector.collect, the unittest plugin): the
// functions and classes the module binds (imported ones too: pytest collects them from the importing module as
// well), each class's methods over its whole MRO (a name once, the first definition in the MRO), bases followed
// into other first-party modules through the facts; literal parametrize sizes multiplied, and so the literal
// `params=` sizes of the parametrized fixtures in each test's fixture closure (fixtures.py getfixtureclosure and
// FixtureManager.pytest_generate_tests: the test's arguments and the autouse fixtures it sees, each resolved by
// name class > module > conftests nearest first > first-party plugin modules, followed through the fixtures'
// own arguments; a parametrize of the same name shadows the fixture's params). What cannot be followed (a base
// from an installed package, a name bound in a branch, non-literal params, a `pytest_generate_tests` hook, a
// fixture name found nowhere while a star import or plugin remedy cannot read might define it) makes the count a
// lower bound, never a silent guess. Fixtures of installed plugins are taken as unparametrized. Items a `-m`
// expression deselects are not counted (markExpression.ts; the marks of the item, its classes and its module).
import { dirname, join } from "node:path";
import type { Binding, FileFacts, FixtureDef, ImportFact, Parametrize, TestClass } from "../python/index.ts";
import { type MarkExpression, parseMarkExpression, selectsMarks } from "./markExpression.ts";

/** pytest's `_matches_prefix_or_glob_option`: a prefix, or an fnmatch pattern when it holds a wildcard. */
export function matchesPrefixOrGlob(patterns: string[], name: string): boolean {
  for (const p of patterns) {
    if (name.startsWith(p)) return true;
    if (/[*?[]/.test(p) && globToRegExp(p).test(name)) return true;
  }
  return false;
}

function globToRegExp(glob: string): RegExp {
  let out = "";
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === "*") out += ".*";
    else if (c === "?") out += ".";
    else if (c === "[") {
      const end = glob.indexOf("]", i + 2);
      if (end < 0) out += "\\[";
      else {
        let body = glob.slice(i + 1, end);
        if (body.startsWith("!")) body = `^${body.slice(1)}`;
        out += `[${body.replace(/\\/g, "\\\\")}]`;
        i = end;
      }
    } else out += c.replace(/[.+^${}()|\\\]]/g, "\\$&");
  }
  return new RegExp(`^${out}$`, "s");
}

export interface CollectPatterns {
  pythonFunctions: string[];
  pythonClasses: string[];
  /** Markers whose installed plugin may add items (PytestSession.markersAddingItems): a count of a module that
   *  uses one is a lower bound. */
  markersAddingItems?: string[];
  /** --doctest-modules (PytestSession.doctest): counts are lower bounds, doctest-only modules have no test. */
  doctest?: { doctestOnly: string[] };
  /** `-m EXPR` (addopts or command line): items whose marks it rejects are deselected, not collected. */
  markExpr?: string | null;
}

/** Where the facts of other modules come from when a test class inherits from (or a test module imports) them. */
export interface ModuleLookup {
  facts(path: string): FileFacts;
  /** The first-party file (module or package `__init__.py`) an absolute dotted module name imports from
   *  `importer`, or null when it is not first-party (installed, stdlib) or not found. */
  findModule(importer: string, name: string): string | null;
  /** The conftest.py files whose fixtures a test file sees, farthest (rootdir) first; absent: none. */
  conftestsOf?(testFile: string): string[];
  /** The first-party modules registered as plugins (`pytest_plugins` of conftests, recursively); absent: none. */
  pluginModules?(): string[];
}

/** pytest's own fixtures (8.x, 9.x): never parametrized. */
const BUILTIN_FIXTURES = new Set([
  "request",
  "cache",
  "capsys",
  "capsysbinary",
  "capfd",
  "capfdbinary",
  "capteesys",
  "caplog",
  "doctest_namespace",
  "pytestconfig",
  "record_property",
  "record_xml_attribute",
  "record_testsuite_property",
  "recwarn",
  "subtests",
  "testdir",
  "pytester",
  "tmp_path",
  "tmp_path_factory",
  "tmpdir",
  "tmpdir_factory",
  "monkeypatch",
  "linecomp",
  "LineMatcher",
]);

/** One fixture definition as the fixture manager holds it. */
interface FixtureDefn {
  params: number | null | undefined;
  args: string[];
  autouse: boolean;
}

/** The fixtures a holder (module namespace, class) registers, by fixture name; `opaque` when a star import remedy
 *  cannot follow may register more. */
interface Holder {
  defs: Map<string, FixtureDefn>;
  opaque: boolean;
  generateTests: boolean;
}

const EMPTY_HOLDER: Holder = { defs: new Map(), opaque: false, generateTests: false };
const NO_DEFS: FixtureDefn[] = [];

/** The fixtures of the plugins and a conftest chain, by name in registration order (see chainFixtures). */
interface OuterFixtures {
  defs: Map<string, FixtureDefn[]>;
  /** Autouse fixture names in the order the holders register them. */
  autouse: string[];
  generateTests: boolean;
  opaque: boolean;
  /** Some holder defines a fixture. */
  any: boolean;
}

/** Classes of the standard library whose subclasses the unittest plugin collects (and which hold no tests). */
const UNITTEST_CASES = new Set(["TestCase", "IsolatedAsyncioTestCase"]);
const UNITTEST_MODULES = new Set(["unittest", "unittest.case", "unittest.async_case"]);
/** Modules whose names imported into a test module are never test items themselves. */
const NO_TESTS_MODULES = new Set([...UNITTEST_MODULES, "pytest", "abc", "typing", "typing_extensions"]);
/** Bases that add no test, no `__init__` and do not make a class abstract by themselves. */
const EMPTY_BASES = new Set(["object", "abc.ABC", "ABC"]);

type Value =
  | { kind: "class"; path: string; facts: FileFacts; cls: TestClass }
  | { kind: "function"; path: string; facts: FileFacts; name: string; line: number }
  | { kind: "module"; path: string }
  | { kind: "unittest" }
  | { kind: "empty" }
  | { kind: "unknown" };

const UNKNOWN: Value = { kind: "unknown" };
const MAX_DEPTH = 24;

/** Counts per file; memoizes name lookups across the files of one scan. */
export class TestCounter {
  private readonly values = new Map<string, Value>();
  private readonly holders = new Map<string, Holder>();
  private plugins: Holder[] | null = null;
  /** Per conftest chain: what its plugins and conftests register (chainFixtures). */
  private readonly chains = new Map<string, OuterFixtures>();
  /** Per class MRO (the array classItems resolves once per class): the class's own fixtures. */
  private readonly classHolders = new WeakMap<object, Holder>();

  /** The parsed `-m` expression; null: none, or one remedy cannot read (then no count is exact). */
  private readonly selection: MarkExpression | null;
  private readonly selectionUnknown: boolean;
  /** PytestSession.doctest's doctestOnly, as a set (asked once per counted file). */
  private readonly doctestOnly: ReadonlySet<string>;

  constructor(
    private readonly patterns: CollectPatterns,
    private readonly lookup: ModuleLookup | null = null,
  ) {
    const expr = patterns.markExpr ?? null;
    this.selection = expr === null ? null : parseMarkExpression(expr);
    this.selectionUnknown = expr !== null && this.selection === null;
    this.doctestOnly = new Set(patterns.doctest?.doctestOnly ?? []);
  }

  /** Whether `-m` keeps an item whose marks are those of `owners` (module null: its pytestmark; "func",
   *  "Class", "Class.method": decorators and class pytestmark), each looked up in its module's facts. A
   *  parametrized item may carry marks of its own (`pytest.param(..., marks=...)`), which facts do not list. */
  private selected(
    owners: [FileFacts, string | null][],
    parametrized: boolean,
    state: { exact: boolean },
    extra: Iterable<string> = [],
  ): boolean {
    if (this.selectionUnknown) state.exact = false;
    if (this.selection === null) return true;
    const names = new Set<string>(extra);
    for (const [facts, target] of owners)
      for (const m of facts.pytest.markers)
        if (m.target === target && (target !== null || m.via === "pytestmark")) names.add(m.name);
    if (parametrized) state.exact = false;
    return selectsMarks(this.selection, names);
  }

  /** Test items pytest would collect from the module at `path` (`only`: from its attribute of that name alone).
   *  `exact` is false when some count is a lower bound (a parametrize list that is not a literal, a base or
   *  imported name remedy cannot follow). */
  count(path: string, facts: FileFacts, only?: string): { count: number; exact: boolean } {
    // Doctest items are not counted: under --doctest-modules every count is a lower bound, and a module collected
    // only for its doctests has no other item.
    if (this.doctestOnly.has(path)) return { count: 0, exact: false };
    const state = { exact: this.patterns.doctest === undefined };
    let total = 0;
    // The module namespace at the end of its execution: the last binding of each name.
    const last = new Map<string, Binding>();
    for (const b of facts.bindings) if (!b.typeChecking) last.set(b.name, b);
    // Facts built by hand (tests) may list defs and classes without their bindings: each binds its name then.
    for (const d of [...facts.pytest.classes, ...facts.pytest.functions.filter((f) => f.className === null)]) {
      const kind = "bases" in d ? "class" : "def";
      if (!last.has(d.name)) last.set(d.name, { name: d.name, kind, line: d.line, col: d.col, stmt: -1 });
    }
    const classesAt = new Map(facts.pytest.classes.map((c) => [`${c.name}@${c.line}`, c]));
    const functionsAt = new Set(facts.pytest.functions.filter((f) => f.className === null).map((f) => f.line));
    for (const [name, b] of last) {
      if (b.kind === "del" || (only !== undefined && name !== only)) continue;
      let value: Value;
      if (b.kind === "class") {
        const cls = classesAt.get(`${name}@${b.line}`);
        value = cls ? { kind: "class", path, facts, cls } : UNKNOWN;
      } else if (b.kind === "def") {
        if (!functionsAt.has(b.line)) continue;
        value = { kind: "function", path, facts, name, line: b.line };
      } else if (b.kind === "import") {
        // Only names a collector could take are looked up: a test-named one, or a class (unittest cases are
        // collected whatever their name).
        value = this.importedValue(path, facts, b, 0);
        if (value.kind === "unknown" && !this.testNamed(name)) continue;
      } else {
        // An assignment (`TestB = TestA`, `test_x = make_test()`): pytest collects what the name holds.
        if (this.testNamed(name)) state.exact = false;
        continue;
      }
      // A name bound only on some paths (an `if` body): pytest may or may not find it.
      if (b.conditional) {
        if (this.itemsOf(path, facts, name, value, { exact: true }) > 0 || value.kind === "unknown")
          state.exact = false;
        continue;
      }
      total += this.itemsOf(path, facts, name, value, state);
    }
    if (facts.pytest.parametrize.some((p) => p.size === null)) state.exact = false;
    const adding = this.patterns.markersAddingItems ?? [];
    if (total > 0 && facts.pytest.markers.some((m) => adding.includes(m.name))) state.exact = false;
    // A module-level `pytestmark` parametrize (not among the parametrize facts: it has no target) multiplies
    // every test of the module, and shadows the fixtures it names.
    const moduleParametrize = facts.pytest.markers.some(
      (m) => m.name === "parametrize" && m.via === "pytestmark" && m.target === null,
    );
    if (total > 0 && moduleParametrize) state.exact = false;
    return { count: total, exact: state.exact };
  }

  private testNamed(name: string): boolean {
    return (
      matchesPrefixOrGlob(this.patterns.pythonFunctions, name) || matchesPrefixOrGlob(this.patterns.pythonClasses, name)
    );
  }

  /** What collecting the module attribute `name` bound to `value` in the module at `path` yields. */
  private itemsOf(path: string, facts: FileFacts, name: string, value: Value, state: { exact: boolean }): number {
    switch (value.kind) {
      case "function": {
        if (!matchesPrefixOrGlob(this.patterns.pythonFunctions, name)) return 0;
        if (isFixture(value.facts, value.name, value.line)) return 0;
        const aliased = this.importedMarks(value.path, value.facts, value.name);
        const marks = [...parametrizeOf(value.facts, value.name), ...aliased.parametrize];
        const owners: [FileFacts, string | null][] = [
          [facts, null],
          [value.facts, value.name],
        ];
        if (!this.selected(owners, marks.length > 0, state, aliased.names)) return 0;
        const def = value.facts.pytest.functions.find((f) => f.className === null && f.line === value.line);
        const fixtures = this.fixtureFactor(path, facts, [], def?.args ?? [], marks, state);
        return directFactor(marks, state) * fixtures;
      }
      case "class":
        return this.classItems(path, facts, name, value, state);
      case "unknown":
        if (this.testNamed(name)) state.exact = false;
        return 0;
      default:
        return 0;
    }
  }

  private classItems(
    path: string,
    facts: FileFacts,
    name: string,
    value: Extract<Value, { kind: "class" }>,
    state: { exact: boolean },
  ): number {
    const mro = this.mro(value, 0);
    const resolved = mro.filter((v): v is Extract<Value, { kind: "class" }> => v.kind === "class");
    const unknownBase = mro.some((v) => v.kind === "unknown");
    const unittest = mro.some((v) => v.kind === "unittest");
    if (unittest) {
      // unittest's TestLoader: every callable attribute starting with "test" (inherited ones too), else runTest.
      const names = new Set<string>();
      for (const c of resolved) for (const m of methodsOf(c)) if (m.startsWith("test")) names.add(m);
      if (unknownBase) state.exact = false;
      if (names.size > 0) return names.size;
      return resolved.some((c) => methodsOf(c).includes("runTest")) ? 1 : 0;
    }
    if (!matchesPrefixOrGlob(this.patterns.pythonClasses, name)) {
      // A class from an unknown base may still be a unittest case.
      if (unknownBase && resolved.some((c) => methodsOf(c).some((m) => m.startsWith("test")))) state.exact = false;
      return 0;
    }
    // pytest does not collect a class with an `__init__` of its own or inherited (warning "cannot collect").
    if (resolved.some((c) => c.cls.hasInit)) return 0;
    if (unknownBase) state.exact = false;
    const classAliased = resolved.map((c) => this.importedMarks(c.path, c.facts, c.cls.name));
    const classMarks = [
      ...resolved.flatMap((c) => parametrizeOf(c.facts, c.cls.name)),
      ...classAliased.flatMap((a) => a.parametrize),
    ];
    const classFactor = directFactor(classMarks, state);
    let total = 0;
    const seen = new Set<string>();
    for (const c of resolved) {
      for (const f of c.facts.pytest.functions) {
        if (f.className !== c.cls.name || seen.has(f.name)) continue;
        seen.add(f.name);
        if (!matchesPrefixOrGlob(this.patterns.pythonFunctions, f.name)) continue;
        // The last def of a name in the class body is the one in its namespace.
        const defs = c.facts.pytest.functions.filter((g) => g.className === c.cls.name && g.name === f.name);
        const def = defs[defs.length - 1]!;
        if (isFixture(c.facts, f.name, def.line)) continue;
        const aliased = this.importedMarks(c.path, c.facts, `${c.cls.name}.${f.name}`);
        const marks = [...parametrizeOf(c.facts, `${c.cls.name}.${f.name}`), ...aliased.parametrize];
        const owners: [FileFacts, string | null][] = [
          [facts, null],
          [c.facts, `${c.cls.name}.${f.name}`],
        ];
        for (const k of resolved) owners.push([k.facts, k.cls.name]);
        const extra = [...aliased.names, ...classAliased.flatMap((a) => [...a.names])];
        if (!this.selected(owners, marks.length + classMarks.length > 0, state, extra)) continue;
        const fixtures = this.fixtureFactor(path, facts, resolved, def.args, [...marks, ...classMarks], state);
        total += classFactor * directFactor(marks, state) * fixtures;
      }
    }
    return total;
  }

  /** The product of the literal `params=` sizes of the parametrized fixtures in the closure of a test collected
   *  from the module at `path` (in the classes `mro`, empty for a function) requesting `args`, under the
   *  parametrize marks `marks` (FixtureManager.getfixtureclosure, then pytest_generate_tests). */
  private fixtureFactor(
    path: string,
    facts: FileFacts,
    mro: Extract<Value, { kind: "class" }>[],
    args: string[],
    marks: Parametrize[],
    state: { exact: boolean },
  ): number {
    // Registration order: plugins, conftests from the rootdir down, the module, the class (the last is closest).
    const chain = this.chainFixtures(path);
    const mod = this.holder(path, facts);
    let cls = mro.length === 0 ? EMPTY_HOLDER : this.classHolders.get(mro);
    if (!cls) {
      cls = classHolder(mro);
      this.classHolders.set(mro, cls);
    }
    if (chain.generateTests || mod.generateTests || cls.generateTests) state.exact = false;
    // Parametrize argnames that are not literal: which fixtures they shadow (or leave out) is unknown.
    if (marks.some((m) => m.argnames === null)) {
      if (chain.any || mod.defs.size > 0 || cls.defs.size > 0) state.exact = false;
      return 1;
    }
    const defsOf = (name: string): FixtureDefn[] => {
      const o = chain.defs.get(name) ?? NO_DEFS;
      const m = mod.defs.get(name);
      const c = cls.defs.get(name);
      if (!m && !c) return o;
      const out = [...o];
      if (m) out.push(m);
      if (c) out.push(c);
      return out;
    };
    const initial = [...chain.autouse];
    for (const h of [mod, cls])
      for (const [name, d] of h.defs) if (d.autouse && !initial.includes(name)) initial.push(name);
    for (const a of args) if (!initial.includes(a)) initial.push(a);
    const direct = new Set(marks.filter((m) => !m.indirect).flatMap((m) => m.argnames!));
    const shadowed = new Set(marks.flatMap((m) => m.argnames!));
    const closure = [...initial];
    const index = new Map<string, number>();
    const visit = (name: string): void => {
      if (index.get(name) === -1) return;
      if (!closure.includes(name)) closure.push(name);
      if (direct.has(name)) return;
      const defs = defsOf(name);
      const at = index.get(name) ?? -1;
      if (-at > defs.length) return;
      index.set(name, at - 1);
      for (const dep of defs[defs.length + at]!.args) visit(dep);
      index.set(name, at);
    };
    for (const name of initial) visit(name);
    const opaque = chain.opaque || mod.opaque || cls.opaque;
    let factor = 1;
    for (const name of closure) {
      if (shadowed.has(name) || direct.has(name)) continue;
      const defs = defsOf(name);
      if (defs.length === 0) {
        if (opaque && !BUILTIN_FIXTURES.has(name)) state.exact = false;
        continue;
      }
      for (let i = defs.length - 1; i >= 0; i--) {
        const d = defs[i]!;
        if (d.params !== undefined) {
          if (d.params === null) state.exact = false;
          factor *= Math.max(1, d.params ?? 1);
          break;
        }
        // An override that does not request the fixture it overrides ends the chain.
        if (!d.args.includes(name)) break;
      }
    }
    return factor;
  }

  /** What the plugins and the conftests from the rootdir down register for the tests of the module at `path`,
   *  merged once per conftest chain (shared by every module below it): saleor counts tens of thousands of tests,
   *  and merging the holders per test was most of its counting time. */
  private chainFixtures(path: string): OuterFixtures {
    const conftests = this.lookup?.conftestsOf?.(path) ?? [];
    const key = conftests.join("\0");
    let o = this.chains.get(key);
    if (o) return o;
    const holders = [...this.pluginHolders(), ...conftests.map((c) => this.holder(c, this.lookup!.facts(c)))];
    o = {
      defs: new Map(),
      autouse: [],
      generateTests: holders.some((h) => h.generateTests),
      opaque: holders.some((h) => h.opaque),
      any: holders.some((h) => h.defs.size > 0),
    };
    for (const h of holders) {
      for (const [name, d] of h.defs) {
        const list = o.defs.get(name);
        if (list) list.push(d);
        else o.defs.set(name, [d]);
        if (d.autouse && !o.autouse.includes(name)) o.autouse.push(name);
      }
    }
    this.chains.set(key, o);
    return o;
  }

  /** The fixtures of the first-party plugin modules (memoized). */
  private pluginHolders(): Holder[] {
    this.plugins ??= (this.lookup?.pluginModules?.() ?? []).map((f) => this.holder(f, this.lookup!.facts(f)));
    return this.plugins;
  }

  /** The fixtures the module at `path` registers: what its namespace holds at the end of its execution (its own
   *  defs, imported fixtures, star imports of first-party modules), by fixture name (memoized). */
  private holder(path: string, facts: FileFacts, depth = 0): Holder {
    const known = this.holders.get(path);
    if (known) return known;
    this.holders.set(path, EMPTY_HOLDER); // a cycle of star imports ends here
    const h: Holder = {
      defs: new Map(),
      opaque: false,
      generateTests: facts.pytest.dynamicHooks.includes("pytest_generate_tests"),
    };
    const fixtureAt = (f: FileFacts, line: number) =>
      f.pytest.fixtures.find((x) => x.className === null && x.line === line);
    for (const star of facts.starImports) {
      const imp = facts.imports.find((i) => i.scope === "module" && i.line === star.line && i.col === star.col);
      const spec = imp ? moduleSpec(imp) : null;
      const file = spec === null ? null : (this.lookup?.findModule(path, spec) ?? null);
      if (file === null || depth > MAX_DEPTH) {
        h.opaque = true;
        continue;
      }
      const from = this.holder(file, this.lookup!.facts(file), depth + 1);
      const all = this.lookup!.facts(file).dunderAll;
      h.opaque ||= from.opaque;
      for (const [name, d] of from.defs)
        if (all?.complete ? all.names.includes(name) : !name.startsWith("_")) h.defs.set(name, d);
    }
    const last = new Map<string, Binding>();
    for (const b of facts.bindings) if (!b.typeChecking) last.set(b.name, b);
    const own: [string, FixtureDef][] = [];
    for (const [name, b] of last) {
      let f: FixtureDef | undefined;
      if (b.kind === "def") f = fixtureAt(facts, b.line);
      else if (b.kind === "import") {
        const value = this.importedValue(path, facts, b, 0);
        if (value.kind === "function") f = fixtureAt(value.facts, value.line);
      }
      // A name the module binds to something else hides the fixture a star import brought under it.
      h.defs.delete(name);
      if (f) own.push([f.alias ?? name, f]);
    }
    for (const [name, f] of own) h.defs.set(name, defn(f));
    this.holders.set(path, h);
    return h;
  }

  /** The class and its bases in method resolution order (C3; depth-first when C3 fails, as Python would raise). */
  private mro(value: Value, depth: number): Value[] {
    if (value.kind !== "class") return [value];
    if (depth > MAX_DEPTH) return [value, UNKNOWN];
    const bases = value.cls.bases.flatMap((b) => this.baseValue(value, b));
    const lists = bases.map((b) => this.mro(b, depth + 1));
    const merged = c3([...lists.map((l) => [...l]), [...bases]]);
    return [value, ...(merged ?? lists.flat())];
  }

  private baseValue(owner: Extract<Value, { kind: "class" }>, dotted: string): Value[] {
    const parts = dotted.split(".");
    const stmt = owner.facts.bindings.find((b) => b.kind === "class" && b.line === owner.cls.line)?.stmt ?? Infinity;
    let value = this.nameIn(owner.path, owner.facts, parts[0]!, stmt, 0);
    for (const attr of parts.slice(1)) value = this.attributeOf(value, attr, 0);
    // `abc.ABC` after `import abc`: the stdlib module is not followed, but this base adds nothing.
    if (value.kind === "unknown" && EMPTY_BASES.has(dotted)) return [{ kind: "empty" }];
    // A `...TestCase` remedy cannot read (Django's, a library's): a unittest case with tests remedy cannot see.
    if (value.kind === "unknown" && parts[parts.length - 1]!.endsWith("TestCase")) return [{ kind: "unittest" }, value];
    return [value];
  }

  /** The value of `name` in the module at `path` when statement `before` runs (Infinity: after the module ran). */
  private nameIn(path: string, facts: FileFacts, name: string, before: number, depth: number): Value {
    const key = `${path}\0${name}\0${before}`;
    const known = this.values.get(key);
    if (known) return known;
    this.values.set(key, UNKNOWN); // a cycle ends here
    const value = this.computeNameIn(path, facts, name, before, depth);
    this.values.set(key, value);
    return value;
  }

  private computeNameIn(path: string, facts: FileFacts, name: string, before: number, depth: number): Value {
    if (depth > MAX_DEPTH) return UNKNOWN;
    let binding: Binding | undefined;
    for (const b of facts.bindings) if (b.name === name && !b.typeChecking && b.stmt < before) binding = b;
    if (!binding) {
      if (facts.starImports.some((s) => s.stmt < before) || facts.moduleGetattr) return UNKNOWN;
      if (name === "object") return { kind: "empty" };
      // `from pkg import sub` with nothing bound: the submodule.
      const sub = this.submodule(path, name);
      return sub ?? UNKNOWN;
    }
    if (binding.conditional || binding.caught) return UNKNOWN;
    if (binding.kind === "class") {
      const cls = facts.pytest.classes.find((c) => c.name === name && c.line === binding.line);
      return cls ? { kind: "class", path, facts, cls } : UNKNOWN;
    }
    if (binding.kind === "def") return { kind: "function", path, facts, name, line: binding.line };
    if (binding.kind === "import") return this.importedValue(path, facts, binding, depth + 1);
    return UNKNOWN;
  }

  /** What an import binding binds. */
  private importedValue(path: string, facts: FileFacts, binding: Binding, depth: number): Value {
    const found = importOf(facts, binding);
    if (!found) return UNKNOWN;
    const { imp, n } = found;
    if (imp.kind === "import") {
      const module = n.asname ? n.name : n.name.split(".")[0]!;
      return this.moduleValue(path, module);
    }
    const module = moduleSpec(imp);
    if (module === null) return UNKNOWN;
    if (UNITTEST_MODULES.has(module) && UNITTEST_CASES.has(n.name)) return { kind: "unittest" };
    const file = this.lookup?.findModule(path, module) ?? null;
    if (file === null) return NO_TESTS_MODULES.has(module) ? { kind: "empty" } : UNKNOWN;
    return this.nameIn(file, this.lookup!.facts(file), n.name, Infinity, depth + 1);
  }

  /** The marks that bare-name decorators of `target` apply when each name is imported from a first-party module
   *  that binds it to a mark (`from tests.marks import slow, sizes` with `sizes = pytest.mark.parametrize(...)`
   *  there): their names, and their parametrize facts. A name remedy cannot follow applies nothing. */
  private importedMarks(
    path: string,
    facts: FileFacts,
    target: string,
  ): { names: Set<string>; parametrize: Parametrize[] } {
    const out = { names: new Set<string>(), parametrize: [] as Parametrize[] };
    for (const d of facts.pytest.decoratorNames ?? []) {
      if (d.target !== target) continue;
      const found = this.markAlias(path, facts, d.name, 0);
      if (!found) continue;
      for (const n of found.names) out.names.add(n);
      out.parametrize.push(...found.parametrize);
    }
    return out;
  }

  /** What `name` holds in the module at `path` when it is a mark alias there or imported from one (a few
   *  re-exports deep), else null. */
  private markAlias(
    path: string,
    facts: FileFacts,
    name: string,
    depth: number,
  ): { names: string[]; parametrize: Parametrize[] } | null {
    const own = facts.pytest.markers.filter((m) => m.via === "alias" && m.target === name);
    if (own.length > 0) {
      return { names: own.map((m) => m.name), parametrize: facts.pytest.parametrize.filter((p) => p.target === name) };
    }
    if (depth >= 3 || !this.lookup) return null;
    const bound = facts.bindings.filter((b) => b.name === name);
    const b = bound[0];
    if (bound.length !== 1 || b?.kind !== "import") return null;
    const found = importOf(facts, b);
    const module = found?.imp.kind === "from" ? moduleSpec(found.imp) : null;
    if (!found || module === null) return null;
    const n = found.n;
    const file = this.lookup.findModule(path, module);
    return file === null ? null : this.markAlias(file, this.lookup.facts(file), n.name, depth + 1);
  }

  private moduleValue(importer: string, module: string): Value {
    if (UNITTEST_MODULES.has(module)) return { kind: "module", path: `<${module}>` };
    const file = this.lookup?.findModule(importer, module) ?? null;
    return file === null ? UNKNOWN : { kind: "module", path: file };
  }

  private attributeOf(value: Value, attr: string, depth: number): Value {
    if (value.kind !== "module") return UNKNOWN;
    if (value.path.startsWith("<")) {
      const module = value.path.slice(1, -1);
      return UNITTEST_CASES.has(attr) ? { kind: "unittest" } : this.moduleValue(value.path, `${module}.${attr}`);
    }
    return this.nameIn(value.path, this.lookup!.facts(value.path), attr, Infinity, depth + 1);
  }

  private submodule(path: string, name: string): Value | null {
    if (!path.endsWith("__init__.py") || !this.lookup) return null;
    // The package's own dotted name is unknown here; its directory is enough to find the file.
    const dir = dirname(path);
    const file = this.lookup.findModule(join(dir, "__init__.py"), `.${name}`);
    return file === null ? null : { kind: "module", path: file };
  }
}

/** The module a `from` import names, a relative one written with its leading dots (as findModule takes it). */
function moduleSpec(imp: ImportFact): string | null {
  if (imp.level === 0) return imp.module;
  return `${".".repeat(imp.level)}${imp.module ?? ""}`;
}

/** The module-level import statement that made `binding`, and the name of it that binds it. */
function importOf(facts: FileFacts, binding: Binding): { imp: ImportFact; n: ImportFact["names"][number] } | null {
  for (const imp of facts.imports) {
    if (imp.scope !== "module" || imp.stmt !== binding.stmt) continue;
    const n = imp.names.find((x) => boundName(imp, x) === binding.name);
    if (n) return { imp, n };
  }
  return null;
}

function boundName(imp: ImportFact, n: { name: string; asname: string | null }): string {
  return n.asname ?? (imp.kind === "import" ? n.name.split(".")[0]! : n.name);
}

/** Method names a class body defines. */
function methodsOf(c: { facts: FileFacts; cls: TestClass }): string[] {
  return c.facts.pytest.functions.filter((f) => f.className === c.cls.name).map((f) => f.name);
}

/** A def decorated as a fixture is not a test, whatever its name. */
function isFixture(facts: FileFacts, name: string, line: number): boolean {
  return facts.pytest.fixtures.some((f) => f.name === name && f.line === line);
}

/** The parametrize marks on `target` ("func", "Class" or "Class.method"). */
function parametrizeOf(facts: FileFacts, target: string): Parametrize[] {
  return facts.pytest.parametrize.filter((p) => p.target === target);
}

/** The product of the literal parametrize sizes of `marks`. */
function directFactor(marks: Parametrize[], state: { exact: boolean }): number {
  let factor = 1;
  for (const p of marks) {
    if (p.size === null) state.exact = false;
    factor *= Math.max(1, p.size ?? 1);
  }
  return factor;
}

function defn(f: FixtureDef): FixtureDefn {
  return { params: f.params, args: f.args, autouse: f.autouse };
}

/** The fixtures a test class registers: `dir(cls)` over its MRO, each attribute from the first class defining it. */
function classHolder(mro: Extract<Value, { kind: "class" }>[]): Holder {
  if (mro.length === 0) return EMPTY_HOLDER;
  const h: Holder = { defs: new Map(), opaque: false, generateTests: false };
  const seen = new Set<string>();
  for (const c of mro) {
    const own = c.facts.pytest.functions.filter((f) => f.className === c.cls.name && f.line > c.cls.line);
    for (const f of own) {
      if (seen.has(f.name)) continue;
      // The last def of a name in the class body is the attribute.
      const lastDef = own.filter((g) => g.name === f.name).pop()!;
      seen.add(f.name);
      const fx = c.facts.pytest.fixtures.find((x) => x.className === c.cls.name && x.line === lastDef.line);
      if (fx && !h.defs.has(fx.alias ?? fx.name)) h.defs.set(fx.alias ?? fx.name, defn(fx));
    }
  }
  return h;
}

/** C3 linearization of the bases' MROs; null when there is none (Python raises TypeError). */
function c3(seqs: Value[][]): Value[] | null {
  const out: Value[] = [];
  const same = (a: Value, b: Value) =>
    a === b || (a.kind === "class" && b.kind === "class" && a.path === b.path && a.cls === b.cls);
  for (;;) {
    const live = seqs.filter((s) => s.length > 0);
    if (live.length === 0) return out;
    const head = live
      .map((s) => s[0]!)
      .find((h) => h.kind !== "class" || !live.some((s) => s.slice(1).some((x) => same(x, h))));
    if (!head) return null;
    out.push(head);
    for (const s of live) if (same(s[0]!, head)) s.shift();
  }
}

/** Test functions/methods pytest would collect from these facts alone (no other module followed). */
export function countCollectableTests(facts: FileFacts, patterns: CollectPatterns): { count: number; exact: boolean } {
  return new TestCounter(patterns).count(facts.path, facts);
}
