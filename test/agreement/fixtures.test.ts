// Each disagreement the agreement bench found, as a small fixture: remedy's verdict must equal the real pytest's
// (expected.json, recorded by test/fixtures/scan/record.py). Cases remedy still gets wrong are `todo` with the cause.
import assert from "node:assert/strict";
import { existsSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { test } from "node:test";
import { expectedVerdict, remedyFixtureVerdict } from "../../bench/agreement/fixtureVerdict.ts";

const DIR = resolve(import.meta.dirname, "../fixtures/agreement");

/** Open disagreements (case -> why remedy is wrong today); remove a line when its fix lands. */
const OPEN: Record<string, string> = {};

const cases = readdirSync(DIR)
  .filter((c) => existsSync(join(DIR, c, "expected.json")))
  .sort();

for (const c of cases) {
  test(`agreement fixture ${c}`, { todo: OPEN[c] }, async () => {
    const dir = join(DIR, c);
    assert.deepEqual(await remedyFixtureVerdict(dir), expectedVerdict(dir));
  });
}

test("every open case has a fixture", () => {
  for (const c of Object.keys(OPEN)) assert.ok(cases.includes(c), `${c} is listed as open but has no fixture`);
});
