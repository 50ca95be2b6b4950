// The agreement bench in small: remedy's scan() against the real pytest --collect-only on a few real packages,
// 300 seeded mutations of them and two generated monorepos. Targets (the issue's): precision 1.000, recall >= 0.99.
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

test("remedy agrees with the real pytest on clean and mutated real code", { timeout: 300_000 }, async (t) => {
  const result = await runAgreement({ packages: PACKAGES, seed: 7, count: 300, batch: 150, generated: 2, perRepo: 2 });
  const all = result.scores.all.at(-1)!;
  t.diagnostic(`\n${formatTable(result.scores.all)}`);
  for (const r of result.rows.filter((x) => x.outcome === "disagree")) t.diagnostic(formatDisagreement(r));
  assert.ok(result.mutations.length >= 100, `only ${result.mutations.length} mutations applied`);
  assert.equal(all.precision, 1, `precision ${all.precision.toFixed(3)} (FP ${all.fp})`);
  assert.ok(all.recall >= 0.99, `recall ${all.recall.toFixed(3)} (FN ${all.fn})`);
});
