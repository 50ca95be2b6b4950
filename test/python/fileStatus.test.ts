// readFileFacts/extractFacts on files that are not ordinary sources: the status says why and no other facts follow.
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { extractFacts, readFileFacts } from "../../src/python/index.ts";

test("unreadable, too-large, binary and decode-error files become statuses, not exceptions", () => {
  const dir = mkdtempSync(join(tmpdir(), "remedy-facts-"));
  assert.equal(readFileFacts(join(dir, "missing.py")).status, "unreadable");
  assert.equal(readFileFacts(dir).status, "unreadable");
  const big = join(dir, "big.py");
  writeFileSync(big, "x = 1\n".repeat(100));
  const tooLarge = readFileFacts(big, { maxBytes: 10 });
  assert.equal(tooLarge.status, "too-large");
  assert.deepEqual(tooLarge.bindings, []);
  assert.equal(extractFacts(new Uint8Array([0x78, 0, 0x0a]), "b.py").status, "binary");
  const bad = extractFacts(new Uint8Array([0x78, 0x3d, 0xff, 0x0a]), "c.py");
  assert.equal(bad.status, "decode-error");
  assert.ok(bad.problem);
  const ok = readFileFacts(big);
  assert.equal(ok.status, "ok");
  assert.equal(ok.bindings.length, 100);
  assert.equal(ok.path, big);
});
