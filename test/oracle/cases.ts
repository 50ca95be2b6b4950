// Small Python sources, one or more per section of docs/facts.md: the oracle's unit tests pin its facts on them
// and the differential test holds the scanner to the same facts.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export const SOURCES = {
  stmtIndex: `import a; import b
if x:
    import c
else:
    import d
class C:
    import e
def f():
    import g
import h
`,
  context: `from typing import TYPE_CHECKING
if TYPE_CHECKING:
    import a
elif x:
    import b
if typing.TYPE_CHECKING:
    import c
if not TYPE_CHECKING:
    import d
try:
    import e
    with m:
        import f
except (ImportError, mod.Err, f()):
    import g
else:
    import h
finally:
    import i
for q in z:
    import j
try:
    def fn():
        import k
except:
    pass
while w:
    try:
        import l
    except:
        import n
`,
  importsAndStars: `from . import x
from ..pkg.sub import (y as yy, z)
import a.b.c, d as dd
from m import *
def f():
    from n import q
`,
  bindings: `def f(): pass
async def g(): pass
class C: pass
a = b = 1
(c, [d, *e]) = x
o.attr = s[0] = 1
h: int = 1
i: int
j += 1
print(k := 2)
[m for m in range(3) if (n := m)]
lambda: (p := 1)
for q, r in []: pass
with open() as (s, t): pass
try: pass
except E as u: pass
import v.w
import v.w as x2
from y import z as zz
from y import *
del aa, o.b
match sub:
    case [m1, *rest]: pass
    case {"k": 1, **kw}: pass
    case P(x=ax) as whole: pass
    case (m2 as m3): pass
`,
  dunderAllLiteral: `__all__ = ["a"]
__all__ += ("b",)
__all__.append("c")
__all__.extend(["d"])
if x:
    __all__.append("e")
`,
  dunderAllRemove: `__all__ = ["a", "b"]\n__all__.remove("a")\n`,
  dunderAllComputed: `import other\n__all__ = ["a"] + other.__all__\n`,
  dunderAllClass: `class C:\n    __all__ = ["x"]\n`,
  moduleGetattr: `if x:\n    def __getattr__(name): pass\n`,
  reads: `import os
@deco(a1)
def f(x=d1, *, k=d2) -> ret:
    body
class C(B, metaclass=M):
    y = 1
    z = y + w
    def m(self, q=y): pass
    __module__, __qualname__
    [y for _ in y]
x: ann = val
lam = lambda a=ld: lb
[e1 for v in it1 if c1 for u in it2]
(e2 for v in it3 for u in it4)
f"{fs:{spec}}"
del dd, o2.at
o3.at = 1
a4 += 1
`,
  readsFuture: `from __future__ import annotations
def f(x: A = d) -> R: pass
y: T = v
`,
  readsNested: `[[a + b for a in b] for b in c]
class K:
    t = 1
    [x for x in t if t]
    class L:
        u = t
`,
  attributeReads: `a.b.c()
a.b[0].c
a.b.c = 1
del a.b
x.y += 1
`,
  sysPath: `import sys, os
from pathlib import Path
sys.path.insert(0, os.path.dirname(__file__))
sys.path.append(str(Path(__file__).resolve().parent / "lib"))
if x:
    sys.path.insert(-1, os.path.join(here, "x"))
sys.path.insert(i, "a")
class C:
    sys.path.append("no")
def f():
    sys.path.append("no")
sys.path.append(os.path.abspath(__file__), extra)
`,
  pytestFacts: `import pytest
from pytest import fixture as fx, mark
import pytest as pt

pytestmark = [pytest.mark.slow, other, mark.a]

@pytest.mark.parametrize("x", [1, 2])
@pt.mark.skip
def test_a(x): pass

@fx
def my_fixture(): pass

@pytest.fixture(scope="module")
async def other_fixture(): pass

@mark.usefixtures("a")
class TestB(Base, pkg.Mixin, object()):
    pytestmark = mark.b
    def __init__(self): pass
    @pytest.mark.parametrize("y", argvalues=(1, *rest))
    def test_m(self, y): pass
    if cond:
        def not_listed(self): pass

def pytest_addoption(parser):
    parser.addoption("--x", "-X", action="store")
    group._addoption(name)
    parser.addini("k", "help")

def pytest_configure(config):
    config.addinivalue_line("markers", "slow: slow tests")
    config.addinivalue_line("other", "x")

def pytest_collection_modifyitems(items): pass

pytest_plugins = ["a.b", "c"]
collect_ignore = ["setup.py", x]
collect_ignore.append("y.py")
collect_ignore_glob = ("*.txt",)
`,
  pytestFixtures: `import pytest
from pytest import fixture

@pytest.fixture(params=[1, 2, 3], name="num", autouse=True)
def make_num(request, tmp_path, opt=None, *rest, flag, mode="x", **kw): pass

@fixture(params=(pytest.param(1), 2), autouse=False)
def pair(num, /, other): pass

@fixture(params=range(3), name=NAME)
def ranged(): pass

@pytest.fixture(params=None, autouse=flag)
def plain(): pass

@fixture(params=[*xs, 1], ids=["a"])
def starred(): pass

@pytest.fixture
@pytest.fixture(params=[])
def twice(): pass

class TestK:
    @pytest.fixture(params=([1, 2]))
    def inner(self, num): pass

    @pytest.fixture
    @staticmethod
    def static(num): pass

    @pytest.mark.parametrize(" a ,b,, ", [(1, 2)], indirect=["a"])
    @pytest.mark.parametrize(argnames=("c", "d"), argvalues=[], indirect=False)
    @pytest.mark.parametrize(["e", f], [1], indirect=(False))
    @pytest.mark.parametrize(*names, [1, 2])
    @pytest.mark.parametrize("g", [1], ids=str, indirect=maybe)
    def test_m(self, a, b, c=1, *, d, e): pass

    def helper(cls, /, x, *, y): pass
`,
  pytestPluginsComputed: `pytest_plugins = "one"\npytest_plugins = [name]\n`,
  unicodeColumns: `é = 1; ü = f"{é}"\nx = ["日本", 語]\ny = (1,\n\t\tz)\n`,
  lineEnds: "a = 1\r\nb = a\rc = b\n",
  latin1: Buffer.concat([
    Buffer.from("# -*- coding: latin-1 -*-\ns = '"),
    Buffer.from([0xe9]),
    Buffer.from("'; t = s\n"),
  ]),
  bom: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from("x = 1\n")]),
  syntaxError: "x = = 1\n",
  compilerError: "def f():\n    pass\nreturn 3\n",
  nul: Buffer.from("x = 1\0\n"),
  badCoding: "# coding: no-such-codec\nx = 1\n",
  badUtf8: Buffer.from([0x78, 0x3d, 0x27, 0xff, 0x27, 0x0a]),
  badUtf8Later: Buffer.concat([Buffer.from("x = 1\ny = 2\nz = '"), Buffer.from([0xff]), Buffer.from("'\n")]),
  moreContext: `def outer():
    if a:
        import p
    class K:
        try:
            import q
        except ImportError:
            pass
    def inner():
        import r
`,
  moreReads: `def f(x: A, *args: V, y: K = kd, **kw: W): pass
a.b: T
match s:
    case [1] if g: pass
assert t, msg
raise E from c
(z for z in it if (w := z))
(z for z in it2 if (lambda d=dz: 0))
__all__ = ["a"]
__all__[0] = "b"
`,
  builtinReads: `x = str(1)
y = __name__
def list(): pass
z = list
w = globals()
e = ExceptionGroup
q = exit
def f():
    global dict
v = dict
`,
  builtinReadsStar: `from m import *
x = str
`,
  branches: `import os, sys
if sys.version_info >= (3, 11):
    import a
elif sys.platform.startswith("win") or FLAG:
    import b
if FLAG:
    import c
def f():
    if sys.version_info < (3,):
        import d
`,
  conditionalBodies: `import os, sys
if os.environ.get("CI"):
    A = 1
elif os.getenv("X", "d") == "y":
    A = 2
else:
    raise SystemExit
if "K" in os.environ and flag:
    pass
if "--slow" not in sys.argv:
    B = 1
if os.environ.get("Z") is not None or not other:
    C = 1
if __name__ == "__main__":
    main()
if "__main__" != __name__:
    assert (False), "never"
if os.environ.get("Q", None) != "1" and x in y:
    pass
try:
    import json
except (ImportError, AttributeError) as e:
    raise
except ValueError:
    json = None
else:
    D = 1
finally:
    E = 1
for i in range(3):
    F = i
else:
    G = 1
while x:
    H = 1
match y:
    case 1:
        I = 1
    case _:
        raise X
class K:
    if flag:
        z = 1
    for q in r:
        pass
def f():
    if os.environ.get("A"):
        pass
    for x in y:
        pass
if not TYPE_CHECKING:
    pass
if TYPE_CHECKING:
    pass
`,
  moreLiterals: `from conf import collect_ignore
collect_ignore += ["a", x]
collect_ignore.extend(("b", y))
collect_ignore_glob.append("early")
pytest_plugins = ["x"]
pytest_plugins += ["y"]
__all__ += ["first"]
`,
} satisfies Record<string, string | Buffer>;

/** Writes every case to a fresh temp dir as `<name>.py`. */
export function writeCases(): { dir: string; paths: Record<keyof typeof SOURCES, string> } {
  const dir = mkdtempSync(join(tmpdir(), "remedy-oracle-"));
  const paths = {} as Record<keyof typeof SOURCES, string>;
  for (const [k, src] of Object.entries(SOURCES)) {
    paths[k as keyof typeof SOURCES] = join(dir, `${k}.py`);
    writeFileSync(join(dir, `${k}.py`), src);
  }
  return { dir, paths };
}
