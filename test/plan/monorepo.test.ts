// The plan on a real scan of examples/monorepo (copied to a temporary directory): for 1, 2 and 3 teams every
// finding is planned exactly once, no file is owned by two workstreams, the three marker findings (all edit
// pytest.ini) share a stream, the streams are balanced as LPT on the documented effort model predicts, and the
// same scan, in any finding order, gives the same plan and the same briefs.
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { after, before, test } from "node:test";
import type { ScanResult } from "../../src/analyze/index.ts";
import { type Plan, planSummary, planWorkstreams, workstreamBrief } from "../../src/plan/index.ts";
import { scan } from "../../src/scan/index.ts";

const MONOREPO = resolve(import.meta.dirname, "../../examples/monorepo");
let dir = "";
let result: ScanResult;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), "remedy-plan-"));
  cpSync(MONOREPO, dir, { recursive: true });
  result = await scan(dir, { cache: false });
});
after(() => rmSync(dir, { recursive: true, force: true }));

const streamOf = (plan: Plan, id: string) => plan.workstreams.find((w) => w.findings.includes(id))!;
const idOf = (kind: string, name: string) => result.findings.find((f) => f.kind === kind && f.name === name)!.id;

for (const teams of [1, 2, 3]) {
  test(`examples/monorepo, ${teams} team(s): each finding once, disjoint files, markers together`, () => {
    const plan = planWorkstreams({ scan: result, teams });
    assert.equal(plan.workstreams.length, teams);
    assert.deepEqual(plan.notes, []);
    assert.deepEqual(
      plan.workstreams.map((w) => w.id),
      Array.from({ length: teams }, (_, i) => `ws-${i + 1}`),
    );

    const planned = plan.workstreams.flatMap((w) => w.findings);
    assert.deepEqual([...planned].sort(), result.findings.map((f) => f.id).sort());
    assert.equal(new Set(planned).size, planned.length);

    const owners = new Map<string, string>();
    for (const w of plan.workstreams) {
      assert.deepEqual(
        w.order.map((i) => i.finding),
        w.findings,
      );
      assert.deepEqual(w.files, [...new Set(w.order.flatMap((i) => i.files))].sort());
      for (const f of w.files) {
        assert.equal(owners.get(f), undefined, `${f} owned by ${owners.get(f)} and ${w.id}`);
        owners.set(f, w.id);
      }
      assert.ok(w.findings.length > 0, `${w.id} is empty`);
      assert.equal(
        w.effort,
        w.order.reduce((s, i) => s + i.effort, 0),
      );
    }
    for (const w of plan.workstreams) {
      assert.deepEqual(
        w.mustNotTouch,
        [...owners]
          .filter(([, o]) => o !== w.id)
          .map(([f]) => f)
          .sort(),
      );
    }

    const markers = result.findings.filter((f) => f.kind === "unknown-marker");
    assert.equal(markers.length, 3);
    assert.equal(new Set(markers.map((m) => streamOf(plan, m.id).id)).size, 1);
    assert.ok(streamOf(plan, markers[0]!.id).files.includes("pytest.ini"));
    // Hidden behind ExecutionStatus in test_websocket_core_interplay.py: the same stream, after it.
    const exec = streamOf(plan, idOf("missing-name", "ExecutionStatus"));
    const hidden = idOf("missing-name", "get_settings");
    assert.ok(exec.findings.indexOf(hidden) > exec.findings.indexOf(idOf("missing-name", "ExecutionStatus")));
    assert.equal(exec.order[exec.findings.indexOf(hidden)]!.phase, "hidden");
    // `backend` is also used in the file get_redis_manager blocks: behind it there, so in its stream.
    assert.equal(
      streamOf(plan, idOf("unknown-marker", "backend")),
      streamOf(plan, idOf("missing-name", "get_redis_manager")),
    );

    // Every blocked test is unblocked by exactly one stream; streams are numbered by tests unblocked.
    const unblocks = plan.workstreams.map((w) => w.unblocksTests);
    assert.equal(
      unblocks.reduce((a, b) => a + b, 0),
      result.collection.blockedTests,
    );
    assert.deepEqual(
      unblocks,
      [...unblocks].sort((a, b) => b - a),
    );
    for (const w of plan.workstreams) {
      const tests = w.order
        .filter((i) => i.phase === "unblock")
        .map((i) => result.findings.find((f) => f.id === i.finding)!.blocks.tests);
      assert.deepEqual(
        tests,
        [...tests].sort((a, b) => b - a),
        `${w.id}: most tests first`,
      );
    }
  });
}

