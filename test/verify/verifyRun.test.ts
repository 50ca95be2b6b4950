// remedy verify --run and its errors: the tests' counts read from pytest's JUnit XML, -n passed to pytest-xdist
// only where it is installed, and a clear typed error for a missing interpreter, a timeout, a crashing pytest and
// a baseline that is not a scan. Also the pure pieces: the JUnit reader and the shard slices.
import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { after, test } from "node:test";
import { verifyText } from "../../src/report/index.ts";
import { BaselineFileError, verifyRepository } from "../../src/scan/index.ts";
import {
  CollectionTimeoutError,
  InterpreterNotFoundError,
  PytestCrashError,
  parseShard,
  readJUnit,
  runTests,
  ShardSpecError,
  shardFiles,
  XdistMissingError,
} from "../../src/verify/index.ts";

const FIXTURES = resolve(import.meta.dirname, "../fixtures/verify");
const RUN_COUNTS = join(FIXTURES, "run_counts");
/** A pytest 9 venv of the corpus that has pytest-xdist. */
const WITH_XDIST = "/work/corpus/venv/alembic-pt9/bin/python";
const scratch = mkdtempSync(join(tmpdir(), "remedy-verify-run-"));
after(() => rmSync(scratch, { recursive: true, force: true }));

test("--run counts 2 passed, 1 failed, 1 skipped from the JUnit XML", async () => {
  const r = await verifyRepository(RUN_COUNTS, { run: true, cache: false });
  assert.deepEqual(r.run!.counts, { tests: 4, passed: 2, failed: 1, skipped: 1, errors: 0 });
  assert.equal(r.run!.exitCode, 1);
  assert.deepEqual(
    r.run!.problems.map((p) => [p.classname, p.name, p.outcome, p.message]),
    [["tests.test_arith", "test_subtracts_wrongly", "failed", "AssertionError: 3 - 1 <is not> 1\nassert (3 - 1) == 1"]],
  );
  assert.match(r.run!.summary ?? "", /^1 failed, 2 passed, 1 skipped in [\d.]+s$/);
  assert.equal(r.run!.workers, null);
  assert.equal(r.collection.tests, 4);
  assert.deepEqual(r.prediction.counts, {
    compared: 2,
    pytestErrors: 0,
    predictedErrors: 0,
    agreed: 0,
    missed: 0,
    unexpected: 0,
  });
  const text = verifyText(r);
  assert.match(text, /^tests: 2 passed, 1 failed, 1 skipped, 0 errors of 4 \(exit 1\)$/m);
  assert.match(text, /^ {2}F tests\.test_arith::test_subtracts_wrongly {2}AssertionError: 3 - 1 <is not> 1$/m);
  assert.ok(!existsSync(join(RUN_COUNTS, ".pytest_cache")), "the run leaves no cache in the repository");
});

test("--run with --shard runs only the shard's files", async () => {
  const r = await verifyRepository(RUN_COUNTS, { run: true, shard: "2/2", cache: false });
  assert.deepEqual(r.shard!.files, ["tests/test_strings.py"]);
  assert.deepEqual(r.run!.counts, { tests: 2, passed: 1, failed: 0, skipped: 1, errors: 0 });
  assert.equal(r.run!.exitCode, 0);
});

test("an empty shard runs nothing and says so", async () => {
  const r = await verifyRepository(RUN_COUNTS, { run: true, shard: "3/3", cache: false });
  assert.deepEqual(r.shard!.files, []);
  assert.equal(r.run, null);
  assert.equal(r.collection.tests, 0);
  assert.match(r.notes.join("\n"), /shard 3\/3 has no test files: nothing was run/);
});

test("-n without pytest-xdist installed is an XdistMissingError", async () => {
  await assert.rejects(runTests({ cwd: RUN_COUNTS, workers: "2" }), (e: unknown) => {
    assert.ok(e instanceof XdistMissingError);
    assert.equal(
      e.message,
      "-n 2 needs pytest-xdist, which is not installed for 'python3': install it there (pip install pytest-xdist) or leave -n out",
    );
    return true;
  });
});

test("-n passes through to pytest-xdist where it is installed", { skip: !existsSync(WITH_XDIST) }, async () => {
  const r = await verifyRepository(RUN_COUNTS, { python: WITH_XDIST, run: true, workers: "2", cache: false });
  assert.deepEqual(r.run!.counts, { tests: 4, passed: 2, failed: 1, skipped: 1, errors: 0 });
  assert.equal(r.run!.workers, "2");
  assert.ok(r.run!.args.includes("-n"));
  assert.match(verifyText(r), /\(exit 1, -n 2\)$/m);
});

