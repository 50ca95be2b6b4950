// Module resolution against CPython's own finder: the same tree, the same path, importlib.util.find_spec.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { after, test } from "node:test";
import { ModuleIndex, OriginClassifier, resolveModuleName } from "../../src/graph/index.ts";

const tmp = mkdtempSync(join(tmpdir(), "remedy-resolve-"));
after(() => rmSync(tmp, { recursive: true, force: true }));
const A = join(tmp, "a");
const B = join(tmp, "b");
const files = [
  "a/pkg/__init__.py",
  "a/pkg.py", // the package beside it wins
  "b/pkg/__init__.py", // shadowed by a/
  "a/ns/one.py",
  "b/ns/two.py", // namespace portions merge across entries
  "a/mod.py",
  "a/stubonly.pyi", // a stub alone is not importable
  "a/fast.py",
  "a/fast.cpython-311-x86_64-linux-gnu.so", // extension suffixes are tried before .py
  "a/nsmod/readme.txt",
  "b/nsmod.py", // a module anywhere on the path beats an earlier namespace portion
  "a/plain.py",
];
for (const f of files) {
  mkdirSync(dirname(join(tmp, f)), { recursive: true });
  writeFileSync(join(tmp, f), "");
}
const names = ["pkg", "ns", "ns.one", "ns.two", "ns.three", "mod", "stubonly", "fast", "nsmod", "plain", "missing"];

interface PySpec {
  found: boolean;
  origin: string | null;
  locations: string[] | null;
}

function cpython(): Record<string, PySpec> {
  const script = `
import importlib.util, json, sys
sys.path[:] = ${JSON.stringify([A, B])}
out = {}
for name in ${JSON.stringify(names)}:
    try:
        spec = importlib.util.find_spec(name)
    except Exception:
        spec = None
    out[name] = {"found": spec is not None,
                 "origin": None if spec is None or spec.origin in (None, "namespace") else spec.origin,
                 "locations": None if spec is None or spec.submodule_search_locations is None
                              else list(spec.submodule_search_locations)}
print(json.dumps(out))`;
  return JSON.parse(execFileSync("python3", ["-c", script], { encoding: "utf8" })) as Record<string, PySpec>;
}

test("resolution agrees with importlib.util.find_spec on packages, namespaces, extensions and stubs", () => {
  const index = new ModuleIndex();
  const classifier = new OriginClassifier(tmp, []);
  const expected = cpython();
  for (const name of names) {
    const r = resolveModuleName(index, classifier, name, [A, B]);
    const last = r.steps[r.steps.length - 1];
    const mine: PySpec = {
      found: r.found,
      origin: r.found ? (last?.file ?? null) : null,
      locations: r.found && last && last.searchPath.length > 0 ? last.searchPath : null,
    };
    assert.deepEqual(mine, expected[name], name);
  }
});

test("a resolution is a record: kind, origin and the entries tried", () => {
  const index = new ModuleIndex();
  const classifier = new OriginClassifier(tmp, []);
  const ns = resolveModuleName(index, classifier, "ns", [A, B]).steps[0];
  assert.equal(ns?.kind, "namespace");
  assert.equal(ns?.origin, "first-party");
  assert.deepEqual(ns?.tried, [A, B]);
  assert.equal(resolveModuleName(index, classifier, "fast", [A, B]).steps[0]?.kind, "extension");
  const notPkg = resolveModuleName(index, classifier, "plain.sub", [A, B]);
  assert.equal(notPkg.found, false);
  assert.equal(notPkg.notPackage, "plain");
  const missing = resolveModuleName(index, classifier, "missing", [A, B]).steps[0];
  assert.deepEqual([missing?.found, missing?.tried], [false, [A, B]]);
});

test("origin: site-packages is third-party even under the rootdir; the interpreter's lib is stdlib", () => {
  const c = new OriginClassifier("/repo", ["/usr/lib/python3.11", "/usr/lib/python3.11/site-packages"]);
  assert.equal(c.classify("/repo/app/x.py"), "first-party");
  assert.equal(c.classify("/repo/.venv/lib/python3.11/site-packages/x.py"), "third-party");
  assert.equal(c.classify("/usr/lib/python3.11/json/__init__.py"), "stdlib");
  assert.equal(c.classify("/usr/lib/python3.11/site-packages/yaml/__init__.py"), "third-party");
});
