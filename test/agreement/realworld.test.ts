// Patterns found on real repositories nobody here wrote (issue "remedy on real code"), as small fixtures recorded
// from the real pytest (expected.json, by test/fixtures/scan/record.py). Stricter than the agreement fixtures: every
// claim counts. remedy's certain errors must be pytest's, its exit code pytest's, and its possible findings exactly
// those the fixture's possible.json lists (none when it has none): a possible finding that never happens is noise.
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { test } from "node:test";
import { expectedVerdict, remedyFixtureVerdict } from "../../bench/agreement/fixtureVerdict.ts";
import { scan } from "../../src/index.ts";
import { stdlib } from "../scan/pytestVerdict.ts";

const DIR = resolve(import.meta.dirname, "../fixtures/realworld");

interface Case {
  /** Extra environment for both pytest (recorded with it) and remedy. */
  env?: Record<string, string>;
  /** The possible findings remedy must print, as "kind file:line name". */
  possible?: string[];
}

/** Patterns remedy still gets wrong (case -> why); remove a line when its fix lands (the test then runs). */
const OPEN: Record<string, string> = {};

const cases = readdirSync(DIR)
  .filter((c) => existsSync(join(DIR, c, "expected.json")))
  .sort();

for (const c of cases) {
  test(`real-world pattern ${c}`, { todo: OPEN[c] }, async () => {
    const dir = join(DIR, c);
    const spec: Case = existsSync(join(dir, "case.json"))
      ? JSON.parse(readFileSync(join(dir, "case.json"), "utf8"))
      : {};
    const env = spec.env ? { ...process.env, ...spec.env } : undefined;
    const expected = JSON.parse(readFileSync(join(dir, "expected.json"), "utf8")) as {
      exitCode: number;
      collected: Record<string, number>;
    };
    // record.py writes the python3's stdlib directory (site-packages below it) as <STDLIB>.
    const verdict = await remedyFixtureVerdict(dir, env);
    for (const e of Object.values(verdict.errors)) e.message = e.message.split(stdlib()).join("<STDLIB>");
    assert.deepEqual(verdict, expectedVerdict(dir));
    const result = await scan(dir, { cache: false, ...(env ? { env } : {}) });
    assert.equal(result.pytestExitCode, expected.exitCode, "exit code");
    const possible = result.findings
      .filter((f) => f.severity === "warning" && f.condition !== undefined)
      .map((f) => `${f.kind} ${f.file}:${f.line} ${f.name ?? ""}`.trim())
      .sort();
    assert.deepEqual(possible, [...(spec.possible ?? [])].sort(), "possible findings");
    const collected = Object.values(expected.collected).reduce((a, b) => a + b, 0);
    if (!result.collection.testsLowerBound) {
      assert.equal(result.collection.tests - result.collection.blockedTests, collected, "collected tests");
    }
  });
}

test("every open real-world pattern has a fixture", () => {
  for (const c of Object.keys(OPEN)) assert.ok(cases.includes(c), `${c} is listed as open but has no fixture`);
});
