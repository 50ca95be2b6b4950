// Malformed configuration: remedy raises a ConfigError naming the file and line (never a stack trace), exactly
// where the real pytest refuses to start (checked with runCollection on each broken file).
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { ConfigError, pytestView } from "../../src/discover/index.ts";
import { runCollection } from "../../src/verify/index.ts";
import { limit } from "./limit.ts";

const scratch = realpathSync(mkdtempSync(join(tmpdir(), "remedy-config-errors-")));
after(() => rmSync(scratch, { recursive: true, force: true }));

const BROKEN: { name: string; file: string; text: string; line: number | null; pytestLine: RegExp | null }[] = [
  { name: "TOML syntax", file: "pyproject.toml", text: '[tool.pytest.ini_options]\nminversion = "8"\nmarkers = = 1\n', line: 3, pytestLine: /line (\d+)/ },
  { name: "INI continuation before any key", file: "pytest.ini", text: "[pytest]\n  stray\n", line: 2, pytestLine: /pytest\.ini:(\d+)/ },
  { name: "INI line without separator", file: "tox.ini", text: "[pytest]\nnot a pair\n", line: 2, pytestLine: /tox\.ini:(\d+)/ },
  { name: "setup.cfg with a plain [pytest] section", file: "setup.cfg", text: "[metadata]\nname = x\n[pytest]\nk = v\n", line: 3, pytestLine: null },
  {
    name: "both [tool.pytest] and [tool.pytest.ini_options]",
    file: "pyproject.toml",
    text: "[tool.pytest]\nstrict = true\n[tool.pytest.ini_options]\nmarkers = []\nx = 1\n",
    line: null,
    pytestLine: null,
  },
]; // biome-ignore format: a table

const pool = limit(2);
const env = { ...process.env, PYTEST_DISABLE_PLUGIN_AUTOLOAD: "1" };
const runs = BROKEN.map((b, i) => {
  const dir = join(scratch, `${i}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, b.file), b.text);
  writeFileSync(join(dir, "test_a.py"), "def test_a():\n    pass\n");
  const report = pool(() => runCollection({ cwd: dir, env }));
  report.catch(() => {}); // awaited by its test; this only keeps an early failure from being "unhandled"
  return { dir, report };
});

BROKEN.forEach((b, i) => {
  test(`malformed config is a ConfigError with file and line: ${b.name}`, async () => {
    const { dir, report } = runs[i]!;
    await assert.rejects(pytestView(dir, { python: null }), (error: unknown) => {
      assert.ok(error instanceof ConfigError, String(error));
      assert.equal(error.file, join(dir, b.file));
      assert.equal(error.line, b.line);
      assert.ok(!error.message.includes("    at "), "no stack trace in the message");
      return true;
    });
    // pytest refuses it too: a usage error, or (setup.cfg's [pytest]) a failure before its session starts.
    const output = await report.then(
      (r) => {
        assert.notEqual(r.exitCode, 0, "pytest refuses this config too");
        assert.equal(r.files.length, 0, "pytest collected nothing");
        return `${r.stderr}\n${r.stdout}`;
      },
      (error: Error) => error.message,
    );
    if (b.pytestLine) {
      const m = b.pytestLine.exec(output);
      assert.ok(m, `pytest's message names a line: ${output}`);
      assert.equal(Number(m[1]), b.line, "same line as pytest's message");
    }
  });
});
