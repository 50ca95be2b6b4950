// An edit that only adds names nothing used keeps the stored result (src/scan/addedNames.ts), and so does one that
// adds imports of the standard library that change nothing the model decides (src/scan/inertImports.ts). The rules
// must be exact, so they are held to the uncached scan on every scan fixture and the example monorepo: each
// non-test module gets a new constant, a new annotated function, stdlib imports (some kept, some not: a package's
// submodule, a name the interpreter was never asked about), and the names the stored result says are missing
// (which must change the result); the cached scan must equal the uncached one every time. A repository whose own
// files shadow stdlib modules is held to the real pytest as well.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { test } from "node:test";
import type { ScanResult } from "../../src/analyze/scanResult.ts";
import { scan } from "../../src/scan/scan.ts";
import { agedCopy, isTestLike, pythonFiles, REPOS, stable } from "./editedRepos.ts";

/** Modules edited per repository (sorted, tests and conftests left out): enough to meet packages and leaves. */
const PER_REPO = 2;

/** Imports of the standard library: a module, a package, a name made at run time (os.path), a submodule of a
 *  package (always a rebuild), a `from` import, a name no stdlib module has. */
const STDLIB_IMPORTS = [
  "\nimport os.path\n",
  "\nimport json as remedy_json\n",
  "\nimport logging\n",
  "\nimport xml.dom\n",
  "\nfrom collections import OrderedDict as RemedyOrderedDict\n",
  "\nfrom collections import remedy_no_such_name\n",
];

/** Names the result reports missing: adding one of them must change the result. */
function missingNames(result: ScanResult): string[] {
  const text = JSON.stringify(result.findings);
  const names = new Set<string>();
  for (const m of text.matchAll(/(?:cannot import name|name|has no attribute) \\?'([A-Za-z_]\w*)\\?'/g)) {
    if (m[1]) names.add(m[1]);
  }
  return [...names].slice(0, 2);
}

test("adding unused names keeps the stored result, and every edit gives the uncached scan's result", async () => {
  let kept = 0;
  let rebuilt = 0;
  let keptImports = 0;
  for (const fixture of REPOS) {
    const dir = agedCopy(fixture, "remedy-added-");
    try {
      const files = pythonFiles(dir);
      const first = await scan(dir, { python: "python3" });
      const edits = [
        "\nREMEDY_ADDED_CONSTANT = 1\n",
        "\n\ndef remedy_added_function(x: int) -> int:\n    return x\n",
        ...STDLIB_IMPORTS,
        ...missingNames(first).map((n) => `\n${n} = 1\n`),
      ];
      for (const file of files.filter((f) => !isTestLike(f)).slice(0, PER_REPO)) {
        const path = join(dir, file);
        const original = readFileSync(path);
        for (const edit of edits) {
          writeFileSync(path, Buffer.concat([original, Buffer.from(edit)]));
          const stages: string[] = [];
          const cached = await scan(dir, { python: "python3", onProgress: (s) => stages.push(s) });
          const uncached = await scan(dir, { python: "python3", cache: false });
          assert.equal(stable(cached), stable(uncached), `${basename(fixture)}: ${file} + ${JSON.stringify(edit)}`);
          if (stages.length === 1 && STDLIB_IMPORTS.includes(edit)) keptImports++;
          if (stages.length === 1) kept++;
          else rebuilt++;
          writeFileSync(path, original);
          await scan(dir, { python: "python3" });
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  // Both paths must have been taken, or the comparison proved nothing about the rule.
  assert.ok(kept > 20 && rebuilt > 20, `kept ${kept}, rebuilt ${rebuilt}`);
  assert.ok(keptImports > 20, `stdlib imports kept ${keptImports}`);
});

/** What the real pytest says about a repository: its exit code and the last line of --collect-only -q. */
function pytestSummary(dir: string): { exitCode: number; last: string } {
  try {
    const out = execFileSync("python3", ["-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider"], {
      cwd: dir,
      encoding: "utf8",
      env: { ...process.env, PYTHONDONTWRITEBYTECODE: "1" },
    });
    return { exitCode: 0, last: out.trim().split("\n").pop() ?? "" };
  } catch (e) {
    const err = e as { status: number; stdout: string };
    return { exitCode: err.status, last: err.stdout.trim().split("\n").pop() ?? "" };
  }
}

test("a stdlib import that the repository's own files shadow is no inert import: pytest fails, and so does the scan", async () => {
  const fixture = join(import.meta.dirname, "../fixtures/edits/stdlib-shadowed");
  const dir = agedCopy(fixture, "remedy-shadowed-");
  try {
    const path = join(dir, "pkg/mod.py");
    const original = readFileSync(path);
    const first = await scan(dir, { python: "python3" });
    assert.equal(first.pytestExitCode, 0);
    assert.equal(pytestSummary(dir).exitCode, 0);
    // sched.py at the rootdir (first on sys.path under `python -m pytest`), wave.py in vendor/ (put first by
    // conftest.py); json is no module of the repository's.
    for (const [name, fails] of [
      ["sched", true],
      ["wave", true],
      ["json", false],
    ] as const) {
      writeFileSync(path, Buffer.concat([original, Buffer.from(`\nimport ${name}\n`)]));
      const real = pytestSummary(dir);
      assert.equal(real.exitCode, fails ? 2 : 0, `pytest with import ${name}: ${real.last}`);
      const cached = await scan(dir, { python: "python3" });
      assert.equal(cached.pytestExitCode, real.exitCode, `remedy with import ${name}`);
      const uncached = await scan(dir, { python: "python3", cache: false });
      assert.equal(stable(cached), stable(uncached), `import ${name}`);
      writeFileSync(path, original);
      await scan(dir, { python: "python3" });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
