// examples/monorepo: every offered fix passes the re-check (checkFixes), and applied together in a temp copy they
// remove their root causes from `remedy scan` while the real pytest collects more tests than before.
import assert from "node:assert/strict";
import { join } from "node:path";
import { test } from "node:test";
import { checkFixes } from "../../src/scan/index.ts";
import { apply, collect, copyOf, offered, scanOf } from "./fixHarness.ts";

const EXAMPLES = join(import.meta.dirname, "..", "..", "examples");

test("examples/monorepo: offered fixes re-check, apply, and pytest collects more", async () => {
  const { dir, done } = copyOf("monorepo", EXAMPLES);
  try {
    const before = collect(dir);
    const { scan, fixes, unfixed } = await offered(dir);
    assert.deepEqual(fixes.map((f) => [f.codemod, f.safety]).sort(), [
      ["register-marker", "safe"],
      ["relocated-import", "safe"],
      ["relocated-import", "unsafe"],
      ["renamed-import", "safe"],
    ]);
    // Listed with a reason, not fixed: the cycle, the deleted module, and two equally close renames.
    assert.ok(unfixed.length > 0);
    for (const u of unfixed) assert.ok(u.reason.length > 0);
    const started = performance.now();
    const checks = await checkFixes(dir, { cache: false }, fixes, scan);
    const ms = performance.now() - started;
    for (const c of checks) assert.ok(c.ok, `${c.fix.id}: ${c.reason}`);
    console.log(`# re-check of ${checks.length} fixes: ${Math.round(ms)} ms (${checks.map((c) => c.ms).join(", ")})`);
    apply(fixes);
    const after = await scanOf(dir);
    const targeted = new Set(fixes.map((f) => f.finding));
    for (const f of after.findings) assert.ok(!targeted.has(f.id), `still reported: ${f.id}`);
    assert.ok(after.findings.every((f) => f.kind !== "unknown-marker"));
    const collected = collect(dir);
    assert.ok(collected.tests > before.tests, `pytest collected ${before.tests} before, ${collected.tests} after`);
    console.log(`# pytest collected ${before.tests} tests before, ${collected.tests} after`);
  } finally {
    done();
  }
});
