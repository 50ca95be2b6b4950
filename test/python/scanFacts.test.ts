// Table-driven tests of the scanner: source -> facts. Each row states only the fields it is about; rows added while
// reconciling with the CPython-based oracle (bench/oracle/facts.py) pin the exact behaviour that once differed.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { test } from "node:test";
import type { FileFacts } from "../../src/python/facts.ts";
import { factsOfText } from "../../src/python/index.ts";

type Row = { name: string; src: string; expect: (f: FileFacts) => unknown; want: unknown };

const M = { scope: "module" };

const rows: Row[] = [
  {
    name: "import with context",
    src: "try:\n    import a.b as c\nexcept (ImportError, x.Y):\n    pass\n",
    expect: (f) => f.imports,
    want: [
      {
        kind: "import",
        module: null,
        level: 0,
        names: [{ name: "a.b", asname: "c" }],
        line: 2,
        col: 4,
        stmt: 1,
        ...M,
        caught: ["ImportError", "x.Y"],
      },
    ],
  },
  {
    name: "relative from import and star",
    src: "from ..m import *\nfrom . import (x as y,)\n",
    expect: (f) => [f.imports.map((i) => [i.module, i.level, i.names]), f.starImports],
    want: [
      [
        ["m", 2, [{ name: "*", asname: null }]],
        ["", 1, [{ name: "x", asname: "y" }]],
      ],
      [{ line: 1, col: 0, stmt: 0 }],
    ],
  },
  {
    name: "TYPE_CHECKING body and else",
    src: "if typing.TYPE_CHECKING:\n    import a\nelse:\n    import b\n",
    expect: (f) => f.imports.map((i) => [i.typeChecking === true, i.conditional === true, i.stmt]),
    want: [
      [true, false, 1],
      [false, false, 2],
    ],
  },
  {
    name: "if not TYPE_CHECKING: the body always runs, the else is for type checkers, an elif is conditional",
    src: "if not TYPE_CHECKING:\n    import a\nelif x:\n    import b\nelse:\n    import c\n",
    expect: (f) => f.imports.map((i) => [i.typeChecking === true, i.conditional === true]),
    want: [
      [false, false],
      [true, true],
      [true, true],
    ],
  },
  {
    name: "tries: body ranges and handlers of try statements and with-suppress blocks outside defs",
    src: "try:\n    import a\n    b = 1\nexcept (ImportError, E):\n    pass\nwith suppress(KeyError):\n    c = 2\ndef f():\n    try:\n        pass\n    except:\n        pass\n",
    expect: (f) => f.tries.map((t) => [t.line, t.stmt, t.body, t.handlers]),
    want: [
      [1, 0, [1, 2], ["E", "ImportError"]],
      [6, 4, [5, 5], ["KeyError"]],
    ],
  },
  {
    name: "with suppress(...) catches like a handler",
    src: "with suppress(ImportError, os.error):\n    import a\nwith (contextlib.suppress(ImportError)) as s:\n    import b\nwith suppress(exc=E), open(f):\n    import c\n",
    expect: (f) => f.imports.map((i) => i.caught ?? []),
    want: [["ImportError", "os.error"], ["ImportError"], []],
  },
  {
    name: "reads in parts of an expression that may not run are conditional",
    src: "B = S if T else O\ny = 1 or u and v\nz = a < b < c\nw = [q + e for q in r if s]\nassert ok, msg\n",
    expect: (f) => f.reads.filter((r) => r.conditional).map((r) => r.name),
    want: ["S", "O", "u", "v", "c", "e", "s", "msg"],
  },
  {
    name: "bindings: unpacking, walrus in comprehension, for, with, except, del",
    src: "(a, [b, *c]) = x\n[y := 1 for i in z]\nfor k in z: pass\nwith o as w: pass\ntry: pass\nexcept E as e: pass\ndel a\n",
    expect: (f) => f.bindings.map((b) => [b.name, b.kind, b.line, b.col]),
    want: [
      ["a", "assign", 1, 1],
      ["b", "assign", 1, 5],
      ["c", "assign", 1, 9],
      ["y", "walrus", 2, 1],
      ["k", "for", 3, 4],
      ["w", "with", 4, 10],
      ["e", "except", 6, 0],
      ["a", "del", 7, 4],
    ],
  },
  {
    name: "dunderAll literal operations",
    src: '__all__ = ["a"]\n__all__ += ("b",)\n__all__.append("c")\n__all__.extend(["d"])\n',
    expect: (f) => f.dunderAll,
    want: { names: ["a", "b", "c", "d"], line: 1, complete: true },
  },
  {
    name: "dunderAll made incomplete",
    src: '__all__ = ["a"]\n__all__ += other.__all__\n',
    expect: (f) => f.dunderAll?.complete,
    want: false,
  },
  {
    name: "moduleGetattr and futureAnnotations",
    src: "from __future__ import annotations\ndef __getattr__(name: T) -> U: pass\n",
    expect: (f) => [f.moduleGetattr, f.futureAnnotations, f.reads],
    want: [true, true, []],
  },
  {
    name: "class body: class-local names are not reads",
    src: "class C(B):\n    x = 1\n    y = x + z\n",
    expect: (f) => f.reads.map((r) => [r.name, r.scope]),
    want: [
      ["B", "module"],
      ["z", "class"],
    ],
  },
  {
    name: "comprehension scopes and attribute chains",
    src: "r = [i.a for i in items if i.b > k.c.d]\ng = (j for j in src if q)\n",
    expect: (f) => [f.reads.map((r) => r.name), f.attributeReads.map((r) => [r.name, r.attrs])],
    want: [["items", "k", "src"], [["k", ["c", "d"]]]],
  },
  {
    name: "attribute store keeps the inner chain",
    src: "a.b.c = 1\n",
    expect: (f) => f.attributeReads.map((r) => [r.name, r.attrs]),
    want: [["a", ["b"]]],
  },
  {
    name: "f-string fields are read",
    src: 'x = f"{a.b} {c!r:>{w}}"\n',
    expect: (f) => f.reads.map((r) => [r.name, r.col]),
    want: [
      ["a", 7],
      ["c", 13],
      ["w", 19],
    ],
  },
  {
    name: "sys.path insert",
    src: "import os, sys\nsys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))\n",
    expect: (f) => f.sysPath,
    want: [
      {
        line: 2,
        col: 0,
        conditional: false,
        method: "insert",
        index: 0,
        stmt: 1,
        path: [{ kind: "file" }, { kind: "abspath" }, { kind: "dirname" }],
      },
    ],
  },
  {
    name: "pytest markers, parametrize, fixtures",
    src:
      "import pytest as pt\nfrom pytest import fixture as fx\n" +
      "@pt.mark.parametrize('a', [1, 2])\ndef test_a(a): pass\n@fx\ndef f(): pass\n" +
      "class TestC:\n    pytestmark = pt.mark.slow\n    def __init__(self): pass\n",
    expect: (f) => [f.pytest.markers, f.pytest.parametrize, f.pytest.fixtures, f.pytest.classes],
    want: [
      [
        { line: 3, col: 1, name: "parametrize", via: "decorator", target: "test_a" },
        { line: 8, col: 17, name: "slow", via: "pytestmark", target: "TestC" },
      ],
      [{ line: 3, col: 1, target: "test_a", size: 2, argnames: ["a"], indirect: false, namesWritten: "string" }],
      [{ line: 6, col: 0, name: "f", alias: null, className: null, autouse: false, args: [] }],
      [{ line: 7, col: 0, name: "TestC", bases: [], hasInit: true }],
    ],
  },
  {
    name: "pytest hook calls anywhere",
    src:
      "def pytest_addoption(parser):\n    parser.getgroup('g').addoption('--x', '-X', action='store')\n" +
      "    parser.addini('k', 'help')\n" +
      "def pytest_configure(config):\n    config.addinivalue_line('markers', 'slow: s')\n",
    expect: (f) => [f.pytest.options, f.pytest.iniKeys, f.pytest.registeredMarkers],
    want: [
      [{ line: 2, col: 4, names: ["--x", "-X"] }],
      [{ line: 3, col: 4, name: "k" }],
      [{ line: 5, col: 4, text: "slow: s" }],
    ],
  },
  {
    name: "match captures",
    src: "match p:\n    case Point(x=0, y=yy) | [1, *rest]:\n        pass\n    case {'k': v, **others} as whole:\n        pass\n",
    expect: (f) => f.bindings.map((b) => [b.name, b.line, b.col]),
    want: [
      ["yy", 2, 22],
      ["rest", 2, 32],
      ["others", 4, 9],
      ["whole", 4, 9],
      ["v", 4, 15],
    ],
  },
  {
    name: "positions count code points",
    src: "s = '\u{1F600}'; x = y\n",
    expect: (f) => f.reads.map((r) => r.col),
    want: [13],
  },
  // Rows from reconciling with the oracle (bench/oracle/facts.py).
  {
    name: "parametrize argvalues: commas between lambda parameters do not split items",
    src: "import pytest\n@pytest.mark.parametrize('f', [lambda x, y: 0, lambda *, a=1: 0])\ndef test_f(f): pass\n",
    expect: (f) => f.pytest.parametrize.map((p) => p.size),
    want: [2],
  },
  {
    name: "class body: a try handler name binds before the try body (it belongs to the try statement)",
    src: "class C:\n    try:\n        x = e\n    except E as e:\n        pass\n",
    expect: (f) => f.reads.map((r) => r.name),
    want: ["E"],
  },
  {
    name: "dunderAll: += first, every __all__ target of a chained assignment, mutation before binding",
    src: '__all__.remove("z")\n__all__ += ["a"]\nx = __all__ = ["b"]\n',
    expect: (f) => f.dunderAll,
    want: { names: ["b"], line: 2, complete: false },
  },
  {
    name: "dunderAll: line of the first binding statement, literal append keeps it complete",
    src: 'if x:\n    __all__ = ("a",)\n__all__.append("b")\n__all__.extend(("c", ("d")))\n',
    expect: (f) => f.dunderAll,
    want: { names: ["a", "b", "c", "d"], line: 2, complete: true },
  },
  {
    name: "sysPath: wrong argument count or keywords are not sys.path changes",
    src: "import sys\nsys.path.insert(0)\nsys.path.append(*p)\nsys.path.append(Path(__file__).parent / 'x')\n",
    expect: (f) => f.sysPath.map((p) => [p.line, p.path]),
    want: [
      [
        4,
        [
          {
            kind: "join",
            parts: [[{ kind: "file" }, { kind: "parent" }], [{ kind: "literal", value: "x" }]],
          },
        ],
      ],
    ],
  },
  {
    name: "pytest_plugins: literal, then made unknown by +=",
    src: 'pytest_plugins = ["a"]\npytest_plugins += more\n',
    expect: (f) => f.pytest.plugins,
    want: null,
  },
  {
    name: "pytestmark at any depth of a module-level class body",
    src: "import pytest\nclass TestA:\n    if x:\n        pytestmark = [pytest.mark.a, other]\n",
    expect: (f) => f.pytest.markers.map((m) => [m.name, m.target, m.via]),
    want: [["a", "TestA", "pytestmark"]],
  },
  {
    name: "a parenthesised name still starts an attribute chain",
    src: "a = (e).subs(x)\nb = ((f)).g.h\n",
    expect: (f) => f.attributeReads.map((r) => [r.name, r.col, r.attrs]),
    want: [
      ["e", 5, ["subs"]],
      ["f", 6, ["g", "h"]],
    ],
  },
  {
    name: "parametrize argvalues in redundant parentheses is still the list",
    src: "import pytest\n@pytest.mark.parametrize('a', ([1, 2, 3]))\ndef test_a(a): pass\n",
    expect: (f) => f.pytest.parametrize.map((p) => p.size),
    want: [3],
  },
  {
    name: "identifiers are NFKC-normalised as CPython stores them",
    src: "\uFB01x = \u00B5\n",
    expect: (f) => [f.bindings.map((b) => b.name), f.reads.map((r) => r.name)],
    want: [["fix"], ["\u03BC"]],
  },
  {
    name: "sys.path changes inside a generator's element do not run at import time",
    src: "import sys\n(sys.path.append(r) for r in rs)\n[sys.path.append(q) for q in qs]\n",
    expect: (f) => f.sysPath.map((p) => p.line),
    want: [3],
  },
  {
    name: "function globalReads: certain reads of names the def neither binds nor takes, each once, in source order",
    src:
      "def f(a, b=d0, *c, k, **kw):\n    x = g1(a, b, c, k, kw)\n    g1(x, y)\n    y = 1\n    g2 or g3\n" +
      "    (q if g4 else r)\n    [e for e in g5 if g6]\n    (e for e in g7 if g8)\n    lambda: g9\n" +
      "    z: T = 1\n    w: U\n    print(z, w)\n",
    expect: (f) => f.functions.map((fn) => [fn.name, fn.stmt, fn.globalReads.map((r) => [r.name, r.line, r.col])]),
    want: [
      [
        "f",
        0,
        [
          ["g1", 2, 8],
          ["g2", 5, 4],
          ["g4", 6, 10],
          ["g5", 7, 16],
          ["g7", 8, 16],
          ["print", 12, 4],
        ],
      ],
    ],
  },
  {
    name: "function globalReads stop after a statement that may end the call, and skip bodies of compound statements",
    src:
      "def f():\n    if t1:\n        b1\n    elif t2:\n        b2\n    for x.y in it:\n        b3\n    try:\n" +
      "        b4\n    except E:\n        b5\n    with cm as v:\n        b6\n    if t3:\n        return\n    after\n" +
      "def g():\n    while w:\n        pass\n    after\n" +
      "def h():\n    raise Err(a1)\n    after\n" +
      "def k():\n    global G, H\n    G = 1\n    G, H, K\n" +
      "def gen():\n    a\n    yield\n" +
      "async def co():\n    a\n" +
      "class C:\n    def m(self):\n        a\n",
    expect: (f) => f.functions.map((fn) => [fn.name, fn.async, fn.globalReads.map((r) => r.name)]),
    want: [
      ["f", false, ["t1", "it", "cm", "t3"]],
      ["g", false, ["w"]],
      ["h", false, ["Err", "a1"]],
      ["k", false, ["H", "K"]],
      ["gen", false, []],
      ["co", true, []],
    ],
  },
  {
    name: "a class body inside a def binds its own names; a def's nested def headers run, its body does not",
    src:
      "def f():\n    class C(B1):\n        v = 1\n        v2 = n1\n    def inner(p=d1):\n        n2\n" +
      "    print(v, C, inner)\n",
    expect: (f) => f.functions.map((fn) => fn.globalReads.map((r) => r.name)),
    want: [["B1", "d1", "print", "v"]],
  },
  {
    name: "calls: a class statement with only metaclass=M calls M after its body (its last statement, late)",
    src:
      "class M(type): pass\nclass A(metaclass=M):\n    x = 1\n    if x:\n        y = 2\n" +
      "class B(object, metaclass=M): pass\n@d\nclass C(metaclass=M): pass\nclass D(metaclass=M, k=1): pass\n" +
      "def f():\n    class E(metaclass=M): pass\n",
    expect: (f) => f.calls.map((c) => [c.name, c.line, c.col, c.args, c.keywords, c.stmt, c.late === true]),
    want: [["M", 2, 18, 3, [], 5, true]],
  },
  {
    name: "calls: module-scope calls and bare decorators of names a module-scope def binds",
    src:
      "def f(): pass\nf()\nx = [f() for _ in r]\nother()\n@f\ndef g(): pass\n@(f)\nclass K:\n    f()\n" +
      "def h():\n    f()\nlambda: f()\n(f() for _ in r)\nif c:\n    f(f)\n",
    expect: (f) => [f.calls.map((c) => [c.name, c.line, c.col, c.stmt, c.conditional === true]), f.globalNames],
    want: [
      [
        ["f", 2, 0, 1, false],
        ["f", 3, 5, 2, true],
        ["f", 5, 1, 4, false],
        ["f", 7, 2, 5, false],
        ["f", 15, 4, 11, true],
      ],
      [],
    ],
  },
  {
    name: "functions: a module-scope class's __init__, reads under `if PARAM:` (PARAM defaulting to True), call shapes",
    src:
      "class G(B):\n    def __init__(self, name, add=(True), *a, k=True, __p=True):\n        super().__init__()\n" +
      "        if add:\n            x(run)\n            if y:\n                z\n            return\n            w\n" +
      "        if k:\n            never\n" +
      "class H(metaclass=M):\n    def __init__(self):\n        __private, h\n" +
      "G('n', *r)\nG('n', add=0, **kw)\nH()\n",
    expect: (f) => [
      f.functions.map((fn) => [
        fn.name,
        fn.className,
        fn.stmt,
        fn.positional,
        fn.decorated,
        fn.globalReads.map((r) => [r.name, r.guard]),
      ]),
      f.calls.map((c) => [c.name, c.args, c.keywords]),
    ],
    want: [
      [
        [
          "__init__",
          "G",
          0,
          ["self", "name", "add"],
          false,
          [
            ["super", null],
            ["x", "add"],
            ["run", "add"],
            ["y", "add"],
          ],
        ],
        ["__init__", "H", 2, ["self"], true, [["h", null]]],
      ],
      [
        ["G", -1, []],
        ["G", 1, null],
        ["H", 0, []],
      ],
    ],
  },
  {
    name: "functions: `P or X` with P defaulting to None/False guards X's certain reads by P; anything else does not",
    src:
      "def f(info=None, flag=(False), t=True, n=0):\n" +
      "    a = info or make()\n    g(flag or b or c)\n    (info) or d\n    info.x or e\n" +
      "    t or h\n    n or k\n    x if (info or m) else y\n    if t:\n        info or q\n",
    expect: (f) => f.functions.map((fn) => fn.globalReads.map((r) => [r.name, r.guard])),
    want: [
      [
        ["make", "info"],
        ["g", null],
        ["b", "flag"],
        ["m", "info"],
      ],
    ],
  },
];

