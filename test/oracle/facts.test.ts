// The oracle (bench/oracle/facts.py, CPython's ast) on small sources: exact facts per section of docs/facts.md.
// The oracle defines correct facts for the scanner, so its own reading of the doc is pinned here case by case.
import assert from "node:assert/strict";
import { join } from "node:path";
import { test } from "node:test";
import { runOracle } from "../../bench/oracle/runOracle.ts";
import type { FileFacts } from "../../src/python/facts.ts";
import { type SOURCES, writeCases } from "./cases.ts";

const { dir, paths } = writeCases();
const all = await runOracle(Object.values(paths));
const facts = (name: keyof typeof SOURCES): FileFacts => all.get(paths[name])!;

type Flags = { typeChecking?: boolean; conditional?: boolean; caught?: string[]; late?: true };
/** The flags as facts write them: only those that hold (docs/facts.md). */
const flags = (o: Flags = {}) => {
  const { typeChecking, conditional, caught, ...rest } = o;
  return {
    ...(typeChecking ? { typeChecking: true as const } : {}),
    ...(conditional ? { conditional: true as const } : {}),
    ...(caught && caught.length > 0 ? { caught } : {}),
    ...rest,
  };
};
const bind = (name: string, kind: string, line: number, col: number, stmt: number, o: Flags = {}) => ({
  name,
  kind,
  line,
  col,
  stmt,
  ...flags(o),
});
const read = (name: string, line: number, col: number, stmt: number, o: Flags & { scope?: string } = {}) => {
  const { scope = "module", ...rest } = o;
  return { name, line, col, stmt, scope, ...flags(rest) };
};
const imp = (f: FileFacts) =>
  f.imports.map((i) => [
    i.names[0]!.name,
    i.stmt,
    i.scope,
    i.typeChecking === true,
    i.conditional === true,
    i.caught ?? [],
  ]);

test("statement index: pre-order over module and class bodies, -1 inside defs", () => {
  const f = facts("stmtIndex");
  assert.equal(f.status, "ok");
  assert.deepEqual(imp(f), [
    ["a", 0, "module", false, false, []],
    ["b", 1, "module", false, false, []],
    ["c", 3, "module", false, true, []],
    ["d", 4, "module", false, true, []],
    ["e", 6, "class", false, false, []],
    ["g", -1, "function", false, false, []],
    ["h", 8, "module", false, false, []],
  ]);
  assert.deepEqual(
    f.imports.slice(0, 2).map((i) => [i.line, i.col]),
    [
      [1, 0],
      [1, 10],
    ],
  );
});

test("execution context: TYPE_CHECKING, conditional, caught; fresh inside a def", () => {
  assert.deepEqual(imp(facts("context")), [
    ["TYPE_CHECKING", 0, "module", false, false, []],
    ["a", 2, "module", true, false, []],
    ["b", 4, "module", false, true, []],
    ["c", 6, "module", true, false, []],
    ["d", 8, "module", false, false, []],
    ["e", 10, "module", false, false, ["ImportError", "mod.Err"]],
    ["f", 12, "module", false, false, ["ImportError", "mod.Err"]],
    ["g", 13, "module", false, true, []],
    ["h", 14, "module", false, true, []],
    ["i", 15, "module", false, false, []],
    ["j", 17, "module", false, true, []],
    ["k", -1, "function", false, false, []],
    ["l", 23, "module", false, true, ["*"]],
    ["n", 24, "module", false, true, []],
  ]);
});

