// Disagreements the agreement bench found in generated monorepos, whose trees are too large to keep as fixtures:
// each is generated again (the generator is deterministic for a seed), recorded from the real pytest
// (test/fixtures/scan/record.py) and compared with remedy's verdict. Open ones are `todo`, with the cause.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { test } from "node:test";
import { expectedVerdict, remedyFixtureVerdict } from "../../bench/agreement/fixtureVerdict.ts";
import type { BreakageKind } from "../../bench/generate/breakages.ts";
import { generateMonorepo } from "../../bench/generate/generateMonorepo.ts";

const RECORD = resolve(import.meta.dirname, "../fixtures/scan/record.py");

const CASES: { seed: number; breakages: BreakageKind[]; what: string; open?: string }[] = [
  {
    seed: 103002,
    breakages: ["move-definition", "move-definition"],
    what: "a submodule a failed package left in sys.modules (also fixture leftover-submodule-reimport)",
  },
  {
    seed: 131004,
    breakages: ["module-cycle", "module-cycle"],
    what: "two cycles; files under a directory whose conftest failed leave nothing in sys.modules",
  },
];

for (const c of CASES) {
  test(`generated monorepo (seed ${c.seed}): ${c.what}`, { todo: c.open }, async () => {
    const dir = mkdtempSync(join(tmpdir(), `remedy-gen-${c.seed}-`));
    try {
      generateMonorepo({ dir, modules: 120, seed: c.seed, breakages: c.breakages });
      execFileSync("python3", [RECORD, dir], { stdio: "ignore" });
      // expectedVerdict names a conftest that fails during collection by its file, as remedy does.
      assert.deepEqual(await remedyFixtureVerdict(dir), expectedVerdict(dir));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}
