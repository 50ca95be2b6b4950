// End to end on every scan fixture: remedy's prediction must equal what the real pytest said (expected.json,
// recorded from pytest 9.0.3 by test/fixtures/scan/record.py): the erroring collectors with their exception type
// and message, the files that collect with their item counts, the exit code, start-up and usage errors.
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { test } from "node:test";
import { scan } from "../../src/scan/scan.ts";
import { type Expected, predictedVerdict } from "./pytestVerdict.ts";

const FIXTURES = resolve(import.meta.dirname, "../fixtures/scan");

function expected(dir: string): Expected {
  const exp = JSON.parse(readFileSync(join(dir, "expected.json"), "utf8"));
  // `at` (where pytest's traceback ends) and warnings are not predictions remedy makes in this shape.
  for (const e of Object.values(exp.errors) as { at?: string }[]) delete e.at;
  if (exp.conftestError) delete exp.conftestError.at;
  delete exp.warnings;
  return exp;
}

const cases = readdirSync(FIXTURES)
  .filter((c) => existsSync(join(FIXTURES, c, "expected.json")))
  .sort();

test("there are scan fixtures to compare with", () => {
  assert.ok(cases.length >= 30, `only ${cases.length} cases`);
});

for (const c of cases) {
  test(`scan agrees with pytest: ${c}`, async () => {
    const dir = join(FIXTURES, c);
    const result = await scan(dir, { cache: false });
    assert.deepEqual(predictedVerdict(result), expected(dir));
  });
}