test("imports and star imports", () => {
  const f = facts("importsAndStars");
  const base = { ...flags(), scope: "module" };
  assert.deepEqual(f.imports, [
    { ...base, line: 1, col: 0, kind: "from", module: "", level: 1, names: [{ name: "x", asname: null }], stmt: 0 },
    {
      ...base,
      line: 2,
      col: 0,
      kind: "from",
      module: "pkg.sub",
      level: 2,
      names: [
        { name: "y", asname: "yy" },
        { name: "z", asname: null },
      ],
      stmt: 1,
    },
    {
      ...base,
      line: 3,
      col: 0,
      kind: "import",
      module: null,
      level: 0,
      names: [
        { name: "a.b.c", asname: null },
        { name: "d", asname: "dd" },
      ],
      stmt: 2,
    },
    { ...base, line: 4, col: 0, kind: "from", module: "m", level: 0, names: [{ name: "*", asname: null }], stmt: 3 },
    {
      ...base,
      scope: "function",
      line: 6,
      col: 4,
      kind: "from",
      module: "n",
      level: 0,
      names: [{ name: "q", asname: null }],
      stmt: -1,
    },
  ]);
  assert.deepEqual(f.starImports, [{ line: 4, col: 0, stmt: 3 }]);
  assert.deepEqual(f.bindings, [
    bind("x", "import", 1, 14, 0),
    bind("yy", "import", 2, 23, 1),
    bind("z", "import", 2, 32, 1),
    bind("a", "import", 3, 7, 2),
    bind("dd", "import", 3, 14, 2),
    bind("f", "def", 5, 0, 4),
  ]);
});

test("bindings: every kind, positions as the doc says", () => {
  assert.deepEqual(facts("bindings").bindings, [
    bind("f", "def", 1, 0, 0),
    bind("g", "def", 2, 0, 1),
    bind("C", "class", 3, 0, 2),
    bind("a", "assign", 4, 0, 4),
    bind("b", "assign", 4, 4, 4),
    bind("c", "assign", 5, 1, 5),
    bind("d", "assign", 5, 5, 5),
    bind("e", "assign", 5, 9, 5),
    bind("h", "annassign", 7, 0, 7),
    bind("j", "augassign", 9, 0, 9),
    bind("k", "walrus", 10, 6, 10),
    bind("n", "walrus", 11, 25, 11),
    bind("q", "for", 13, 4, 13),
    bind("r", "for", 13, 7, 13),
    bind("s", "with", 14, 16, 15),
    bind("t", "with", 14, 19, 15),
    bind("u", "except", 16, 0, 17),
    bind("v", "import", 17, 7, 20),
    bind("x2", "import", 18, 7, 21),
    bind("zz", "import", 19, 14, 22),
    bind("aa", "del", 21, 4, 24),
    bind("m1", "match", 23, 10, 25),
    bind("rest", "match", 23, 14, 25),
    bind("kw", "match", 24, 9, 25),
    bind("whole", "match", 25, 9, 25),
    bind("ax", "match", 25, 13, 25),
    bind("m2", "match", 26, 10, 25),
    bind("m3", "match", 26, 10, 25),
  ]);
  assert.deepEqual(facts("bindings").starImports, [{ line: 20, col: 0, stmt: 23 }]);
});

test("dunderAll: literal forms in source order; other changes make it incomplete", () => {
  assert.deepEqual(facts("dunderAllLiteral").dunderAll, { names: ["a", "b", "c", "d", "e"], line: 1, complete: true });
  assert.deepEqual(facts("dunderAllRemove").dunderAll, { names: ["a", "b"], line: 1, complete: false });
  assert.deepEqual(facts("dunderAllComputed").dunderAll, { names: [], line: 2, complete: false });
  assert.equal(facts("dunderAllClass").dunderAll, null);
  assert.equal(facts("dunderAllClass").moduleGetattr, false);
  assert.equal(facts("moduleGetattr").moduleGetattr, true);
});

