// The report both HTML tests render: a real scan of examples/monorepo (copied to a temp dir, no cache) with a
// hand-built audit (a latent cycle, a duplicated enum, a cross-service import) and a two-workstream plan, so every
// section of the page has content until the audit and plan stages produce their own.
import { cpSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { AuditResult } from "../../src/analyze/index.ts";
import type { Plan } from "../../src/plan/index.ts";
import type { Report } from "../../src/report/reporter.ts";
import { scan } from "../../src/scan/index.ts";

const EXAMPLE = resolve(import.meta.dirname, "../../examples/monorepo");

export const CYCLE = [
  "services.backend.monitoring.performance",
  "services.backend.monitoring.metrics",
  "services.backend.websocket.manager",
];

export function handBuiltAudit(rootdir: string): AuditResult {
  return {
    schemaVersion: 1,
    rootdir,
    findings: [
      {
        id: `latent-cycle:${CYCLE.join(" -> ")}`,
        kind: "latent-cycle",
        severity: "warning",
        subject: CYCLE.join(" -> "),
        message: "3 modules import each other at import time; importing `metrics` first fails today.",
        sites: [
          { file: "services/backend/monitoring/performance.py", line: 3, module: CYCLE[1]!, role: "cycle-edge" },
          { file: "services/backend/monitoring/metrics.py", line: 17, module: CYCLE[2]!, role: "cycle-edge" },
          { file: "services/backend/websocket/manager.py", line: 2, module: CYCLE[0]!, role: "cycle-edge" },
        ],
        proposal: { summary: "Import `metrics` inside the function that uses it.", canonical: null, changes: [] },
        detail: { modules: CYCLE, failsToday: true },
      },
      {
        id: "duplicate-definition:ExecutionStatus",
        kind: "duplicate-definition",
        severity: "warning",
        subject: "ExecutionStatus",
        message: "`ExecutionStatus` is defined in 2 modules with the same members.",
        sites: [
          { file: "shared/types/execution.py", line: 9, module: "shared.types.execution", role: "definition" },
          {
            file: "services/backend/agents/execution_types.py",
            line: 4,
            module: "services.backend.agents.execution_types",
            role: "definition",
          },
        ],
        proposal: {
          summary: "Keep `shared.types.execution.ExecutionStatus`; import it from there.",
          canonical: "shared.types.execution",
          changes: [],
        },
        detail: { similarity: "same members" },
      },
      {
        id: "boundary-violation:independent:auth->backend",
        kind: "boundary-violation",
        severity: "info",
        subject: "independent:services.auth->services.backend",
        message: "`services.auth` imports `services.backend` although services are independent.",
        sites: [{ file: "services/auth/context.py", line: 2, module: "services.backend.context", role: "import" }],
        proposal: null,
        detail: {},
      },
    ],
    services: [
      { name: "backend", paths: ["services/backend"], kind: "service", inferred: true },
      { name: "auth", paths: ["services/auth"], kind: "service", inferred: true },
      { name: "shared", paths: ["shared"], kind: "shared", inferred: true },
    ],
    debt: {
      score: 42,
      level: "MEDIUM",
      breakdown: [
        { term: "collection errors", count: 8, points: 32 },
        { term: "latent cycles", count: 1, points: 6 },
        { term: "duplicate definitions", count: 1, points: 4 },
      ],
    },
    limitations: [],
  };
}

export const PLAN: Plan = {
  teams: 2,
  effortModel: { "missing-name": 1, "unknown-marker": 0.5 },
  workstreams: [
    {
      id: "ws-1",
      title: "Backend imports",
      findings: ["missing-name:a"],
      order: [
        {
          finding: "missing-name:a",
          title: "Import `ExecutionStatus` from `shared.types.execution`",
          effort: 1,
          files: ["tests/integration/test_agent_status_reporting.py"],
          commands: ["remedy scan --only missing-name:a"],
        },
      ],
      files: ["tests/integration/test_agent_status_reporting.py"],
      mustNotTouch: ["pytest.ini"],
      commands: ["python -m pytest --collect-only tests/integration/test_agent_status_reporting.py"],
      effort: 1,
      unblocksTests: 11,
    },
    {
      id: "ws-2",
      title: "Markers",
      findings: ["unknown-marker:b"],
      order: [
        { finding: "unknown-marker:b", title: "Register `backend`", effort: 0.5, files: ["pytest.ini"], commands: [] },
      ],
      files: ["pytest.ini"],
      mustNotTouch: [],
      commands: [],
      effort: 0.5,
      unblocksTests: 5,
    },
  ],
};

/** A real scan of a fresh copy of the example, with the hand-built audit and plan. */
export async function exampleReport(): Promise<Report> {
  const dir = join(mkdtempSync(join(tmpdir(), "remedy-html-")), "monorepo");
  cpSync(EXAMPLE, dir, { recursive: true });
  const result = await scan(dir, { cache: false });
  return { scan: result, audit: handBuiltAudit(result.rootdir), plan: PLAN };
}