test("a missing interpreter is an InterpreterNotFoundError before any scan", async () => {
  await assert.rejects(
    verifyRepository(RUN_COUNTS, { python: "/nonexistent/python3.99", cache: false }),
    (e: unknown) => {
      assert.ok(e instanceof InterpreterNotFoundError);
      assert.match(e.message, /cannot run Python interpreter '\/nonexistent\/python3\.99' \(ENOENT\)/);
      return true;
    },
  );
});

test("a collection that hangs past --timeout is a CollectionTimeoutError", async () => {
  await assert.rejects(
    verifyRepository(join(FIXTURES, "hang"), {
      timeoutMs: 2500,
      cache: false,
      env: { ...process.env, PYTEST_DISABLE_PLUGIN_AUTOLOAD: "1" },
    }),
    (e: unknown) => {
      assert.ok(e instanceof CollectionTimeoutError);
      assert.equal(e.message, "pytest --collect-only did not finish within 2500 ms and was stopped");
      return true;
    },
  );
});

test("a test run that hangs is stopped at the timeout", async () => {
  const dir = join(scratch, "slow");
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "test_slow.py"), "import time\n\ndef test_sleeps():\n    time.sleep(60)\n");
  await assert.rejects(runTests({ cwd: dir, timeoutMs: 3000 }), (e: unknown) => {
    assert.ok(e instanceof CollectionTimeoutError);
    assert.equal(e.message, "pytest (running the tests) did not finish within 3000 ms and was stopped");
    return true;
  });
});

test("pytest failing to run the tests is a PytestCrashError with its exit code and last lines", async () => {
  await assert.rejects(runTests({ cwd: RUN_COUNTS, args: ["--no-such-option"] }), (e: unknown) => {
    assert.ok(e instanceof PytestCrashError);
    assert.equal(e.exitCode, 4);
    assert.match(e.message, /^pytest \(run by 'python3'\) stopped with a usage error \(exit 4\):\n/);
    assert.match(e.message, /unrecognized arguments: --no-such-option/);
    return true;
  });
});

test("a baseline file that is not a scan result is a BaselineFileError", async () => {
  const file = join(scratch, "baseline.json");
  writeFileSync(file, JSON.stringify({ hello: "world" }));
  await assert.rejects(verifyRepository(RUN_COUNTS, { baselineFile: file, cache: false }), (e: unknown) => {
    assert.ok(e instanceof BaselineFileError);
    assert.match(e.message, /it is not a remedy scan result \(write one with `remedy scan --json > FILE`\)$/);
    return true;
  });
});

test("the JUnit reader counts outcomes, an error beating a failure, and decodes entities", () => {
  const xml = `<?xml version="1.0" encoding="utf-8"?><testsuites name="pytest tests"><testsuite name="pytest" errors="2" failures="1" skipped="1" tests="5">
<testcase classname="t" name="ok" time="0.001" /><testcase classname="t" name="bad" time="0"><failure message="assert &lt;a &amp; b&gt;&#10;x">E   assert</failure></testcase>
<testcase classname="t" name="skip"><skipped type="pytest.skip" message="not now">t.py:5: not now</skipped></testcase>
<testcase classname="t" name="both"><failure message="f">x</failure><error message="failed on teardown with &quot;E&quot;">y</error></testcase>
<testcase classname="" name="t"><error message="collection failure">ImportError</error></testcase></testsuite></testsuites>`;
  const r = readJUnit(xml);
  assert.deepEqual(r.counts, { tests: 5, passed: 1, failed: 1, skipped: 1, errors: 2 });
  assert.equal(r.cases[1]!.message, "assert <a & b>\nx");
  assert.equal(r.cases[3]!.message, 'failed on teardown with "E"');
});

test("shards: sorted files, every N-th from K; K/N checked", () => {
  const files = ["d.py", "a.py", "c.py", "b.py", "e.py"];
  assert.deepEqual(shardFiles(files, parseShard("1/2")), ["a.py", "c.py", "e.py"]);
  assert.deepEqual(shardFiles(files, parseShard(" 2 / 2 ")), ["b.py", "d.py"]);
  for (const bad of ["0/2", "3/2", "1/0", "a/b", "1"]) assert.throws(() => parseShard(bad), ShardSpecError);
});
