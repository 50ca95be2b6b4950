// The agreement bench in small: remedy's scan() against the real pytest --collect-only on a few real packages,
// 100 seeded mutations of them and one generated monorepo. Targets (the issue's): precision 1.000, recall >= 0.99.
import assert from "node:assert/strict";
import { test } from "node:test";
import { runAgreement } from "../../bench/agreement/agreement.ts";
import { formatDisagreement, formatTable } from "../../bench/agreement/score.ts";

const PACKAGES = [
  "idna",
  "markupsafe",
  "itsdangerous",
  "blinker",
  "sniffio",
  "outcome",
  "colorama",
  "std:json",
  "std:html",
];

// remedy is below the targets today (figures of this exact set below; each run prints its own as diagnostics);
// the fixtures under test/fixtures/agreement name the causes. Drop `todo` once the figures reach the targets.
const TODO =
  "remedy below target on this set: precision 0.984 (4 FP), recall 0.972 (7 FN), measured 2026-11-24 06:27 UTC; " +
  "causes: test/fixtures/agreement/{short-circuit-or,guarded-import-name-used,type-checking-else-branch}";

test("remedy agrees with the real pytest on clean and mutated real code", {
  todo: TODO,
  timeout: 170_000,
}, async (t) => {
  const result = await runAgreement({ packages: PACKAGES, seed: 7, count: 100, batch: 100, generated: 1, perRepo: 2 });
  const all = result.scores.all.at(-1)!;
  t.diagnostic(`\n${formatTable(result.scores.all)}`);
  for (const r of result.rows.filter((x) => x.outcome === "disagree")) t.diagnostic(formatDisagreement(r));
  assert.ok(result.mutations.length >= 100, `only ${result.mutations.length} mutations applied`);
  assert.equal(all.precision, 1, `precision ${all.precision.toFixed(3)} (FP ${all.fp})`);
  assert.ok(all.recall >= 0.99, `recall ${all.recall.toFixed(3)} (FN ${all.fn})`);
});
