// The fix property of bench/fix (every offered fix applied by `remedy fix --write --unsafe`: each written file
// still compiles, each targeted finding is gone, the real pytest collects at least as many tests) on seeded mutated
// copies of the example monorepo, one case per fixable mutation kind: CI has no corpus, so this carries the property
// into `npm test`; `npm run bench:fix` runs it on the corpus projects.
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { test } from "node:test";
import {
  checkFixProperty,
  FIXABLE_MUTATIONS,
  firstPartyPackages,
  mutateForFixes,
  type PropertyCase,
} from "../../bench/fix/fixProperty.ts";

const EXAMPLE = resolve(import.meta.dirname, "../../examples/monorepo");

async function exampleCase(index: number): Promise<PropertyCase> {
  const base = mkdtempSync(join(tmpdir(), "remedy-fixprop-"));
  const dir = join(base, "monorepo");
  try {
    cpSync(EXAMPLE, dir, { recursive: true, filter: (s) => !/(__pycache__|\.remedy|\.pytest_cache)$/.test(s) });
    const { mutation, args } = mutateForFixes(dir, firstPartyPackages(dir), index, "example");
    assert.ok(mutation, `case ${index}: no place for a mutation`);
    return await checkFixProperty({ dir, python: "python3", env: process.env, args }, mutation);
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
}

test("every fix offered on mutated copies of the example keeps the property", async (t) => {
  const cases: PropertyCase[] = [];
  for (let index = 0; index < FIXABLE_MUTATIONS.length; index++) {
    const c = await exampleCase(index);
    cases.push(c);
    t.diagnostic(`#${index} ${c.mutation}: ${c.fixes} fixes, pytest ${c.testsBefore} -> ${c.testsAfter}`);
    assert.deepEqual(c.parseFailures, [], `#${index} ${c.mutation}: written files that no longer compile`);
    assert.deepEqual(c.stillReported, [], `#${index} ${c.mutation}: targeted findings still reported`);
    assert.ok(c.testsAfter >= c.testsBefore, `#${index} ${c.mutation}: pytest ${c.testsBefore} -> ${c.testsAfter}`);
  }
  // The example's own fixable causes are fixed in every case: pytest collects more than before each time.
  assert.ok(
    cases.every((c) => c.fixes > 0 && c.testsAfter > c.testsBefore),
    cases.map((c) => `${c.mutation}: ${c.fixes} fixes, ${c.testsBefore} -> ${c.testsAfter}`).join("\n"),
  );
});