test("reads: what import evaluates, class-local names left out", () => {
  const cls = { scope: "class" };
  assert.deepEqual(facts("reads").reads, [
    read("deco", 2, 1, 1),
    read("a1", 2, 6, 1),
    read("d1", 3, 8, 1),
    read("d2", 3, 17, 1),
    read("ret", 3, 24, 1, { late: true }),
    read("B", 5, 8, 2),
    read("M", 5, 21, 2),
    read("w", 7, 12, 4, cls),
    read("y", 10, 5, 7, { ...cls, conditional: true }),
    read("ann", 11, 3, 8, { late: true }),
    read("val", 11, 9, 8),
    read("ld", 12, 15, 9),
    read("e1", 13, 1, 10, { conditional: true }),
    read("it1", 13, 13, 10),
    read("c1", 13, 20, 10, { conditional: true }),
    read("it2", 13, 32, 10, { conditional: true }),
    read("it3", 14, 13, 11),
    read("fs", 15, 3, 12),
    read("spec", 15, 7, 12),
    read("o2", 16, 8, 13),
    read("o3", 17, 0, 14, { late: true }),
    read("a4", 18, 0, 15),
  ]);
  assert.deepEqual(facts("readsFuture").reads, [read("d", 2, 13, 1), read("v", 3, 7, 2)]);
  assert.equal(facts("readsFuture").futureAnnotations, true);
  assert.deepEqual(facts("readsNested").reads, [
    read("c", 1, 29, 0),
    read("t", 4, 21, 3, { scope: "class", conditional: true }),
    read("t", 6, 12, 5, { scope: "class" }),
  ]);
});

test("attributeReads: the maximal load chain above a read name", () => {
  const f = facts("attributeReads");
  assert.deepEqual(f.attributeReads, [
    { ...read("a", 1, 0, 0), attrs: ["b", "c"] },
    { ...read("a", 2, 0, 1), attrs: ["b"] },
    { ...read("a", 3, 0, 2, { late: true }), attrs: ["b"] },
  ]);
  assert.deepEqual(
    f.reads.map((r) => [r.name, r.line, r.col]),
    [
      ["a", 1, 0],
      ["a", 2, 0],
      ["a", 3, 0],
      ["a", 4, 4],
      ["x", 5, 0],
    ],
  );
});

test("sysPath: path expressions, index literals, module scope only", () => {
  const file = { kind: "file" };
  assert.deepEqual(facts("sysPath").sysPath, [
    { line: 3, col: 0, conditional: false, method: "insert", path: [file, { kind: "dirname" }], index: 0, stmt: 2 },
    {
      line: 4,
      col: 0,
      conditional: false,
      method: "append",
      path: [
        {
          kind: "join",
          parts: [[file, { kind: "resolve" }, { kind: "parent" }], [{ kind: "literal", value: "lib" }]],
        },
      ],
      index: null,
      stmt: 3,
    },
    { line: 6, col: 4, conditional: true, method: "insert", path: null, index: -1, stmt: 5 },
    {
      line: 7,
      col: 0,
      conditional: false,
      method: "insert",
      path: [{ kind: "literal", value: "a" }],
      index: null,
      stmt: 6,
    },
  ]);
});