test("examples/monorepo: balanced as LPT on the effort model predicts", () => {
  // Groups: the cycle 5, markers + get_redis_manager 4.25, tool_registry 3.25, ExecutionStatus + get_settings
  // 2.75, UserExecutionContext 1.25 (16.5 points in all).
  const loads = (teams: number) =>
    planWorkstreams({ scan: result, teams })
      .workstreams.map((w) => w.effort)
      .sort((a, b) => a - b);
  assert.deepEqual(loads(1), [16.5]);
  assert.deepEqual(loads(2), [7.75, 8.75]);
  assert.deepEqual(loads(3), [5, 5.5, 6]);
});

test("examples/monorepo: more teams than independent groups gives fewer streams, and says so", () => {
  const plan = planWorkstreams({ scan: result, teams: 8 });
  assert.equal(plan.workstreams.length, 5);
  assert.equal(plan.teams, 8);
  assert.match(
    plan.notes![0]!,
    /^8 teams asked for, but the findings form only 5 independent groups.*: 5 workstreams\.$/,
  );
});

test("examples/monorepo: the same scan in any finding order gives the same plan and briefs", () => {
  const shuffled = { ...result, findings: [...result.findings].reverse() };
  for (const teams of [1, 2, 3]) {
    const a = planWorkstreams({ scan: result, teams });
    const b = planWorkstreams({ scan: shuffled, teams });
    assert.deepEqual(b, a);
    assert.deepEqual(
      b.workstreams.map((w) => workstreamBrief(b, w, shuffled)),
      a.workstreams.map((w) => workstreamBrief(a, w, result)),
    );
  }
});

test("examples/monorepo: a brief holds everything needed to do its items", () => {
  const plan = planWorkstreams({ scan: result, teams: 3 });
  for (const ws of plan.workstreams) {
    const brief = workstreamBrief(plan, ws, result);
    assert.ok(brief.startsWith(`# Workstream ${ws.id}: ${ws.title}\n`));
    for (const f of ws.files) assert.ok(brief.includes(`- \`${f}\``), `${ws.id} owns ${f}`);
    const forbidden = brief.slice(brief.indexOf("## Files you must not touch"), brief.indexOf("## Work items"));
    for (const f of ws.mustNotTouch) assert.ok(forbidden.includes(`- \`${f}\``), `${ws.id} must not touch ${f}`);
    let at = 0;
    for (const item of ws.order) {
      const finding = result.findings.find((f) => f.id === item.finding)!;
      const heading = brief.indexOf(`. ${item.title}\n`, at);
      assert.ok(heading > at, `${item.finding} after the previous item`);
      at = heading;
      const next = brief.indexOf("\n### ", heading + 1);
      const section = brief.slice(heading, next === -1 ? brief.indexOf("## Definition of done") : next);
      assert.ok(section.includes(`${finding.file}:${finding.line}`));
      assert.ok(section.includes(finding.message));
      for (const s of finding.suggestions) assert.ok(section.includes(s.message));
      for (const step of finding.chain) assert.ok(section.includes(`${step.file}:${step.line}`));
      for (const c of item.commands) assert.ok(section.includes(`  ${c}\n`));
    }
  }
  const cycleBrief = workstreamBrief(plan, streamOf(plan, idOf("circular-import", "PerformanceMonitor")), result);
  assert.match(cycleBrief, /\*\*Cycle\*\*.*\n {3}1\. `services\/backend\/monitoring\/performance\.py:6`/);
});

test("examples/monorepo: the terminal summary lists each stream, what it owns and its items in order", () => {
  const plan = planWorkstreams({ scan: result, teams: 3 });
  const text = planSummary(plan);
  const lines = text.split("\n");
  assert.equal(lines[0], "3 workstreams for 3 teams: 16.5 points, 43 tests unblocked");
  assert.ok(text.endsWith("\n"));
  for (const w of plan.workstreams) {
    const at = lines.indexOf(`${w.id}  ${w.title}`);
    assert.ok(at > 0, w.id);
    assert.equal(
      lines[at + 1],
      `  ${w.effort} points, ${w.unblocksTests} tests unblocked, ${w.findings.length} finding${w.findings.length === 1 ? "" : "s"}`,
    );
    assert.equal(lines[at + 2], `  owns: ${w.files.join(", ")}`);
    for (const [i, item] of w.order.entries())
      assert.equal(lines[at + 3 + i], `  ${i + 1}. ${item.title} (${item.effort})`);
  }
});
