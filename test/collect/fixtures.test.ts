// Test counts on the class-collection fixtures (test/fixtures/collect/, recorded from the real pytest by
// test/fixtures/scan/record.py): methods inherited from bases in the same file, in other first-party modules and
// from unittest cases, overrides, parametrize on classes and methods, parametrized fixtures (fixture-params). An exact count must equal pytest's; a count
// remedy marks as a lower bound (a base it cannot read) must not exceed it.
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { test } from "node:test";
import { scan } from "../../src/scan/scan.ts";

const FIXTURES = resolve(import.meta.dirname, "../fixtures/collect");
const cases = readdirSync(FIXTURES).filter((c) => existsSync(join(FIXTURES, c, "expected.json")));

test("there are collection fixtures", () => assert.ok(cases.length >= 5));

for (const c of cases) {
  test(`test counts agree with pytest: ${c}`, async () => {
    const dir = join(FIXTURES, c);
    const expected = JSON.parse(readFileSync(join(dir, "expected.json"), "utf8"));
    const result = await scan(dir, { cache: false });
    assert.equal(result.pytestExitCode, expected.exitCode);
    const exact: Record<string, number> = {};
    for (const t of result.testFiles) {
      const real = expected.collected[t.file] ?? 0;
      if (t.testsLowerBound) assert.ok(t.tests <= real, `${t.file}: at least ${t.tests}, pytest ${real}`);
      else exact[t.file] = t.tests;
    }
    const exactExpected = Object.fromEntries(Object.keys(exact).map((f) => [f, expected.collected[f] ?? 0]));
    assert.deepEqual(exact, exactExpected);
  });
}

test("a base from an installed package makes the count a lower bound, never a silent undercount", async () => {
  const result = await scan(join(FIXTURES, "inherit-third-party"), { cache: false });
  assert.deepEqual(result.testFiles, [
    { file: "tests/test_third_party.py", tests: 3, testsLowerBound: true, blockedBy: null },
  ]);
  assert.equal(result.collection.testsLowerBound, true);
});

test("non-literal fixture params, pytest_generate_tests, module pytestmark parametrize, an unreadable star import: lower bounds", async () => {
  const result = await scan(join(FIXTURES, "fixture-params"), { cache: false });
  const lower = result.testFiles.filter((t) => t.testsLowerBound).map((t) => `${t.file}: ${t.tests}`);
  assert.deepEqual(lower, [
    "tests/sub/test_generate.py: 2",
    "tests/sub/test_nonliteral.py: 3",
    "tests/test_pytestmark.py: 1",
    "tests/test_star_unknown.py: 2",
  ]);
});