test("pytest: functions, classes, markers, fixtures, hooks, options, collect_ignore", () => {
  const p = facts("pytestFacts").pytest;
  const fn = (
    name: string,
    line: number,
    col: number,
    args: string[],
    className: string | null = null,
    async = false,
  ) => ({
    name,
    line,
    col,
    className,
    async,
    args,
  });
  assert.deepEqual(p.functions, [
    fn("test_a", 9, 0, ["x"]),
    fn("my_fixture", 12, 0, []),
    fn("other_fixture", 15, 0, [], null, true),
    fn("__init__", 20, 4, [], "TestB"),
    fn("test_m", 22, 4, ["y"], "TestB"),
    fn("pytest_addoption", 26, 0, ["parser"]),
    fn("pytest_configure", 31, 0, ["config"]),
    fn("pytest_collection_modifyitems", 35, 0, ["items"]),
  ]);
  assert.deepEqual(p.classes, [{ name: "TestB", line: 18, col: 0, bases: ["Base", "pkg.Mixin"], hasInit: true }]);
  const mark = (name: string, line: number, col: number, via: string, target: string | null) => ({
    name,
    line,
    col,
    via,
    target,
  });
  assert.deepEqual(p.markers, [
    mark("slow", 5, 14, "pytestmark", null),
    mark("a", 5, 39, "pytestmark", null),
    mark("parametrize", 7, 1, "decorator", "test_a"),
    mark("skip", 8, 1, "decorator", "test_a"),
    mark("usefixtures", 17, 1, "decorator", "TestB"),
    mark("b", 19, 17, "pytestmark", "TestB"),
    mark("parametrize", 21, 5, "decorator", "TestB.test_m"),
  ]);
  assert.deepEqual(p.parametrize, [
    { line: 7, col: 1, target: "test_a", size: 2, argnames: ["x"], indirect: false, namesWritten: "string" },
    { line: 21, col: 5, target: "TestB.test_m", size: null, argnames: ["y"], indirect: false, namesWritten: "string" },
  ]);
  const fixture = { alias: null, className: null, autouse: false, args: [] };
  assert.deepEqual(p.fixtures, [
    { name: "my_fixture", line: 12, col: 0, ...fixture },
    { name: "other_fixture", line: 15, col: 0, ...fixture },
  ]);
  assert.deepEqual(p.plugins, ["a.b", "c"]);
  assert.deepEqual(p.registeredMarkers, [{ line: 32, col: 4, text: "slow: slow tests" }]);
  assert.deepEqual(p.iniKeys, [{ line: 29, col: 4, name: "k" }]);
  assert.deepEqual(p.options, [{ line: 27, col: 4, names: ["--x", "-X"] }]);
  assert.deepEqual(p.collectIgnore, ["setup.py", "y.py"]);
  assert.deepEqual(p.collectIgnoreGlob, ["*.txt"]);
  assert.deepEqual(p.dynamicHooks, ["pytest_collection_modifyitems"]);
  assert.equal(facts("pytestPluginsComputed").pytest.plugins, null);
});

test("pytest: fixture definitions, requested argument names, parametrize argnames and indirect", () => {
  const p = facts("pytestFixtures").pytest;
  const fx = (name: string, line: number, col: number, over: object) => ({
    name,
    line,
    col,
    alias: null,
    className: null,
    autouse: false,
    args: [],
    ...over,
  });
  assert.deepEqual(p.fixtures, [
    fx("make_num", 5, 0, { alias: "num", params: 3, autouse: true, args: ["request", "tmp_path", "flag"] }),
    fx("pair", 8, 0, { params: 2, args: ["other"] }),
    fx("ranged", 11, 0, { params: null }),
    fx("plain", 14, 0, {}),
    fx("starred", 17, 0, { params: null }),
    fx("twice", 21, 0, {}),
    fx("inner", 25, 4, { className: "TestK", params: 2, args: ["num"] }),
    fx("static", 29, 4, { className: "TestK", args: ["num"] }),
  ]);
  const pz = (line: number, size: number | null, argnames: string[] | null, indirect: boolean, written?: string) => ({
    line,
    col: 5,
    target: "TestK.test_m",
    size,
    argnames,
    indirect,
    ...(written ? { namesWritten: written } : {}),
  });
  // `" a ,b,, "` ends with a comma once stripped of its trailing space: pytest 9.1 reads its values as tuples.
  assert.deepEqual(p.parametrize, [
    pz(31, 1, ["a", "b"], true, "string,"),
    pz(32, 0, ["c", "d"], false, "sequence"),
    pz(33, 1, null, false),
    pz(34, 2, null, false),
    pz(35, 1, ["g"], true, "string"),
  ]);
  const args = Object.fromEntries(p.functions.map((f) => [f.name, f.args]));
  assert.deepEqual(args.test_m, ["a", "b", "d", "e"]);
  assert.deepEqual(args.helper, ["y"]);
});

