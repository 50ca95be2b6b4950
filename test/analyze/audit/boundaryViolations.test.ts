// boundary-violation on fixture trees: every contract kind, when each import runs, ignore pairs, tests left out,
// and the implicit contract between inferred services. Exact findings in each fixture's expected.json.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, it } from "node:test";
import type { AuditFinding } from "../../../src/analyze/audit/auditFinding.ts";
import { boundaryViolations } from "../../../src/analyze/audit/boundaryViolations.ts";
import { servicesOf } from "../../../src/analyze/audit/services.ts";
import { structureInput } from "./structureInput.ts";

const FIXTURES = resolve(import.meta.dirname, "../../fixtures/audit");

function summary(f: AuditFinding) {
  return {
    kind: f.kind,
    subject: f.subject,
    severity: f.severity,
    when: f.detail.when,
    sites: f.sites.map((s) => `${s.file}:${s.line}`),
  };
}

function expected(name: string): unknown {
  return JSON.parse(readFileSync(join(FIXTURES, name, "expected.json"), "utf8"));
}

describe("boundary-violation", () => {
  it("reports each configured contract's violations once per importer and imported module", () => {
    const findings = boundaryViolations(structureInput(join(FIXTURES, "boundary-violation")));
    assert.deepEqual(findings.map(summary), expected("boundary-violation"));
    const first = findings[0]!;
    assert.equal(first.id, "boundary-violation:billing and orders are independent:orders.api->billing.api");
    assert.equal(
      first.message,
      "orders.api imports billing.api at import time: contract 'billing and orders are independent' says orders and billing must not import one another.",
    );
    assert.deepEqual(first.detail.statements, [
      { line: 2, statement: "from billing.api import charge", when: "import-time" },
    ]);
  });

  it("with no contracts, keeps inferred services independent of each other but not of shared code", () => {
    const input = structureInput(join(FIXTURES, "boundary-violation-inferred"));
    assert.deepEqual(servicesOf(input), [
      { name: "billing", paths: ["billing"], kind: "service", inferred: true },
      { name: "orders", paths: ["orders"], kind: "service", inferred: true },
      { name: "common", paths: ["common"], kind: "shared", inferred: true },
    ]);
    assert.deepEqual(boundaryViolations(input).map(summary), expected("boundary-violation-inferred"));
  });

  it("audits tests too when include-tests is set", () => {
    const input = structureInput(join(FIXTURES, "boundary-violation-inferred"));
    input.config.audit.includeTests = true;
    const subjects = boundaryViolations(input).map((f) => f.subject);
    assert.ok(
      subjects.includes("services are independent:orders.tests.test_service->billing.invoice"),
      String(subjects),
    );
  });
});
