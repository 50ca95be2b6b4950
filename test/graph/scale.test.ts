// The model at monorepo scale: 10,000 first-party modules, 2,000 test files, a broken core module that every
// test reaches, and import cycles. Facts are synthesised (files exist, empty) so only the graph stage is timed.
import assert from "node:assert/strict";
import { basename, dirname, join } from "node:path";
import { test } from "node:test";
import { buildCollectionModel, type EntryKind, ModuleIndex } from "../../src/graph/index.ts";
import type { Binding, FileFacts, ImportFact } from "../../src/python/facts.ts";
import { emptyFacts } from "../../src/python/index.ts";
import { interpreterSysPath } from "./fixtureSession.ts";

const PACKAGES = 100;
const MODULES = 100;
const TESTS = 2000;

function facts(path: string, imports: { module: string; name: string }[], defines: string): FileFacts {
  const ctx = {};
  const imps: ImportFact[] = imports.map((imp, i) => ({
    line: i + 1,
    col: 0,
    kind: "from",
    module: imp.module,
    level: 0,
    names: [{ name: imp.name, asname: null }],
    stmt: i,
    scope: "module",
    ...ctx,
  }));
  const bindings: Binding[] = imports.map((imp, i) => ({
    name: imp.name,
    kind: "import",
    line: i + 1,
    col: 5,
    stmt: i,
    ...ctx,
  }));
  if (defines)
    bindings.push({ name: defines, kind: "class", line: imports.length + 1, col: 0, stmt: imports.length, ...ctx });
  return { ...emptyFacts(path), imports: imps, bindings };
}

// A deterministic pseudo-random sequence (the same tree every run).
let seed = 42;
const rand = (n: number) => {
  seed = (seed * 48271) % 2147483647; // Park-Miller: exact in doubles
  return seed % n;
};

/** Directory listings from memory: the tree is never written to disk. */
class MemoryIndex extends ModuleIndex {
  readonly dirs = new Map<string, Map<string, EntryKind>>();
  add(file: string): void {
    for (let p = file, kind: EntryKind = "file"; p !== dirname(p); p = dirname(p), kind = "dir") {
      const dir = dirname(p);
      let entries = this.dirs.get(dir);
      if (!entries) {
        entries = new Map();
        this.dirs.set(dir, entries);
      }
      if (entries.has(basename(p))) break;
      entries.set(basename(p), kind);
    }
  }
  override list(dir: string): Map<string, EntryKind> | null {
    return this.dirs.get(dir) ?? null;
  }
}

const root = "/virtual/repo";
const index = new MemoryIndex();
const writeFileSync = (file: string, _text: string) => index.add(file);
const mkdirSync = (_dir: string) => {};
const all = new Map<string, FileFacts>();
const name = (p: number, m: number) => `app.p${p}.m${m}`;
const cls = (p: number, m: number) => `C${p}_${m}`;
mkdirSync(join(root, "app"));
writeFileSync(join(root, "app/__init__.py"), "");
all.set(join(root, "app/__init__.py"), facts(join(root, "app/__init__.py"), [], ""));
for (let p = 0; p < PACKAGES; p++) {
  const dir = join(root, `app/p${p}`);
  mkdirSync(dir);
  writeFileSync(join(dir, "__init__.py"), "");
  all.set(join(dir, "__init__.py"), facts(join(dir, "__init__.py"), [], ""));
  for (let m = 0; m < MODULES; m++) {
    const imports: { module: string; name: string }[] = [];
    if (p === 0 && m === 0)
      imports.push({ module: "app.gone", name: "Thing" }); // the broken core
    else if (rand(20) === 0) imports.push({ module: name(0, 0), name: cls(0, 0) }); // ... that many import
    for (let k = 0; k < 3; k++) {
      const q = rand(PACKAGES);
      const n = rand(MODULES);
      // Mostly acyclic (towards lower numbers), with some back edges that make cycles.
      if (q * MODULES + n < p * MODULES + m || rand(50) === 0) imports.push({ module: name(q, n), name: cls(q, n) });
    }
    const file = join(dir, `m${m}.py`);
    writeFileSync(file, "");
    all.set(file, facts(file, imports, cls(p, m)));
  }
}
mkdirSync(join(root, "tests"));
const testFiles: string[] = [];
for (let t = 0; t < TESTS; t++) {
  const file = join(root, `tests/test_${String(t).padStart(4, "0")}.py`);
  const imports = Array.from({ length: 5 }, () => {
    const q = rand(PACKAGES);
    const n = rand(MODULES);
    return { module: name(q, n), name: cls(q, n) };
  });
  writeFileSync(file, "");
  all.set(file, facts(file, imports, ""));
  testFiles.push(file);
}

test(`10,000 modules, ${TESTS} test files: linear enough to finish in seconds`, () => {
  let factsCalls = 0;
  const sysPath = [root, ...interpreterSysPath()];
  const start = performance.now();
  const model = buildCollectionModel(
    {
      rootdir: root,
      importMode: "prepend",
      pythonpath: [root],
      interpreterSysPath: sysPath,
      testFiles,
      conftestsFor: () => [],
      initialConftests: [],
    },
    (path) => {
      factsCalls++;
      const f = all.get(path);
      if (!f) throw new Error(`no facts: ${path}`);
      return f;
    },
    { index },
  );
  const ms = performance.now() - start;
  const failing = model.files.filter((f) => f.failures[0]?.certainty === "certain").length;
  console.log(
    `scale: ${all.size} files, ${TESTS} tests, ${failing} failing, ${Math.round(ms)} ms, facts read ${factsCalls}`,
  );
  assert.equal(model.files.length, TESTS);
  assert.ok(failing > 0);
  assert.ok(factsCalls <= all.size, "facts are read once per file");
  assert.ok(ms < 30_000, `took ${ms} ms`);
});
