// The interpreter probe: what it reports matches the interpreter itself, it runs once per interpreter state
// (cached by path, realpath+mtime and PYTHONPATH), and without an interpreter the view says what it lacks.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, realpathSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { InterpreterError, inspectInterpreter, pytestView } from "../../src/discover/index.ts";

const scratch = realpathSync(mkdtempSync(join(tmpdir(), "remedy-interp-")));
after(() => rmSync(scratch, { recursive: true, force: true }));
const env = { ...process.env, REMEDY_CACHE_DIR: join(scratch, "cache") };
const FIXTURE = join(import.meta.dirname, "..", "fixtures", "discover", "pytest-ini");

// A wrapper interpreter that counts how often it is run.
const counter = join(scratch, "count");
const wrapper = join(scratch, "python-wrapper");
writeFileSync(counter, "");
writeFileSync(wrapper, `#!/bin/sh\necho x >> ${counter}\nexec python3 "$@"\n`);
chmodSync(wrapper, 0o755);
const runs = () => readFileSync(counter, "utf8").split("\n").filter(Boolean).length;

test("the probe reports the interpreter's own sys.path, version and pytest", async () => {
  const info = await inspectInterpreter("python3", scratch, env);
  const real = JSON.parse(
    execFileSync(
      "python3",
      ["-c", "import sys, json, pytest; print(json.dumps([sys.path, sys.prefix, pytest.__version__]))"],
      {
        encoding: "utf8",
      },
    ),
  );
  assert.deepEqual(
    info.sysPath,
    real[0].filter((p: string) => p !== ""),
  );
  assert.equal(info.prefix, real[1]);
  assert.equal(info.distributions.find((d) => d.name.toLowerCase() === "pytest")?.version, real[2]);
  assert.ok(info.pytestDir?.endsWith("_pytest"));
});

test("the interpreter is asked once; a changed interpreter (mtime) is asked again", async () => {
  const before = runs();
  await inspectInterpreter(wrapper, scratch, env);
  await inspectInterpreter(wrapper, scratch, env);
  assert.equal(runs() - before, 1);
  utimesSync(wrapper, new Date(), new Date(Date.now() + 5000));
  await inspectInterpreter(wrapper, scratch, env);
  assert.equal(runs() - before, 2);
});

test("PYTHONPATH is passed on and shows in sys.path", async () => {
  const extra = join(scratch, "extra");
  const info = await inspectInterpreter("python3", scratch, { ...env, PYTHONPATH: extra });
  assert.equal(info.sysPath[0], extra);
});

test("an interpreter that does not exist is a user error", async () => {
  await assert.rejects(inspectInterpreter(join(scratch, "no-such-python"), scratch), InterpreterError);
});

test("without an interpreter the view still decides rootdir and files, and lists what it could not know", async () => {
  const view = await pytestView(FIXTURE, { python: null, env });
  assert.equal(view.interpreter, null);
  assert.equal(view.configfile, join(FIXTURE, "pytest.ini"));
  assert.ok(view.testFiles.length > 0);
  assert.ok(view.limitations.some((l) => l.includes("no interpreter")));
  assert.ok(!view.markers.some((m) => m.kind === "plugin"));
  // pytest's own markers are still known (assumed), and -p no:warnings in addopts still removes filterwarnings.
  const builtin = view.markers.filter((m) => m.kind === "builtin").map((m) => m.name);
  assert.ok(builtin.includes("parametrize") && builtin.includes("skipif"));
  assert.ok(!builtin.includes("filterwarnings"));
  assert.equal(view.registryComplete, false);
});
