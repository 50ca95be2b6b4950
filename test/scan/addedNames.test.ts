// An edit that only adds names nothing used keeps the stored result (src/scan/addedNames.ts). The rule must be
// exact, so it is held to the uncached scan on every scan fixture and the example monorepo: each non-test module
// gets a new constant, a new annotated function, and the names the stored result says are missing
// (which must change the result); the cached scan must equal the uncached one every time.
import assert from "node:assert/strict";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { test } from "node:test";
import type { ScanResult } from "../../src/analyze/scanResult.ts";
import { scan } from "../../src/scan/scan.ts";
import { agedCopy, isTestLike, pythonFiles, REPOS, stable } from "./editedRepos.ts";

/** Modules edited per repository (sorted, tests and conftests left out): enough to meet packages and leaves. */
const PER_REPO = 2;

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
    const dir = agedCopy(fixture, "remedy-added-");
    try {
      const files = pythonFiles(dir);
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
