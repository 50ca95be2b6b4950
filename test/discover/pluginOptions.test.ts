// Options registered by conftests/plugins in addopts and on the command line: their values are not test paths
// (`--level 3`), and options nobody registers are what pytest rejects as "unrecognized arguments".
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, realpathSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { after, test } from "node:test";
import { pytestView } from "../../src/discover/index.ts";
import { runCollection } from "../../src/verify/index.ts";

const FIXTURE = join(import.meta.dirname, "..", "fixtures", "discover", "plugin-options");
const scratch = realpathSync(mkdtempSync(join(tmpdir(), "remedy-plugin-options-")));
after(() => rmSync(scratch, { recursive: true, force: true }));
const env = { ...process.env, PYTEST_DISABLE_PLUGIN_AUTOLOAD: "1" };
const root = join(scratch, "repo");
cpSync(FIXTURE, root, { recursive: true });

test("values of conftest-registered options in addopts are not paths: the same files as pytest", async () => {
  const [report, view] = await Promise.all([runCollection({ cwd: root, env }), pytestView(root, { env })]);
  const files = report.files.map((f) => relative(root, f.path)).sort();
  assert.deepEqual(files, ["tests/test_a.py"]);
  assert.deepEqual(
    view.testFiles.map((f) => relative(root, f)),
    files,
  );
  assert.deepEqual(view.notFound, []);
  assert.deepEqual(view.unrecognizedOptions, []);
});

test("options nobody registers are the ones pytest calls unrecognized", async () => {
  const args = ["--bogus=1", "-Q", "--level=2"];
  const [report, view] = await Promise.all([runCollection({ cwd: root, env, args }), pytestView(root, { env, args })]);
  const m = /unrecognized arguments: (.*)/.exec(`${report.stderr}\n${report.stdout}`);
  assert.ok(m, report.stderrTail ?? "no usage error");
  assert.deepEqual(view.unrecognizedOptions, m[1]!.trim().split(/\s+/));
});