for (const row of rows) {
  test(row.name, () => {
    const f = factsOfText(row.src, "t.py");
    assert.deepEqual(f.syntaxErrors, []);
    assert.deepEqual(row.expect(f), row.want);
  });
}

test("syntax errors are reported, not thrown", () => {
  const f = factsOfText("def f(:\n    pass\nimport os\nx = (\n", "t.py");
  assert.equal(f.status, "syntax-error");
  assert.ok(f.syntaxErrors.length >= 1);
  assert.ok(f.syntaxErrors.every((e) => e.source === "scanner"));
});

test("compile-time errors the scanner sees: misplaced or unknown __future__ imports, bad identifiers", () => {
  for (const src of [
    '"""doc"""\nimport os\nfrom __future__ import annotations\n',
    "from __future__ import nested_scopes; import string; from __future__ import division\n",
    "from __future__ import braces\n",
    "if x:\n    from __future__ import annotations\n",
    "\u20AC = 2\n",
  ]) {
    const f = factsOfText(src, "t.py");
    assert.equal(f.status, "syntax-error", src);
  }
  const ok = factsOfText('"""doc"""\nfrom __future__ import annotations\nfrom __future__ import division\n', "t.py");
  assert.equal(ok.status, "ok");
});

test("syntax errors CPython reports that the scanner must see too (found by fuzzing the corpus)", () => {
  for (const src of [
    "def f(a, *) -> None: pass\n",
    "def f(a=1, b): pass\n",
    "def f(a b): pass\n",
    "try:\n    x = 1\ny = 2\n",
    "d = {0: 2, 2, 2: 2}\n",
    "s = {'a' 'b', 'c': 1}\n",
    "x: list[str] []\n",
    "if *a == b: pass\n",
    "*a = b\n",
    "f() = 1\n",
    "a + b += 1\n",
    "a, b: int = 1, 2\n",
    "for 1 in x: pass\n",
    "return 1\n",
    "class C:\n    yield 1\n",
    "break\n",
    "while x:\n    pass\nelse:\n    continue\n",
    "from m import a,\n",
    "def f():\n    return f'{.x}'\n",
    "def f():\n    return f'{a;b}'\n",
    "def f():\n    return f'{x!z}'\n",
    "def f():\n    return f'{}'\n",
    "def f():\n    return f'a}b'\n",
    "f(a=1, a=2)\n",
    "f(a=1, b)\n",
    "x = [**a]\n",
    "assert yield x\n",
    "def f():\n    await g()\n",
    "def f():\n    return [await g() for x in y]\n",
    "x = 1 + not y\n",
    "x = a == not b\n",
    "x = - not a\n",
    "x = a is not not b\n",
    "f(x for x in y, 1)\n",
    "f(1, x for x in y)\n",
    "x = (y for y in z, 1)\n",
    "x = [y for y in z, 1]\n",
    "x = {y for y in z, 1}\n",
    "s = '\\x4'\n",
    "s = '\\u12'\n",
    "s = '\\U00110000'\n",
    "s = '\\N'\n",
    "s = '\\N{}'\n",
    "b = b'\\x1'\n",
  ]) {
    const f = factsOfText(src, "t.py");
    assert.equal(f.status, "syntax-error", src);
  }
});

