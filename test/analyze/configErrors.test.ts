// Configuration (and a pytest_plugins module) that stops pytest before it collects: remedy's message and exit code
// against the real pytest's (its last stderr line) on test/fixtures/analyze/config-* and conftest-plugin-startup.
import assert from "node:assert/strict";
import { resolve } from "node:path";
import { test } from "node:test";
import { scan } from "../../src/scan/scan.ts";
import { InterpreterCrashError, runCollection } from "../../src/verify/index.ts";

const FIXTURES = resolve(import.meta.dirname, "../fixtures/analyze");

/** pytest's exit code and last stderr line; a plugin import error crashes pytest (exit 1), which verify raises. */
async function pytestSays(cwd: string): Promise<{ exitCode: number; line: string }> {
  try {
    const r = await runCollection({ cwd });
    return { exitCode: r.exitCode, line: r.stderrTail ?? "" };
  } catch (error) {
    if (!(error instanceof InterpreterCrashError)) throw error;
    return { exitCode: error.exitCode ?? -1, line: error.stderrTail ?? "" };
  }
}

const CASES: [string, string][] = [
  ["config-required-plugins", "ERROR: "],
  ["config-plugin-missing", "ImportError: "],
  ["config-unknown-addopts", "__main__.py: error: "],
];

for (const [name, prefix] of CASES) {
  test(`config error before collection agrees with pytest: ${name}`, async () => {
    const cwd = resolve(FIXTURES, name);
    const [result, real] = await Promise.all([scan(cwd, { cache: false }), pytestSays(cwd)]);
    const errors = result.findings.filter((f) => f.kind === "config-error" && !f.hidden);
    assert.equal(errors.length, 1);
    assert.equal(`${prefix}${errors[0]!.message}`, real.line);
    assert.equal(result.pytestExitCode, real.exitCode);
    assert.deepEqual(errors[0]!.blocks.testFiles, ["tests/test_one.py"]);
  });
}

test("a module in the root conftest's pytest_plugins fails: pytest crashes importing the plugin, as remedy says", async () => {
  const cwd = resolve(FIXTURES, "conftest-plugin-startup");
  const [result, real] = await Promise.all([scan(cwd, { cache: false }), pytestSays(cwd)]);
  const errors = result.findings.filter((f) => f.severity === "error" && !f.hidden);
  assert.equal(errors.length, 1);
  assert.equal(errors[0]!.kind, "conftest-error");
  assert.equal(`${errors[0]!.exceptionType}: ${errors[0]!.message}`, real.line);
  assert.equal(result.pytestExitCode, real.exitCode);
});