test("positions: code points, tabs as one, every line ending, declared encodings, BOM", () => {
  const u = facts("unicodeColumns");
  assert.deepEqual(
    u.bindings.map((b) => [b.name, b.line, b.col]),
    [
      ["é", 1, 0],
      ["ü", 1, 7],
      ["x", 2, 0],
      ["y", 3, 0],
    ],
  );
  assert.deepEqual(
    u.reads.map((r) => [r.name, r.line, r.col]),
    [
      ["é", 1, 14],
      ["語", 2, 11],
      ["z", 4, 2],
    ],
  );
  assert.deepEqual(
    facts("lineEnds").reads.map((r) => [r.name, r.line, r.col]),
    [
      ["a", 2, 4],
      ["b", 3, 4],
    ],
  );
  const latin1 = facts("latin1");
  assert.equal(latin1.encoding, "iso-8859-1");
  assert.deepEqual(
    latin1.bindings.map((b) => [b.name, b.line, b.col]),
    [
      ["s", 2, 0],
      ["t", 2, 9],
    ],
  );
  assert.deepEqual(
    latin1.reads.map((r) => [r.name, r.line, r.col]),
    [["s", 2, 13]],
  );
  assert.equal(facts("bom").encoding, "utf-8-sig");
  assert.deepEqual(
    facts("bom").bindings.map((b) => [b.name, b.line, b.col]),
    [["x", 1, 0]],
  );
});

test("status: CPython's own syntax errors (parser and compiler), NUL bytes, decode errors", () => {
  const parse = facts("syntaxError");
  assert.equal(parse.status, "syntax-error");
  assert.deepEqual(parse.syntaxErrors, [{ line: 1, col: 4, message: "invalid syntax", source: "cpython" }]);
  assert.deepEqual(parse.bindings, []);
  assert.deepEqual(facts("compilerError").syntaxErrors, [
    { line: 3, col: 0, message: "'return' outside function", source: "cpython" },
  ]);
  assert.equal(facts("nul").status, "binary");
  assert.equal(facts("badCoding").status, "decode-error");
  assert.match(facts("badCoding").problem ?? "", /unknown encoding/);
  assert.equal(facts("badUtf8").status, "decode-error");
  assert.equal(facts("stmtIndex").encoding, "utf-8");
  assert.equal(facts("stmtIndex").problem, null);
});

test("inside defs: imports only, with flags computed afresh at every def", () => {
  assert.deepEqual(imp(facts("moreContext")), [
    ["p", -1, "function", false, true, []],
    ["q", -1, "function", false, false, ["ImportError"]],
    ["r", -1, "function", false, false, []],
  ]);
});

test("reads that cannot fail are left out: builtins of every Python 3.8+ and __name__, unless the file binds them", () => {
  assert.deepEqual(
    facts("builtinReads").reads.map((r) => [r.name, r.line]),
    [
      ["list", 4],
      ["globals", 5],
      ["ExceptionGroup", 6],
      ["exit", 7],
      ["dict", 10],
    ],
  );
  assert.deepEqual(
    facts("builtinReadsStar").reads.map((r) => r.name),
    ["str"],
  );
});

test("more reads: argument annotations, annotated attribute targets, guards, assert/raise, generator bodies", () => {
  const f = facts("moreReads");
  assert.deepEqual(f.reads, [
    read("A", 1, 9, 0, { late: true }),
    read("V", 1, 19, 0, { late: true }),
    read("K", 1, 25, 0, { late: true }),
    read("kd", 1, 29, 0),
    read("W", 1, 39, 0, { late: true }),
    read("a", 2, 0, 1),
    read("T", 2, 5, 1, { late: true }),
    read("s", 3, 6, 2),
    read("g", 4, 16, 2),
    read("t", 5, 7, 4),
    read("msg", 5, 10, 4, { conditional: true }),
    read("E", 6, 6, 5),
    read("c", 6, 13, 5),
    read("it", 7, 12, 6),
    read("it2", 8, 12, 7),
    read("__all__", 10, 0, 9, { late: true }),
  ]);
  assert.deepEqual(f.attributeReads, []);
  assert.deepEqual(f.bindings, [
    bind("f", "def", 1, 0, 0),
    bind("w", "walrus", 7, 19, 6),
    bind("__all__", "assign", 9, 0, 8),
  ]);
  assert.deepEqual(f.dunderAll, { names: ["a"], line: 9, complete: false });
});

