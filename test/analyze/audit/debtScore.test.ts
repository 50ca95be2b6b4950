// The debt score: each term of the documented formula, its caps, the level thresholds, determinism.
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { AuditFinding } from "../../../src/analyze/audit/auditFinding.ts";
import { debtLevel, debtScore } from "../../../src/analyze/audit/debtScore.ts";
import type { Finding } from "../../../src/analyze/finding.ts";
import type { CollectionTotals } from "../../../src/analyze/scanResult.ts";

function scanFinding(severity: "error" | "warning", hidden = false): Finding {
  return {
    id: `x:${Math.random()}`,
    kind: "missing-name",
    category: "import",
    severity,
    file: "a.py",
    line: 1,
    col: 0,
    message: "m",
    exceptionType: "ImportError",
    module: null,
    name: null,
    chain: [],
    blocks: { testFiles: [], tests: 0, areas: [] },
    hiddenIn: [],
    hidden,
    suggestions: [],
  };
}

function auditFinding(kind: AuditFinding["kind"], severity: AuditFinding["severity"]): AuditFinding {
  return { id: kind, kind, severity, subject: kind, message: "", sites: [], proposal: null, detail: {} };
}

const totals = (testFiles: number, blockedTestFiles: number): CollectionTotals => ({
  testFiles,
  blockedTestFiles,
  tests: testFiles,
  blockedTests: blockedTestFiles,
});

const points = (s: ReturnType<typeof debtScore>) => Object.fromEntries(s.breakdown.map((t) => [t.term, t.points]));

describe("debtScore", () => {
  it("is zero and LOW with nothing found", () => {
    const s = debtScore([], [], totals(10, 0));
    assert.equal(s.score, 0);
    assert.equal(s.level, "LOW");
    assert.deepEqual(
      s.breakdown.map((t) => t.term),
      [
        "blocked test files",
        "collection errors",
        "hidden errors",
        "possible errors",
        "latent-cycle",
        "boundary-violation",
        "duplicate-definition",
        "split-consumers",
        "shim",
        "duplicate-factory",
      ],
    );
  });

  it("weighs each term as documented", () => {
    const scan = [scanFinding("error"), scanFinding("error"), scanFinding("error", true), scanFinding("warning")];
    const audit = [
      auditFinding("latent-cycle", "warning"),
      auditFinding("latent-cycle", "info"),
      auditFinding("boundary-violation", "info"),
      auditFinding("split-consumers", "warning"),
    ];
    const s = debtScore(scan, audit, totals(8, 2));
    assert.deepEqual(points(s), {
      "blocked test files": 10,
      "collection errors": 8,
      "hidden errors": 1,
      "possible errors": 0.5,
      "latent-cycle": 4,
      "boundary-violation": 0.3,
      "duplicate-definition": 0,
      "split-consumers": 2,
      shim: 0,
      "duplicate-factory": 0,
    });
    assert.equal(s.score, 26);
    assert.equal(s.level, "MEDIUM");
  });

  it("caps each term and the score", () => {
    const scan = Array.from({ length: 50 }, () => scanFinding("error"));
    const audit = Array.from({ length: 50 }, () => auditFinding("latent-cycle", "warning"));
    const s = debtScore(scan, audit, totals(10, 10));
    assert.equal(points(s)["collection errors"], 30);
    assert.equal(points(s)["latent-cycle"], 10);
    assert.equal(s.score, 80);
    assert.equal(s.level, "CRITICAL");
    assert.equal(debtScore([], [], totals(0, 0)).score, 0);
  });

  it("draws the level lines at 25, 50 and 75", () => {
    assert.deepEqual([0, 24, 25, 49, 50, 74, 75, 100].map(debtLevel), [
      "LOW",
      "LOW",
      "MEDIUM",
      "MEDIUM",
      "HIGH",
      "HIGH",
      "CRITICAL",
      "CRITICAL",
    ]);
  });
});
