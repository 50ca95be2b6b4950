// `remedy config PATH --json`: prints the view as JSON (exit 0) and a broken config as one line on stderr (exit 2).
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";

const ROOT = join(import.meta.dirname, "..", "..");
const FIXTURE = join(ROOT, "test", "fixtures", "discover", "pytest-ini");
const scratch = realpathSync(mkdtempSync(join(tmpdir(), "remedy-cli-config-")));
after(() => rmSync(scratch, { recursive: true, force: true }));

function remedy(args: string[]) {
  const script = `import(${JSON.stringify(join(ROOT, "src", "cli", "main.ts"))}).then((m) => m.main(${JSON.stringify(args)}))`;
  return spawnSync(process.execPath, ["--import", "tsx", "-e", script], { cwd: ROOT, encoding: "utf8" });
}

test("remedy config prints rootdir, configfile, strictness, markers, files, conftests and sys.path", () => {
  const run = remedy(["config", FIXTURE, "--json", "--no-python"]);
  assert.equal(run.status, 0, run.stderr);
  const view = JSON.parse(run.stdout);
  assert.equal(view.rootdir, FIXTURE);
  assert.equal(view.configfile, join(FIXTURE, "pytest.ini"));
  assert.equal(view.strictMarkers, false);
  assert.deepEqual(
    view.markers.filter((m: { kind: string }) => m.kind === "config").map((m: { name: string }) => m.name),
    ["slow", "db"],
  );
  assert.ok(view.testFiles.includes(join(FIXTURE, "tests", "test_a.py")));
  for (const key of ["conftests", "initialConftests", "sysPath", "limitations"]) assert.ok(key in view, key);
});

test("pytest's arguments after -- reach the view (-c picks the config file)", () => {
  const fixture = join(ROOT, "test", "fixtures", "discover", "rootdir-options");
  const run = remedy(["config", fixture, "--no-python", "--", "-c", "alt/custom.ini", "tests"]);
  assert.equal(run.status, 0, run.stderr);
  const view = JSON.parse(run.stdout);
  assert.equal(view.configfile, join(fixture, "alt", "custom.ini"));
  assert.deepEqual(view.testFiles, [join(fixture, "tests", "t_b.py")]);
});

test("remedy config exits 2 with file:line on a malformed config", () => {
  writeFileSync(join(scratch, "pytest.ini"), "[pytest]\n  stray\n");
  const run = remedy(["config", scratch, "--no-python"]);
  assert.equal(run.status, 2);
  assert.match(run.stderr, /pytest\.ini:2: unexpected value continuation/);
  assert.doesNotMatch(run.stderr, /\n\s+at /);
});