test("valid code that looks like those errors is accepted", () => {
  for (const src of [
    "def f(*args: *Ts, a, b=1, **kw): pass\n",
    "def f(a, /, b, *, c): pass\n",
    "x = a and not b\n",
    "x = not a == b\n",
    "x = a is not b\n",
    "x = a not in b\n",
    "f(x for x in y)\n",
    "s = r'\\x4'\n",
    "b = b'\\u12'\n",
    "s = '\\N{EM DASH}'\n",
    "s = '\\x41\\u0041\\U00000041'\n",
    "x = rf'\\{a}' + f'\\N{DASH}' + f'{{}}'\n",
    "def g():\n    return (i async for i in x if await y)\n",
    "() = []\n[] = ()\n(a), [b, *c] = d\n",
    "x = *a, *b\nprint(*a, **k)\ny = a[*b]\n",
    "lambda: (yield)\n",
    "def f():\n    x = yield\n    y = yield from z\n    return (i for i in a if await b)\n",
    "f(*a, b, *c, k=1, *d, **e)\n",
  ]) {
    const f = factsOfText(src, "t.py");
    assert.deepEqual(f.syntaxErrors, [], src);
  }
});

test("random token soup: never throws, and every soup CPython rejects gets at least one scanner error", () => {
  const pieces = [
    "(",
    ")",
    "[",
    "]",
    "{",
    "}",
    ":",
    "=",
    ",",
    ".",
    "*",
    "**",
    "'",
    '"',
    '"""',
    "\\",
    "\n",
    "    ",
    "\t",
    "#",
    "if",
    "else",
    "def",
    "class",
    "lambda",
    "match",
    "case",
    "yield",
    "await",
    "async",
    "for",
    "in",
    "f'{",
    "}",
    "x",
    "1",
    "0x",
    "@",
    ";",
    "->",
    ":=",
    "import",
    "from",
    "try",
    "except",
    "with",
    "as",
    "del",
    "$",
    "\r",
  ];
  let seed = 12345;
  const rand = (n: number) => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  const soups: string[] = [];
  for (let k = 0; k < 400; k++) {
    let src = "";
    const len = 1 + rand(40);
    for (let j = 0; j < len; j++) src += `${pieces[rand(pieces.length)]} `;
    soups.push(src);
  }
  const verdicts = cpythonAccepts(soups);
  for (let k = 0; k < soups.length; k++) {
    const f = factsOfText(soups[k]!, "t.py");
    if (!verdicts[k]) assert.ok(f.syntaxErrors.length > 0, JSON.stringify(soups[k]));
  }
  for (const deep of [`x = ${"(".repeat(5000)}`, `x = ${"-".repeat(200000)}y\n`]) {
    const f = factsOfText(deep, "t.py");
    assert.equal(f.status, "syntax-error");
  }
});

