// Which error pytest reports when a test module has both an unregistered marker (strict) and a failing import:
// the statement that runs first. Checked against the real pytest on test/fixtures/analyze/marker-before-import.
import assert from "node:assert/strict";
import { resolve } from "node:path";
import { test } from "node:test";
import { scan } from "../../src/scan/scan.ts";
import { runCollection, summarize } from "../../src/verify/index.ts";

const FIXTURE = resolve(import.meta.dirname, "../fixtures/analyze/marker-before-import");

test("marker error vs import failure: pytest reports the statement that runs first, as remedy predicts", async () => {
  const [result, report] = await Promise.all([scan(FIXTURE, { cache: false }), runCollection({ cwd: FIXTURE })]);
  const predicted: Record<string, { type: string; message: string }> = {};
  for (const f of result.findings.filter((x) => !x.hidden && x.severity === "error")) {
    for (const t of f.blocks.testFiles) predicted[t] = { type: f.exceptionType!, message: f.message };
  }
  assert.deepEqual(predicted, summarize(report).errored);
  assert.deepEqual(predicted, {
    "tests/test_class_marker.py": { type: "Failed", message: "'nightly' not found in `markers` configuration option" },
    "tests/test_import_first.py": { type: "ModuleNotFoundError", message: "No module named 'missing_before_marker'" },
    "tests/test_marker_first.py": { type: "Failed", message: "'nightly' not found in `markers` configuration option" },
  });
  const marker = result.findings.find((f) => f.kind === "unknown-marker")!;
  assert.deepEqual(marker.hiddenIn, ["tests/test_import_first.py"]);
});
