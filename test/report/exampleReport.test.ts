// examples/monorepo/REMEDIATION_REPORT.md is what `remedy report examples/monorepo -o
// examples/monorepo/REMEDIATION_REPORT.md` writes today: a change to the model or the wording shows in review.
// Regenerate it with that command (the README's example section says so).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { report } from "../../src/index.ts";
import { MONOREPO, monorepoCopy } from "./monorepoCopy.ts";

test("the example's committed remediation report is up to date", async () => {
  const { text } = await report(monorepoCopy(), { format: "md", cache: false });
  const committed = readFileSync(join(MONOREPO, "REMEDIATION_REPORT.md"), "utf8");
  assert.equal(
    text,
    committed,
    "examples/monorepo/REMEDIATION_REPORT.md is stale: run `node bin/remedy.js report examples/monorepo -o examples/monorepo/REMEDIATION_REPORT.md`",
  );
});

test("the example's report shows its duplicated enum, its cross-service import and its cycle", async () => {
  const { remediation } = await report(monorepoCopy(), { format: "md", cache: false });
  const subjects = remediation.audit.findings.map((f) => `${f.kind} ${f.subject}`);
  assert.ok(subjects.includes("duplicate-definition ExecutionStatus"), subjects.join("\n"));
  assert.ok(
    subjects.some((s) => s.startsWith("boundary-violation") && s.includes("services.auth.context")),
    subjects.join("\n"),
  );
  assert.ok(
    subjects.some((s) => s.startsWith("latent-cycle") && s.includes("services.backend.monitoring.performance")),
    subjects.join("\n"),
  );
});
