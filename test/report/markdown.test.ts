// The Markdown remediation report on the example monorepo: every root cause with its file:line, the summary's
// figures equal to the scan's, the same bytes on two scans; the audit, plan and flow sections from hand-built data.
import assert from "node:assert/strict";
import { test } from "node:test";
import type { AuditResult } from "../../src/analyze/audit/auditFinding.ts";
import type { Plan } from "../../src/plan/workstream.ts";
import { markdownReport } from "../../src/report/markdown.ts";
import { scan } from "../../src/scan/index.ts";
import { monorepoCopy } from "./monorepoCopy.ts";

const dir = monorepoCopy();
const first = scan(dir, { cache: false });

const ROOT_CAUSES = [
  ["missing name `ExecutionStatus`", "tests/integration/test_agent_status_reporting.py:5"],
  ["missing module `services.backend.agents.tool_registry`", "services/backend/agents/tool_dispatcher.py:3"],
  ["missing name `UserExecutionContext`", "services/backend/agents/user_execution_engine.py:3"],
  ["circular import `PerformanceMonitor`", "services/backend/monitoring/metrics.py:17"],
  ["missing name `get_redis_manager`", "tests/integration/test_backend_service_integration_comprehensive.py:5"],
  ["unregistered marker `backend`", "tests/integration/test_backend_health.py:9"],
  ["unregistered marker `interservice`", "tests/integration/test_interservice_auth_flow.py:9"],
  ["unregistered marker `startup_services`", "tests/integration/test_startup_sequence.py:9"],
];

