// Fact extraction on worker threads gives exactly the single-thread facts; the facts store trusts an unchanged
// stat stamp, re-hashes a touched file (same content: reused) and re-extracts only a changed one.
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { test } from "node:test";
import { factsWithHash } from "../../src/python/factsOfFile.ts";
import { extractAll } from "../../src/python/factsPool.ts";
import { type EncodedFacts, FactsStore } from "../../src/python/factsStore.ts";
import { prepareFacts } from "../../src/python/prepareFacts.ts";

const STDLIB = "/root/.pyenv/versions/3.11.7/lib/python3.11";

test("worker-thread extraction gives facts identical to the main thread's", async () => {
  // Real, varied sources (read only): 150 stdlib modules, including ones the scanner flags or finds odd.
  const files = readdirSync(STDLIB)
    .filter((f) => f.endsWith(".py"))
    .sort()
    .slice(0, 150)
    .map((f) => join(STDLIB, f));
  files.push(resolve(import.meta.dirname, "../fixtures/cache/basic/shop/models.py"));
  const got = new Map<string, EncodedFacts>();
  const byWorkers = await extractAll(
    files.map((path) => ({ path, stamp: "s" })),
    (path, facts) => got.set(path, facts),
    { workers: 2, mainThread: false },
  );
  assert.equal(byWorkers, files.length, "every file went through a worker thread");
  assert.equal(got.size, files.length);
  const decoder = new TextDecoder();
  for (const path of files) {
    const single = factsWithHash(path);
    const enc = got.get(path);
    assert.ok(enc, path);
    assert.equal(enc.hash, single.hash, path);
    assert.equal(enc.status, single.facts.status, path);
    assert.deepEqual(JSON.parse(decoder.decode(enc.bytes)), single.facts, path);
  }
});

test("facts store: stamp hit, touched-but-same content reused, changed content re-extracted; survives a reload", async () => {
  const dir = mkdtempSync(join(tmpdir(), "remedy-facts-"));
  try {
    cpSync(resolve(import.meta.dirname, "../fixtures/cache/basic"), dir, { recursive: true });
    const a = join(dir, "shop/models.py");
    const b = join(dir, "tests/test_models.py");
    const past = new Date(Date.now() - 60_000);
    for (const f of [a, b]) utimesSync(f, past, past);
    const file = join(dir, ".remedy/facts");
    const first = new FactsStore(file);
    assert.equal(await prepareFacts(first, [a, b]), 2);
    assert.ok(first.save(new Set([a, b])) > 0);
    assert.equal(first.save(new Set([a, b])), 0, "nothing changed: nothing written");

    const second = new FactsStore(file);
    assert.equal(second.discarded, false);
    assert.deepEqual(second.refresh([a, b]), [], "unchanged stamps: nothing to do");
    const older = new Date(Date.now() - 30_000);
    utimesSync(a, older, older);
    assert.deepEqual(second.refresh([a, b]), [], "touched, same bytes: reused after hashing");
    writeFileSync(a, "class Order:\n    pass\n");
    assert.deepEqual(
      second.refresh([a, b]).map((p) => p.path),
      [a],
    );
    assert.deepEqual(
      second.get(b).imports.map((i) => i.module),
      ["shop.models"],
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
