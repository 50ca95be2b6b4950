// Compares remedy's pytestView with the real pytest (runCollection: `python3 -m pytest --collect-only` with the
// remedy_collect plugin) on every fixture repo under test/fixtures/discover: rootdir, configfile, the set of
// collected test files and the markers registered at start-up (what `pytest --markers` lists).
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { cpSync, mkdtempSync, realpathSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { after, test } from "node:test";
import { markerName, pytestView } from "../../src/discover/index.ts";
import { runCollection } from "../../src/verify/index.ts";
import { limit } from "./limit.ts";

const FIXTURES = join(import.meta.dirname, "..", "fixtures", "discover");
const scratch = realpathSync(mkdtempSync(join(tmpdir(), "remedy-discover-")));
after(() => rmSync(scratch, { recursive: true, force: true }));

interface Case {
  name: string;
  /** Invocation directory inside the case. */
  cwd?: string;
  args?: string[];
  /** Load installed plugins (pytest11 entry points). Off elsewhere: importing hypothesis costs a second per run. */
  autoload?: boolean;
}

const CASES: Case[] = [
  { name: "pytest-ini", autoload: true },
  { name: "dot-pytest-ini" },
  { name: "pyproject-ini-options" },
  { name: "pyproject-ini-options", cwd: "tests" },
  { name: "pyproject-native" },
  { name: "tox-ini" },
  { name: "setup-cfg" },
  { name: "nested-config", args: ["sub"] },
  { name: "nested-config" },
  { name: "venv-dir" },
  { name: "collect-ignore" },
  { name: "rootdir-options" },
  { name: "rootdir-options", args: ["--rootdir=elsewhere", "tests"] },
  { name: "rootdir-options", args: ["-c", "alt/custom.ini", "tests"] },
  { name: "setup-py", cwd: "pkg/tests" },
  { name: "testpaths-glob" },
  { name: "addopts" },
  { name: "pyproject-bare", args: ["src"] },
  { name: "conftest-plugins" },
  { name: "paths-and-ignores" },
  { name: "pytest-toml" },
  { name: "pytest-ini", args: ["tests/test_a.py::test_ok", "tests/sub"] },
];

function copyCase(name: string, index: number): string {
  const dest = join(scratch, `${index}`, name);
  cpSync(join(FIXTURES, name), dest, { recursive: true });
  return dest;
}

// Every pytest run starts at once (two at a time); each test then awaits its own.
const pool = limit(2);
const runs = CASES.map((c, index) => {
  const root = copyCase(c.name, index);
  const cwd = join(root, c.cwd ?? "");
  const args = c.args ?? [];
  const env = c.autoload ? process.env : { ...process.env, PYTEST_DISABLE_PLUGIN_AUTOLOAD: "1" };
  const report = pool(() => runCollection({ cwd, args, env }));
  report.catch(() => {}); // awaited by its test; this only keeps an early failure from being "unhandled"
  return { root, cwd, args, env, report };
});

CASES.forEach((c, index) => {
  const label = `${c.name}${c.cwd ? ` (from ${c.cwd})` : ""}${c.args ? ` ${c.args.join(" ")}` : ""}`;
  test(`pytestView agrees with pytest: ${label}`, async () => {
    const { root, cwd, args, env } = runs[index]!;
    const [report, view] = await Promise.all([runs[index]!.report, pytestView(cwd, { args, env })]);
    assert.ok(report.session, `pytest did not start: ${report.stderrTail}`);
    const rel = (p: string | null) => (p === null ? null : relative(root, p) || ".");

    assert.equal(rel(view.rootdir), rel(report.session.rootdir), "rootdir");
    assert.equal(rel(view.configfile), rel(report.session.configfile), "configfile");

    const pytestFiles = [...report.files.map((f) => f.path), ...report.errors.map((e) => e.path ?? "")]
      .filter((p) => p.endsWith(".py") && !p.endsWith("conftest.py"))
      .map(rel)
      .sort();
    assert.deepEqual(view.testFiles.map(rel).sort(), pytestFiles, "collected test files");
    const collectedInOrder = report.files.map((f) => rel(f.path));
    assert.deepEqual(
      view.testFiles.map(rel).filter((f) => collectedInOrder.includes(f)),
      collectedInOrder,
      "collection order",
    );

    const pytestMarkers = [...new Set((report.markers.configured ?? []).map(markerName))].sort();
    const ours = [...new Set(view.markers.filter((m) => m.atStartup).map((m) => m.name))].sort();
    assert.deepEqual(ours, pytestMarkers, "markers registered at start-up");

    const unknownKeys = report.warnings
      .map((w) => /^Unknown config option: (\S+)/.exec(w.message)?.[1])
      .filter((k) => k !== undefined)
      .sort();
    assert.deepEqual(view.unknownConfigKeys?.map((k) => k.name).sort(), unknownKeys, "unknown config keys");
  });
});

test("`pytest --markers` lists exactly the markers remedy registers at start-up (builtin, config, conftest, plugins)", async () => {
  const root = copyCase("collect-ignore", CASES.length);
  const out = await pool(
    () =>
      new Promise<string>((resolve, reject) => {
        execFile(
          "python3",
          ["-m", "pytest", "--markers", "-p", "no:cacheprovider"],
          { cwd: root, env: { ...process.env, PYTHONDONTWRITEBYTECODE: "1" } },
          (error, stdout) => (error ? reject(error) : resolve(stdout)),
        );
      }),
  );
  const listed = [...out.matchAll(/^@pytest\.mark\.([\w]+)/gm)].map((m) => m[1]).sort();
  const view = await pytestView(root, { args: ["-p", "no:cacheprovider"] });
  const ours = [...new Set(view.markers.filter((m) => m.atStartup).map((m) => m.name))].sort();
  assert.deepEqual(ours, [...new Set(listed)]);
  assert.ok(ours.includes("fromconftest") && ours.includes("skipif"));
});
