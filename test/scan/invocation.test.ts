// `python -m pytest` puts the working directory on sys.path, the `pytest` script does not: remedy's --invocation
// must give the verdict of the matching real command on a root-level package that only the first one finds.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { test } from "node:test";
import { scan } from "../../src/index.ts";

const DIR = resolve(import.meta.dirname, "../fixtures/invocation/root-package");
const env = { ...process.env, PYTHONDONTWRITEBYTECODE: "1" };
const ARGS = ["--collect-only", "-q", "-p", "no:cacheprovider"];

function realExitCode(command: string, args: string[]): number | null {
  const r = spawnSync(command, [...args, ...ARGS], { cwd: DIR, env, encoding: "utf8" });
  return r.error ? null : r.status;
}

test("python -m pytest collects a root-level package, the pytest script does not; remedy models both", async () => {
  const viaModule = realExitCode("python3", ["-m", "pytest"]);
  assert.equal(viaModule, 0);
  const moduleScan = await scan(DIR, { cache: false });
  assert.equal(moduleScan.pytestExitCode, 0);
  assert.deepEqual(moduleScan.findings, []);

  const scriptScan = await scan(DIR, { cache: false, invocation: "pytest" });
  assert.equal(scriptScan.pytestExitCode, 2);
  assert.deepEqual(
    scriptScan.findings.map((f) => [f.kind, f.message, f.blocks.testFiles]),
    [["missing-module", "No module named 'app'", ["tests/test_app.py"]]],
  );
  const viaScript = realExitCode("pytest", []);
  if (viaScript === null) return; // no `pytest` script on PATH: the module form above is still checked
  assert.equal(viaScript, 2);
});
