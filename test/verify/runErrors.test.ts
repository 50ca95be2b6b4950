// When pytest cannot run at all, runCollection throws a typed error with a message a person can act on:
// no interpreter, pytest missing from it, an interpreter that dies, a collection that hangs past the timeout.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { after, test } from "node:test";
import {
  CollectionRunError,
  CollectionTimeoutError,
  InterpreterCrashError,
  InterpreterNotFoundError,
  PytestNotInstalledError,
  pluginDir,
  runCollection,
} from "../../src/verify/index.ts";
import { readRecords } from "../../src/verify/readRecords.ts";

const FIXTURES = resolve(import.meta.dirname, "../fixtures/verify");
const scratch = mkdtempSync(join(tmpdir(), "remedy-verify-errors-"));
after(() => rmSync(scratch, { recursive: true, force: true }));

test("a missing interpreter is an InterpreterNotFoundError naming it", async () => {
  await assert.rejects(
    runCollection({ python: "/nonexistent/python3.99", cwd: join(FIXTURES, "clean") }),
    (e: unknown) => {
      assert.ok(e instanceof InterpreterNotFoundError && e instanceof CollectionRunError);
      assert.match(e.message, /cannot run Python interpreter '\/nonexistent\/python3\.99' \(ENOENT\)/);
      return true;
    },
  );
});

test("a collection that hangs is stopped at the timeout with a CollectionTimeoutError", async () => {
  const started = Date.now();
  await assert.rejects(
    runCollection({
      cwd: join(FIXTURES, "hang"),
      timeoutMs: 2500,
      env: { ...process.env, PYTEST_DISABLE_PLUGIN_AUTOLOAD: "1" },
    }),
    (e: unknown) => {
      assert.ok(e instanceof CollectionTimeoutError);
      assert.equal(e.message, "pytest --collect-only did not finish within 2500 ms and was stopped");
      return true;
    },
  );
  assert.ok(Date.now() - started < 10_000, "the hung process was killed, not waited for");
});

test("an interpreter without pytest is a PytestNotInstalledError", async () => {
  // A venv without pip and without system site-packages: a real Python that cannot import pytest.
  const venv = join(scratch, "venv");
  const made = spawnSync("python3", ["-m", "venv", "--without-pip", venv], { encoding: "utf8" });
  assert.equal(made.status, 0, made.stderr);
  const python = join(venv, "bin", "python");
  await assert.rejects(runCollection({ python, cwd: join(FIXTURES, "clean") }), (e: unknown) => {
    assert.ok(e instanceof PytestNotInstalledError);
    assert.match(e.message, /^pytest is not installed for '.*venv\/bin\/python' \(.*No module named pytest\)/);
    return true;
  });
});

test("an interpreter that dies from a signal is an InterpreterCrashError", async () => {
  const fake = join(scratch, "crashing-python");
  writeFileSync(fake, "#!/bin/sh\necho 'Fatal Python error: Segmentation fault' >&2\nkill -SEGV $$\n");
  chmodSync(fake, 0o755);
  await assert.rejects(runCollection({ python: fake, cwd: join(FIXTURES, "clean") }), (e: unknown) => {
    assert.ok(e instanceof InterpreterCrashError);
    assert.equal(e.signal, "SIGSEGV");
    assert.match(e.message, /was killed by SIGSEGV while running pytest: Fatal Python error: Segmentation fault$/);
    return true;
  });
});

test("an interpreter exiting with a status pytest never uses is an InterpreterCrashError", async () => {
  const fake = join(scratch, "failing-python");
  writeFileSync(
    fake,
    "#!/bin/sh\necho 'Traceback (most recent call last):' >&2\necho 'SystemError: boom' >&2\nexit 1\n",
  );
  chmodSync(fake, 0o755);
  await assert.rejects(runCollection({ python: fake, cwd: join(FIXTURES, "clean") }), (e: unknown) => {
    assert.ok(e instanceof InterpreterCrashError);
    assert.equal(e.exitCode, 1);
    assert.match(e.message, /exited with status 1 while running pytest: SystemError: boom$/);
    return true;
  });
});

test("the plugin directory is found next to the source module", () => {
  assert.ok(existsSync(join(pluginDir(), "remedy_collect.py")));
});

test("records cut short by a killed run keep everything before the torn line", () => {
  const text = [
    JSON.stringify({ record: "session", rootdir: "/r", configfile: null, args: [] }),
    JSON.stringify({ record: "syspath", sysPath: ["/r"] }),
    JSON.stringify({ record: "file", nodeid: "t.py", path: "/r/t.py", relpath: "t.py", items: ["t.py::a"] }),
    '{"record": "error", "nodeid": "u.p',
  ].join("\n");
  const parts = readRecords(text);
  assert.deepEqual(parts.session?.sysPath, ["/r"]);
  assert.equal(parts.files.length, 1);
  assert.deepEqual(parts.errors, []);
  assert.throws(() => readRecords(`{"record": "fi\n${JSON.stringify({ record: "finish", exitstatus: 0 })}`));
});
