// type-checking-import and function-import on three failing cycles: safe under an existing future import, unsafe
// when it must be added or when the import moves into a function; golden files, the re-check, and the real pytest
// collecting all three test files afterwards.
import assert from "node:assert/strict";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { test } from "node:test";
import { checkFixes } from "../../src/scan/index.ts";
import { apply, assertCollectsAll, collect, copyOf, FIXTURES, offered } from "./fixHarness.ts";

test("cycle codemods: golden files, re-check, then pytest collects every test", async () => {
  const { dir, done } = copyOf("cycles");
  try {
    assert.equal(collect(dir).tests, 0);
    const { scan, fixes, unfixed } = await offered(dir);
    assert.deepEqual(unfixed, []);
    assert.deepEqual(
      fixes.map((f) => [f.codemod, f.finding, f.safety]),
      [
        ["type-checking-import", "circular-import:p1/b.py:4:A", "safe"],
        ["function-import", "circular-import:p2/b.py:3:A", "unsafe"],
        ["type-checking-import", "circular-import:p3/b.py:3:A", "unsafe"],
      ],
    );
    const checks = await checkFixes(dir, { cache: false }, fixes, scan);
    for (const c of checks) assert.ok(c.ok, `${c.fix.id}: ${c.reason}`);
    for (const [file, text] of apply(fixes)) {
      const golden = join(FIXTURES, "cycles.expected", relative(dir, file));
      if (process.env.UPDATE_GOLDEN || !existsSync(golden)) {
        mkdirSync(dirname(golden), { recursive: true });
        writeFileSync(golden, text);
      }
      assert.equal(text, readFileSync(golden, "utf8"), file);
    }
    assertCollectsAll(dir, 3);
  } finally {
    done();
  }
});
