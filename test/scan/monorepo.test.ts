// End to end on examples/monorepo against the real pytest (src/verify's runCollection): the erroring test files
// with their exception type and message must be pytest's, every file remedy says collects must collect (with
// the same item count where remedy's count is exact), and the root causes are the eight the README documents.
import assert from "node:assert/strict";
import { resolve } from "node:path";
import { test } from "node:test";
import { scan } from "../../src/scan/scan.ts";
import { runCollection, summarize } from "../../src/verify/index.ts";

const MONOREPO = resolve(import.meta.dirname, "../../examples/monorepo");

test("examples/monorepo: remedy's errors and collected files are pytest's", async () => {
  const [result, report] = await Promise.all([scan(MONOREPO, { cache: false }), runCollection({ cwd: MONOREPO })]);
  const real = summarize(report);
  assert.equal(result.pytestExitCode, report.exitCode);

  const predicted: Record<string, { type: string; message: string }> = {};
  for (const f of result.findings) {
    if (f.severity !== "error" || f.hidden) continue;
    for (const t of f.blocks.testFiles) {
      predicted[t] = { type: f.exceptionType!.split(".").pop()!, message: f.message };
    }
  }
  assert.deepEqual(predicted, real.errored);
  for (const t of result.testFiles.filter((x) => x.blockedBy === null)) {
    assert.ok(t.file in real.collected, `${t.file}: remedy says it collects; pytest did not collect it`);
    if (!t.testsLowerBound) assert.equal(t.tests, real.collected[t.file], t.file);
    else assert.ok(t.tests <= real.collected[t.file]!, t.file);
  }

  const roots = result.findings.filter((f) => f.severity === "error" && !f.hidden);
  assert.deepEqual(roots.map((f) => `${f.kind} ${f.name ?? f.module}`).sort(), [
    "circular-import PerformanceMonitor",
    "missing-module services.backend.agents.tool_registry",
    "missing-name ExecutionStatus",
    "missing-name UserExecutionContext",
    "missing-name get_redis_manager",
    "unknown-marker backend",
    "unknown-marker interservice",
    "unknown-marker startup_services",
  ]);
  const hidden = result.findings.filter((f) => f.hidden).map((f) => `${f.file}:${f.line} ${f.name}`);
  assert.deepEqual(hidden, ["tests/integration/test_websocket_core_interplay.py:6 get_settings"]);
  const execStatus = roots.find((f) => f.name === "ExecutionStatus")!;
  assert.equal(execStatus.suggestions[0]!.data?.module, "shared.types.execution");
  const redis = roots.find((f) => f.name === "get_redis_manager")!;
  assert.deepEqual(
    redis.suggestions.map((s) => [s.kind, s.data?.name]),
    [["renamed", "create_redis_manager"]],
  );
  assert.deepEqual(result.collection, {
    testFiles: 12,
    blockedTestFiles: 9,
    tests: 63,
    blockedTests: 43,
    testsLowerBound: true,
  });
});
