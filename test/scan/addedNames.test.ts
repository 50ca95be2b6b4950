// An edit that only adds names nothing used keeps the stored result (src/scan/addedNames.ts). The rule must be
// exact, so it is held to the uncached scan on every scan fixture and the example monorepo: each non-test module
// gets a new constant, a new annotated function, and the names the stored result says are missing
// (which must change the result); the cached scan must equal the uncached one every time.
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import { test } from "node:test";
import type { ScanResult } from "../../src/analyze/scanResult.ts";
import { scan } from "../../src/scan/scan.ts";

const ROOT = resolve(import.meta.dirname, "../..");
const SCAN_FIXTURES = join(ROOT, "test/fixtures/scan");
const REPOS = [
  ...readdirSync(SCAN_FIXTURES, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => join(SCAN_FIXTURES, e.name)),
  join(ROOT, "examples/monorepo"),
];
/** Modules edited per repository (sorted, tests and conftests left out): enough to meet packages and leaves. */
const PER_REPO = 2;

const stable = (r: ScanResult) => JSON.stringify({ ...r, durationMs: 0 });

function pythonFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[])
    .filter((p) => p.endsWith(".py") && !p.includes(".remedy"))
    .sort();
}

const isTestLike = (p: string) => /^(test_.*|.*_test|conftest)\.py$/.test(basename(p));

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
  for (const fixture of REPOS) {
    const dir = mkdtempSync(join(tmpdir(), "remedy-added-"));
    try {
      cpSync(fixture, dir, { recursive: true, filter: (src) => !src.includes(".remedy") });
      const files = pythonFiles(dir);
      // Files written within 2 s are never trusted by the cache (racy stamps): the copy is made older.
      const past = new Date(Date.now() - 60_000);
      for (const f of readdirSync(dir, { recursive: true }) as string[]) utimesSync(join(dir, f), past, past);
      const first = await scan(dir, { python: "python3" });
      const edits = [
        "\nREMEDY_ADDED_CONSTANT = 1\n",
        "\n\ndef remedy_added_function(x: int) -> int:\n    return x\n",
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
});
