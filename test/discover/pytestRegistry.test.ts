// What the installed pytest registers, asked of it (pytestRegistry.ts): ini keys registered through helpers
// (log_cli_level), installed plugins' keys and markers, option arity, the answer cached per interpreter; and
// remedy keeping only the registrations of the plugins a run loads (-p no:NAME, PYTEST_DISABLE_PLUGIN_AUTOLOAD,
// -p NAME), checked against the real pytest of a venv with pytest 9.1.1, pytest-asyncio and pytest-timeout.
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { pytestView } from "../../src/discover/index.ts";
import { pytestRegistry } from "../../src/discover/pytestRegistry.ts";
import { runCollection } from "../../src/verify/index.ts";
import { pytestVenv } from "./pytestVenvs.ts";
import { countingPython, envWithoutCacheDir, python } from "./realPython.ts";

const scratch = realpathSync(mkdtempSync(join(tmpdir(), "remedy-pytest-registry-")));
after(() => rmSync(scratch, { recursive: true, force: true }));
const env = envWithoutCacheDir;

test("the installed pytest names log_cli_level (registered through a helper) and the arity of its options; asked once", async () => {
  const counting = countingPython(scratch);
  const wrapper = counting.executable;
  const cacheDir = join(scratch, "cache");
  const interp = { ...python, executable: wrapper };
  const got = await pytestRegistry(interp, { cacheDir, env, autoload: false });
  assert.ok(got, "pytest could be run");
  const key = (name: string) => got.iniKeys.find((k) => k.name === name);
  assert.equal(key("log_cli_level")?.module, "_pytest.logging");
  assert.equal(key("python_files")?.type, "args");
  assert.deepEqual(key("python_files")?.default, ["test_*.py", "*_test.py"]);
  const option = (name: string) => got.options.find((o) => o.names.includes(name));
  assert.equal(option("--log-cli-level")?.takesValue, true);
  assert.equal(option("--strict-markers")?.takesValue, false);
  assert.ok(got.markers.some((m) => m.text.startsWith("skipif(") && m.module === "_pytest.skipping"));
  assert.deepEqual(await pytestRegistry(interp, { cacheDir, env, autoload: false }), got);
  assert.equal(counting.runs(), 1, "asked once, then cached");
});

test("an interpreter that cannot run pytest gives null", async () => {
  const none = await pytestRegistry(
    { ...python, executable: join(scratch, "no-such-python") },
    { cacheDir: null, env, autoload: true },
  );
  assert.equal(none, null);
});

/** The same config under the ways a run chooses its plugins: remedy's unknown keys must be pytest's. */
const VARIANTS: { name: string; args?: string[]; env?: Record<string, string> }[] = [
  { name: "every installed plugin" },
  { name: "-p no:logging", args: ["-p", "no:logging"] },
  { name: "PYTEST_DISABLE_PLUGIN_AUTOLOAD", env: { PYTEST_DISABLE_PLUGIN_AUTOLOAD: "1" } },
  { name: "PYTEST_DISABLE_PLUGIN_AUTOLOAD with -p asyncio", args: ["-p", "asyncio"], env: { PYTEST_DISABLE_PLUGIN_AUTOLOAD: "1" } },
]; // biome-ignore format: a table

const venv = pytestVenv("pt9", "9.1.1");
for (const v of VARIANTS) {
  test(`unknown config keys with ${v.name} are the real pytest's`, async (t) => {
    const got = await venv;
    if (typeof got === "string") {
      t.skip(`no venv with pytest 9.1.1: ${got}`);
      return;
    }
    const repo = join(scratch, v.name.replace(/\W+/g, "-"));
    mkdirSync(repo, { recursive: true });
    writeFileSync(
      join(repo, "pytest.ini"),
      "[pytest]\nlog_cli_level = INFO\nasyncio_mode = auto\ntimeout = 5\nnobody_registers_this = 1\n",
    );
    writeFileSync(join(repo, "test_a.py"), "def test_a():\n    pass\n");
    const runEnv = { ...env, ...v.env };
    const args = v.args ?? [];
    const [report, view] = await Promise.all([
      runCollection({ python: got.python, cwd: repo, args, env: runEnv }),
      pytestView(repo, { python: got.python, args, env: runEnv }),
    ]);
    const real = report.warnings
      .map((w) => /^Unknown config option: (\S+)/.exec(w.message)?.[1])
      .filter((k) => k !== undefined)
      .sort();
    assert.ok(real.includes("nobody_registers_this"), `pytest ran: ${report.stderrTail}`);
    assert.deepEqual(view.unknownConfigKeys?.map((k) => k.name).sort(), real);
  });
}