/** CPython's verdict (compile() succeeds) for each source, in one python3 process. */
function cpythonAccepts(sources: string[]): boolean[] {
  const script =
    "import json, sys\nout = []\nfor s in json.load(sys.stdin):\n    try:\n        compile(s, 't.py', 'exec')\n" +
    "        out.append(True)\n    except (SyntaxError, ValueError):\n        out.append(False)\nprint(json.dumps(out))\n";
  const r = spawnSync("python3", ["-W", "ignore", "-c", script], { input: JSON.stringify(sources), encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as boolean[];
}

test("no quadratic corners: one huge f-string, one long line of astral characters", () => {
  const fstring = `x = f"""${"{a}\n".repeat(40000)}"""\n`;
  const astral = `x = '${"\u{1F600}".repeat(20000)}'; ${Array.from({ length: 5000 }, (_, i) => `y${i} = z${i}`).join("; ")}\n`;
  for (const src of [fstring, astral]) {
    const t0 = performance.now();
    const f = factsOfText(src, "t.py");
    assert.equal(f.status, "ok");
    assert.ok(performance.now() - t0 < 5000);
  }
  const f = factsOfText(astral, "t.py");
  const last = f.reads[f.reads.length - 1]!;
  assert.equal(last.name, "z4999");
  assert.equal(last.col, [...astral.slice(0, astral.indexOf("z4999"))].length);
});
