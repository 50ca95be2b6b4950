// A second kind of bench tree: a copy of the interpreter's site-packages (real third-party code, ~12k .py files)
// with a minimal pytest.ini and one test file per sampled top-level package, each importing it. Cached under the
// OS temp dir like the generated monorepos; the original site-packages is only read.
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { Random } from "./generate/random.ts";

/** Bump when the layout written below changes: cached copies with another version are rebuilt. */
const LAYOUT_VERSION = 1;
/** At most this many test files (pytest imports each sampled package once: keeps its run bounded). */
export const MAX_TEST_FILES = 300;
export const TESTS_DIR = "remedy_bench_tests";

export interface SitePackagesStats {
  dir: string;
  source: string;
  /** .py files in the copy, their bytes and lines (the figures the generated trees report too). */
  modules: number;
  bytes: number;
  lines: number;
  /** All files copied (extension modules, data, metadata included; __pycache__ left out). */
  files: number;
  testFiles: number;
  packages: string[];
}

export interface SitePackagesTree {
  dir: string;
  stats: SitePackagesStats;
  seconds: number | null;
}

/** Importable top-level names: packages with an __init__.py and .py modules, public and valid identifiers. */
function topLevelNames(source: string): string[] {
  const names: string[] = [];
  for (const e of readdirSync(source, { withFileTypes: true })) {
    const name = e.isDirectory() ? e.name : e.name.endsWith(".py") ? e.name.slice(0, -3) : null;
    if (!name || !/^[A-Za-z][A-Za-z0-9_]*$/.test(name)) continue;
    if (e.isDirectory() && !existsSync(join(source, e.name, "__init__.py"))) continue;
    names.push(name);
  }
  return names.sort();
}

function testFile(name: string): string {
  return `import ${name}\n\n\ndef test_imported():\n    assert ${name}.__name__ == "${name}"\n`;
}

function countPython(dir: string): { modules: number; bytes: number; lines: number; files: number } {
  const t = { modules: 0, bytes: 0, lines: 0, files: 0 };
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile()) {
        t.files++;
        if (!e.name.endsWith(".py")) continue;
        const b = readFileSync(p);
        t.modules++;
        t.bytes += b.length;
        for (let i = b.indexOf(10); i !== -1; i = b.indexOf(10, i + 1)) t.lines++;
      }
    }
  };
  walk(dir);
  return t;
}

export function cachedSitePackages(source: string, seed: number): SitePackagesTree {
  const names = topLevelNames(source);
  // The key: where the copy comes from and what it holds at the top (a package installed or removed changes it).
  const key = createHash("sha256")
    .update(JSON.stringify({ source, LAYOUT_VERSION, seed, top: readdirSync(source).sort() }))
    .update(String(statSync(source).mtimeMs))
    .digest("hex")
    .slice(0, 10);
  const dir = join(tmpdir(), `remedy-bench-sitepackages-${key}`);
  const statsFile = `${dir}.json`;
  if (existsSync(statsFile) && existsSync(dir)) {
    return { dir, stats: JSON.parse(readFileSync(statsFile, "utf8")), seconds: null };
  }
  for (const f of readdirSync(tmpdir())) {
    if (f.startsWith("remedy-bench-sitepackages-")) rmSync(join(tmpdir(), f), { recursive: true, force: true });
  }
  const started = performance.now();
  if (existsSync(join(source, TESTS_DIR)) || existsSync(join(source, "pytest.ini"))) {
    throw new Error(`${source} already holds ${TESTS_DIR} or pytest.ini: cannot lay the bench tree over it`);
  }
  cpSync(source, dir, { recursive: true, filter: (src) => basename(src) !== "__pycache__" });
  const random = new Random(`${seed}:site-packages`);
  const packages = [...names];
  while (packages.length > MAX_TEST_FILES) packages.splice(Math.floor(random.next() * packages.length), 1);
  // testpaths keeps pytest away from the test files inside the packages; pythonpath puts the copy ahead of the
  // interpreter's own site-packages, so the tests import the copy (what was imported before, pytest itself and
  // its plugins, stays the original).
  writeFileSync(
    join(dir, "pytest.ini"),
    `[pytest]\ntestpaths = ${TESTS_DIR}\npythonpath = .\npython_files = test_*.py\n`,
  );
  mkdirSync(join(dir, TESTS_DIR));
  for (const name of packages) writeFileSync(join(dir, TESTS_DIR, `test_import_${name}.py`), testFile(name));
  const stats: SitePackagesStats = { dir, source, ...countPython(dir), testFiles: packages.length, packages };
  writeFileSync(statsFile, JSON.stringify(stats));
  return { dir, stats, seconds: (performance.now() - started) / 1000 };
}
