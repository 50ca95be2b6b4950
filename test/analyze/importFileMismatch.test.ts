// The import-file-mismatch finding says which of pytest's two causes it is: two test files under one module
// name, or a test module that rebinds `__file__` (then it points at the rebinding import).
import assert from "node:assert/strict";
import { resolve } from "node:path";
import { test } from "node:test";
import { scan } from "../../src/scan/scan.ts";

const ROOT = resolve(import.meta.dirname, "../..");

test("a test module rebinding __file__: the finding points at the import and says why pytest objects", async () => {
  const r = await scan(resolve(ROOT, "test/fixtures/agreement/test-module-rebinds-file"), { cache: false });
  const found = r.findings.filter((f) => f.kind === "import-file-mismatch");
  assert.equal(found.length, 1);
  const f = found[0]!;
  assert.equal(f.file, "tests/test_rebind.py");
  assert.equal(f.line, 1);
  assert.match(f.suggestions[0]!.message, /^tests\/test_rebind\.py:1 rebinds `__file__` to app\/mod\.py's/);
  assert.deepEqual(f.blocks.testFiles, ["tests/test_rebind.py"]);
});