test("the example's report: 8 root causes at their file:line, the scan's totals, one hidden error, same bytes twice", async () => {
  const result = await first;
  const md = markdownReport({ scan: result });
  ROOT_CAUSES.forEach(([title, at], i) => {
    assert.match(
      md,
      new RegExp(`#### ${i + 1}\\. ${title!.replace(/[.`]/g, "\\$&")}\\n\\n- \\*\\*Where:\\*\\* \`${at}\``),
    );
  });
  const c = result.collection;
  assert.deepEqual([c.testFiles, c.blockedTestFiles, c.tests, c.blockedTests], [12, 9, 63, 43]);
  assert.match(md, new RegExp(`\\| Test files \\| ${c.testFiles} \\|`));
  assert.match(md, new RegExp(`\\| Blocked test files \\| ${c.blockedTestFiles} \\|`));
  assert.match(md, new RegExp(`\\| Tests \\(parametrize expanded\\) \\| at least ${c.tests} \\|`));
  assert.match(md, new RegExp(`\\| Blocked tests \\| at least ${c.blockedTests} \\|`));
  assert.match(md, /\| Root causes \| 8 \|/);
  assert.match(md, /predicted to exit with code 2 \(collection errors\): 9 of 12 test files do not collect/);
  assert.match(md, /## Hidden errors \(1\)\n[^#]*#### 9\. missing name `get_settings`/);
  assert.match(md, /- \*\*Hidden in:\*\* `tests\/integration\/test_websocket_core_interplay\.py` \(behind #1\)/);
  // pytest's message names files absolutely; the report does not (the same tree gives the same bytes anywhere).
  assert.ok(!md.includes(dir), "an absolute path of the scanned tree leaked into the report");
  assert.match(
    md,
    /`ImportError: cannot import name 'ExecutionStatus' from '[^']+' \(services\/backend\/agents\/execution_types\.py\)`/,
  );
  // Phase 1: most tests unblocked first; #1 frees only 5 of its 11 tests, the other file then stops at #9.
  assert.match(
    md,
    /1\. #5 missing name `get_redis_manager` .*: unblocks 6 tests in 1 test file\.\n2\. #1 missing name `ExecutionStatus` .*: unblocks 5 tests in 1 test file; `tests\/integration\/test_websocket_core_interplay\.py` then stops at #9 \(hidden\)\./,
  );
  assert.equal(md.match(/^- \[ \] #\d+ /gm)?.length, 9);
  assert.match(md, /- \[ \] `pytest --collect-only -q` collects at least 63 tests from 12 test files/);
  assert.match(
    md,
    /\| `tests\/integration` \| 12 \| 9 \| at least 63 \| at least 43 \| #1, #2, #3, #4, #5, #6, #7, #8 \|/,
  );
  assert.doesNotMatch(md, /\d+(\.\d+)?m?s\b|\d{4}-\d\d-\d\d/, "no duration or date");

  const again = markdownReport({ scan: await scan(dir, { cache: false }) });
  assert.equal(again, md);
});

const audit: AuditResult = {
  schemaVersion: 1,
  rootdir: "/r",
  findings: [
    {
      id: "latent-cycle:a -> b",
      kind: "latent-cycle",
      severity: "info",
      subject: "a -> b",
      message: "a and b import each other",
      sites: [{ file: "a.py", line: 1, module: "a", role: "cycle-edge" }],
      proposal: null,
      detail: {},
    },
    {
      id: "duplicate-definition:ExecutionStatus",
      kind: "duplicate-definition",
      severity: "warning",
      subject: "ExecutionStatus",
      message: "ExecutionStatus is defined in 2 modules | same members",
      sites: [
        { file: "shared/types/execution.py", line: 9, module: "shared.types.execution", role: "definition" },
        {
          file: "services/backend/websocket/events.py",
          line: 9,
          module: "services.backend.websocket.events",
          role: "definition",
        },
      ],
      proposal: { summary: "Keep shared.types.execution", canonical: "shared.types.execution", changes: [] },
      detail: {},
    },
  ],
  services: [],
  debt: {
    score: 57,
    level: "HIGH",
    breakdown: [
      { term: "collection errors", count: 8, points: 40 },
      { term: "duplicate definitions", count: 1, points: 17 },
    ],
  },
  limitations: [],
};

const plan: Plan = {
  teams: 2,
  effortModel: {},
  workstreams: [
    {
      id: "ws-1",
      title: "Markers in pytest.ini",
      findings: ["m1", "m2"],
      order: [
        { finding: "m1", title: "register backend", effort: 1, files: ["pytest.ini"], commands: [] },
        { finding: "m2", title: "register interservice", effort: 1, files: ["pytest.ini"], commands: [] },
      ],
      files: ["pytest.ini"],
      mustNotTouch: [],
      commands: [],
      effort: 2,
      unblocksTests: 9,
    },
  ],
};

test("audit, plan and flows: debt breakdown, a table per audit kind, workstreams, blocked tests per flow", async () => {
  const result = await first;
  const md = markdownReport({
    scan: result,
    audit,
    plan,
    flows: [
      {
        name: "Agents",
        criticality: "high",
        paths: ["tests/integration/test_agent_*.py", "tests/integration/test_user_*.py"],
      },
      { name: "Auth", criticality: "critical", paths: ["tests/integration/test_*auth*.py"], markers: ["auth"] },
    ],
  });
  assert.match(
    md,
    /## Technical debt score\n\n\*\*57\/100: HIGH\*\*\n\n\| Term \| Count \| Points \|\n\| --- \| ---: \| ---: \|\n\| collection errors \| 8 \| 40 \|/,
  );
  // Kinds in registry order, one table each; pipes in text cannot break a row.
  assert.match(md, /### duplicate definition \(1\)[\s\S]*### import cycle \(1\)/);
  assert.match(
    md,
    /\| `ExecutionStatus` \| warning \| ExecutionStatus is defined in 2 modules \\\| same members \| `shared\/types\/execution\.py:9` \(definition\), /,
  );
  assert.match(
    md,
    /### Phase 2: architecture\n\nWarnings first, then by kind:\n\n- duplicate definition `ExecutionStatus`: Keep shared\.types\.execution \(0 changes\)/,
  );
  assert.match(
    md,
    /### Workstreams \(2 teams\)[\s\S]*\| ws-1 \| Markers in pytest\.ini \| 2 \| 2 \| 9 \| `pytest\.ini` \|/,
  );
  assert.match(md, /- \*\*ws-1\*\*, in order: register backend; register interservice/);
  // Auth (critical) first: test_auth_tokens (8 tests, collects) and test_interservice_auth_flow (4, blocked by #7).
  const flows = md.slice(md.indexOf("## Business impact"), md.indexOf("## Technical debt"));
  const rows = flows.split("\n").filter((l) => /^\| (Auth|Agents|\(in no flow\))/.test(l));
  assert.deepEqual(
    rows.map((r) => r.split(" | ")[0]),
    ["| Auth", "| Agents", "| (in no flow)"],
  );
  assert.match(rows[0]!, /\| Auth \| critical \| 2 \| 1 \| 12 \| 4 \| #7 \|/);
  assert.match(rows[1]!, /\| Agents \| high \| 2 \| 2 \| 9 \| 9 \| #1, #3 \|/);
  assert.match(flows, /Flows `Auth` also name markers: remedy does not match tests by marker yet/);
  assert.match(md, /- \[ \] `remedy audit` reports no warning \(1 today; debt score 57, HIGH\)/);
});