test("collect_ignore, pytest_plugins and __all__ bound in other ways", () => {
  const f = facts("moreLiterals");
  assert.deepEqual(f.pytest.collectIgnore, ["a", "b"]);
  assert.equal(f.pytest.collectIgnoreGlob, null);
  assert.equal(f.pytest.plugins, null);
  assert.deepEqual(f.dunderAll, { names: ["first"], line: 7, complete: true });
});

test("decode errors past the first lines; size limit and unreadable files", async () => {
  assert.equal(facts("badUtf8Later").status, "decode-error");
  assert.match(facts("badUtf8Later").problem ?? "", /can't decode byte 0xff/);
  const missing = join(dir, "missing.py");
  const limited = await runOracle([paths.stmtIndex, missing], { args: ["--max-bytes", "10"] });
  assert.equal(limited.get(paths.stmtIndex)?.status, "too-large");
  assert.equal(limited.get(missing)?.status, "unreadable");
  assert.deepEqual(limited.get(missing)?.imports, []);
});

test("branches on the environment, argv and __main__; arms of loops, handlers, try-else and match", () => {
  const f = facts("conditionalBodies");
  const env = (key: string, op: string, value: string | null = null, d: string | null = null) => ({
    kind: "env",
    key,
    default: d,
    op,
    value,
  });
  assert.deepEqual(
    f.branches.map((b) => [b.line, b.test, b.bodyExits === true, b.orelseExits === true]),
    [
      [2, env("CI", "truthy"), false, false],
      [4, env("X", "==", "y", "d"), false, true],
      [8, { kind: "and", args: [env("K", "in"), { kind: "name", name: "flag" }] }, false, false],
      [10, { kind: "argv", op: "not in", value: "--slow" }, false, false],
      [
        12,
        { kind: "or", args: [env("Z", "is not"), { kind: "not", arg: { kind: "name", name: "other" } }] },
        false,
        false,
      ],
      [14, { kind: "main", op: "==" }, false, false],
      [16, { kind: "main", op: "!=" }, true, false],
      [18, { kind: "and", args: [env("Q", "!=", "1"), { kind: "unknown" }] }, false, false],
      [42, { kind: "name", name: "flag" }, false, false],
    ],
  );
  assert.deepEqual(
    f.arms.map((a) => [a.line, a.kind, a.body, a.catches ?? null, a.exits === true]),
    [
      [20, "handler", [20, 20], ["AttributeError", "ImportError"], true],
      [20, "handler", [21, 21], ["ValueError"], false],
      [20, "tryElse", [22, 22], null, false],
      [30, "loop", [25, 25], null, false],
      [30, "loopElse", [26, 26], null, false],
      [34, "loop", [28, 28], null, false],
      [36, "case", [30, 30], null, false],
      [36, "case", [31, 31], null, true],
      [44, "loop", [36, 36], null, false],
    ],
  );
});

test("branches: module-level ifs on the interpreter, their statement ranges; their bodies are not conditional", () => {
  const f = facts("branches");
  assert.deepEqual(f.branches, [
    {
      line: 2,
      col: 0,
      stmt: 1,
      test: { kind: "version", index: null, slice: null, op: ">=", value: [3, 11] },
      body: [2, 2],
      orelse: [3, 4],
    },
    {
      line: 4,
      col: 0,
      stmt: 3,
      test: {
        kind: "or",
        args: [
          { kind: "platform", op: "startswith", value: "win" },
          { kind: "name", name: "FLAG" },
        ],
      },
      body: [4, 4],
      orelse: null,
    },
    // Not evaluable: its bodies stay conditional, and the fact gives the model their extent.
    { line: 6, col: 0, stmt: 5, test: { kind: "name", name: "FLAG" }, body: [6, 6], orelse: null },
  ]);
  assert.deepEqual(
    f.imports.map((i) => [i.names[0]!.name, i.conditional === true]),
    [
      ["os", false],
      ["a", false],
      ["b", false],
      ["c", true],
      ["d", true],
    ],
  );
});
