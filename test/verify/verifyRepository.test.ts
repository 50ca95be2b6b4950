// remedy verify on copies of the example monorepo with the real pytest: its 9 collection errors all predicted, a
// root cause fixed by hand listed as resolved against the last scan, the same under pytest 8, and --shard K/N
// slices that cover every test file exactly once.
import assert from "node:assert/strict";
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { after, test } from "node:test";
import { verifyText } from "../../src/report/index.ts";
import { verifyRepository } from "../../src/scan/index.ts";

const EXAMPLE = resolve(import.meta.dirname, "../../examples/monorepo");
const PYTEST8 = "/work/corpus/venv/pluggy-pt8/bin/python";
const scratch = mkdtempSync(join(tmpdir(), "remedy-verify-repo-"));
after(() => rmSync(scratch, { recursive: true, force: true }));

function copyExample(name: string): string {
  const dir = join(scratch, name);
  cpSync(EXAMPLE, dir, { recursive: true, filter: (src) => !src.includes(".remedy") && !src.includes("__pycache__") });
  return dir;
}

const MARKERS = ["backend", "interservice", "startup_services"];

test("verify agrees with pytest 9 on the example's 9 errors, then lists the markers fixed by hand as resolved", async () => {
  const repo = copyExample("fix-markers");
  const first = await verifyRepository(repo);
  assert.equal(first.pytestVersion?.split(".")[0], "9");
  assert.equal(first.collection.exitCode, 2);
  assert.equal(first.collection.predictedExitCode, 2);
  assert.deepEqual(first.prediction.counts, {
    compared: 12,
    pytestErrors: 9,
    predictedErrors: 9,
    agreed: 9,
    missed: 0,
    unexpected: 0,
  });
  assert.ok(first.prediction.agreed.every((a) => a.findingId !== null));
  assert.equal(first.baseline, null, "no scan before the first verify");
  assert.match(first.notes.join("\n"), /no baseline/);
  assert.ok(existsSync(join(repo, ".remedy", "scan.json")), "verify's scan is the next baseline");

  // The fix: register the three markers the tests use.
  const ini = join(repo, "pytest.ini");
  writeFileSync(
    ini,
    `${readFileSync(ini, "utf8").trimEnd()}\n${MARKERS.map((m) => `    ${m}: registered by the fix`).join("\n")}\n`,
  );
  const second = await verifyRepository(repo);
  const causes = second.baseline!.causes;
  assert.equal(second.baseline!.source, "last-scan");
  const resolvedFiles = causes.resolved.flatMap((c) => c.files.map((f) => [f.file, f.now]));
  assert.deepEqual(resolvedFiles.sort(), [
    ["tests/integration/test_backend_health.py", "collects"],
    ["tests/integration/test_interservice_auth_flow.py", "collects"],
    ["tests/integration/test_startup_sequence.py", "collects"],
  ]);
  assert.deepEqual(
    causes.resolved.map((c) => c.error.message).sort(),
    MARKERS.map((m) => `'${m}' not found in \`markers\` configuration option`),
  );
  assert.equal(causes.counts.remaining + causes.counts.resolved, causes.counts.baseline);
  assert.ok(causes.remaining.every((c) => c.files.every((f) => f.now === "same-error")));
  assert.equal(causes.remaining.flatMap((c) => c.files).length, 6, "the 6 import errors remain");
  assert.deepEqual(causes.new, []);
  assert.equal(second.collection.errors, 6);
  assert.ok(second.collection.tests > second.baseline!.tests, "pytest collects more tests than before the fix");
  assert.equal(second.prediction.counts.agreed, 6);
  assert.equal(second.prediction.counts.missed + second.prediction.counts.unexpected, 0);

  const text = verifyText(second);
  assert.match(text, /^prediction: 6 of 6 pytest errors predicted; 0 missed, 0 unexpected$/m);
  assert.match(
    text,
    /^baseline \(last scan\): 3 of \d+ root causes resolved, \d+ remaining, 0 new errors; tests 20 then, \d+ now$/m,
  );
  assert.match(text, /^ {2}✓ tests\/integration\/test_backend_health\.py:9 {2}Failed: 'backend' not found/m);
  assert.deepEqual(JSON.parse(JSON.stringify(second)), second, "the result is plain JSON data");
});

test("verify works the same under pytest 8 (a pytest 8.4.2 venv)", { skip: !existsSync(PYTEST8) }, async () => {
  const repo = copyExample("pytest8");
  const r = await verifyRepository(repo, { python: PYTEST8, cache: false });
  assert.equal(r.pytestVersion, "8.4.2");
  assert.equal(r.prediction.counts.pytestErrors, 9);
  assert.equal(r.prediction.counts.agreed, 9);
  assert.deepEqual([r.prediction.missed, r.prediction.unexpected], [[], []]);
});

test("--shard 1/2 and 2/2 give pytest every test file exactly once", async () => {
  const repo = copyExample("shards");
  const one = await verifyRepository(repo, { shard: "1/2", cache: false });
  const two = await verifyRepository(repo, { shard: { index: 2, count: 2 }, cache: false });
  const files = [...one.shard!.files, ...two.shard!.files];
  assert.equal(files.length, 12);
  assert.equal(new Set(files).size, 12);
  assert.deepEqual(one.shard!.files, [...one.shard!.files].sort());
  // What pytest collected or reported in each shard is exactly that shard's files.
  for (const r of [one, two]) {
    const seen = [...r.prediction.agreed.map((a) => a.file), ...r.prediction.missed.map((a) => a.file)];
    assert.equal(r.collection.files + r.collection.errors, r.shard!.files.length);
    assert.ok(seen.every((f) => r.shard!.files.includes(f)));
    assert.equal(r.prediction.counts.compared, r.shard!.files.length);
  }
  assert.equal(one.collection.errors + two.collection.errors, 9);
  assert.equal(one.prediction.counts.agreed + two.prediction.counts.agreed, 9);
  assert.equal(one.collection.tests + two.collection.tests, 20);
});
