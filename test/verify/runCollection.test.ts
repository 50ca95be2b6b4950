// The oracle runner on real pytest: each fixture under test/fixtures/verify is collected by python3's pytest and
// the report is compared with what pytest really printed. Every run must leave its fixture byte-for-byte untouched.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { test } from "node:test";
import { type CollectionReport, runCollection, summarize } from "../../src/verify/index.ts";

const FIXTURES = resolve(import.meta.dirname, "../fixtures/verify");

/** Every path under `dir` with its size and mtime: any file pytest writes (cache, bytecode) changes this. */
function snapshot(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      const st = statSync(p);
      out.push(`${p} ${st.isDirectory() ? "dir" : `${st.size} ${st.mtimeMs}`}`);
      if (st.isDirectory()) walk(p);
    }
  };
  walk(dir);
  return out;
}

/** Installed plugins (hypothesis, pytest-benchmark here) triple pytest's start-up time and play no part in these
 *  fixtures, so most runs skip them; the clean-repository test keeps them, as a user's run would. */
const NO_AUTOLOAD = { ...process.env, PYTEST_DISABLE_PLUGIN_AUTOLOAD: "1" };

async function collect(
  fixture: string,
  args: string[] = [],
  env: NodeJS.ProcessEnv = NO_AUTOLOAD,
): Promise<CollectionReport> {
  const cwd = join(FIXTURES, fixture);
  const before = snapshot(cwd);
  const report = await runCollection({ cwd, args, env });
  assert.deepEqual(snapshot(cwd), before, `running pytest changed files under ${fixture}`);
  return report;
}

test("clean repository: every file's items counted, parametrize expanded, session recorded", async () => {
  // Installed plugins load here: pytest-benchmark's storage directory must not appear in the fixture either.
  const r = await collect("clean", [], process.env);
  assert.equal(r.exitCode, 0);
  assert.deepEqual(summarize(r), {
    collected: { "tests/test_core.py": 6, "tests/test_empty.py": 0, "tests/test_other.py": 8 },
    errored: {},
  });
  const core = r.files.find((f) => f.relpath === "tests/test_core.py")!;
  assert.deepEqual(core.items, [
    "tests/test_core.py::test_add",
    "tests/test_core.py::test_param[1-2]",
    "tests/test_core.py::test_param[3-4]",
    "tests/test_core.py::test_param[5-6]",
    "tests/test_core.py::TestThing::test_one",
    "tests/test_core.py::TestThing::test_two",
  ]);
  assert.equal(core.path, join(FIXTURES, "clean/tests/test_core.py"));
  assert.deepEqual(r.errors, []);
  assert.equal(r.conftestError, null);
  const s = r.session!;
  assert.equal(s.rootdir, join(FIXTURES, "clean"));
  assert.equal(s.configfile, join(FIXTURES, "clean/pyproject.toml"));
  assert.match(s.pytestVersion, /^\d+\.\d+/);
  assert.equal(s.sysPath![0], join(FIXTURES, "clean"), "python -m puts the cwd first");
  assert.ok(!s.sysPath!.some((p) => p.includes("src/verify/plugin")), "remedy's plugin dir is hidden from sys.path");
  assert.ok(r.markers.configured!.includes("slow: a slow test"));
});

test("markers after configure are exactly what `pytest --markers` lists", async () => {
  const r = await collect("strict_markers");
  // A copy, because a plain pytest run may write into the directory (cache, plugins' storage).
  const copy = mkdtempSync(join(tmpdir(), "remedy-markers-"));
  try {
    cpSync(join(FIXTURES, "strict_markers"), copy, { recursive: true });
    const shown = spawnSync("python3", ["-m", "pytest", "--markers"], {
      cwd: copy,
      encoding: "utf8",
      env: NO_AUTOLOAD,
    });
    const listed = shown.stdout.split("\n").filter((l) => l.startsWith("@pytest.mark."));
    // pytest --markers prints `@pytest.mark.<line>` for each line of getini("markers").
    assert.deepEqual(
      r.markers.configured!.map((l) => `@pytest.mark.${l}`.trimEnd()),
      listed.map((l) => l.trimEnd()),
    );
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
  assert.ok(r.markers.configured!.includes("integration: registered by conftest"));
  assert.deepEqual(r.markers.final, r.markers.configured);
  // Without strict mode the unknown marker is only a warning, and the report keeps it.
  assert.equal(r.exitCode, 0);
  const w = r.warnings.find((x) => x.category === "PytestUnknownMarkWarning")!;
  assert.match(w.message, /^Unknown pytest\.mark\.flaky/);
  assert.equal(w.line, 10);
});

test("--strict-markers through addopts: applied by pytest 8, ignored by pytest 9.0.0-9.0.3", async () => {
  const r = await collect("strict_markers_addopts");
  const [major, minor, patch] = r.session!.pytestVersion.split(".").map((n) => Number.parseInt(n, 10));
  if (major === 8) assert.equal(r.exitCode, 2);
  // pytest-dev/pytest#14442: the addopts copy of the flag never reaches getini("strict_markers").
  else if (major === 9 && minor === 0 && patch! <= 3) {
    assert.equal(r.exitCode, 0);
    assert.deepEqual(r.errors, []);
  }
});

test("a missing name in a test file's import is one ImportError; the other files still collect", async () => {
  const r = await collect("missing_name");
  assert.equal(r.exitCode, 2);
  const core = join(FIXTURES, "missing_name/app/core.py");
  assert.deepEqual(summarize(r), {
    collected: { "tests/test_ok.py": 1 },
    errored: {
      "tests/test_broken.py": {
        type: "ImportError",
        message: `cannot import name 'Missing' from 'app.core' (${core})`,
      },
    },
  });
  const e = r.errors[0]!;
  assert.equal(e.nodeid, "tests/test_broken.py");
  assert.equal(e.collector, "Module");
  assert.equal(e.exceptionLine, `ImportError: cannot import name 'Missing' from 'app.core' (${core})`);
  assert.equal(e.printedLine, e.exceptionLine, "pytest prints the unwrapped exception's line last");
  assert.match(e.longrepr, /^ImportError while importing test module/);
  assert.deepEqual(e.frames, [
    {
      file: join(FIXTURES, "missing_name/tests/test_broken.py"),
      line: 1,
      function: "<module>",
      source: "from app.core import Missing",
    },
  ]);
});

test("a circular import: partially initialized module, with the frames of the cycle", async () => {
  const r = await collect("circular");
  assert.equal(r.exitCode, 2);
  const e = r.errors[0]!;
  assert.equal(e.relpath, "tests/test_cycle.py");
  assert.equal(e.exceptionType, "ImportError");
  assert.equal(
    e.message,
    `cannot import name 'A' from partially initialized module 'app.a' (most likely due to a circular import) (${join(FIXTURES, "circular/app/a.py")})`,
  );
  assert.deepEqual(
    e.frames.map((f) => [f.file.slice(FIXTURES.length + 1), f.line, f.source]),
    [
      ["circular/tests/test_cycle.py", 1, "from app.a import A"],
      ["circular/app/a.py", 1, "from app.b import B"],
      ["circular/app/b.py", 1, "from app.a import A"],
    ],
  );
});

test("a NameError at module level of an imported module, located at the failing line", async () => {
  const r = await collect("name_error");
  const e = r.errors[0]!;
  assert.equal(e.exceptionType, "NameError");
  assert.equal(e.message, "name 'DeletedClass' is not defined");
  assert.deepEqual(e.location, { file: join(FIXTURES, "name_error/app/handlers.py"), line: 5 });
  assert.equal(e.frames.at(-1)!.source, "Alias = DeletedClass");
  assert.equal(e.printedLine, "NameError: name 'DeletedClass' is not defined");
});

test("a root conftest failing at start-up: exit 4, nothing collected, the conftest's exception", async () => {
  const r = await collect("conftest_startup");
  assert.equal(r.exitCode, 4);
  assert.deepEqual(r.files, []);
  assert.deepEqual(r.errors, []);
  const c = r.conftestError!;
  assert.equal(c.path, join(FIXTURES, "conftest_startup/conftest.py"));
  assert.equal(c.relpath, "conftest.py");
  assert.equal(c.exceptionType, "ImportError");
  const line = `ImportError: cannot import name 'Account' from 'app.models' (${join(FIXTURES, "conftest_startup/app/models.py")})`;
  assert.equal(c.exceptionLine, line);
  assert.equal(r.stderrTail, `E   ${line}`, "pytest's own last line on stderr agrees");
  assert.match(r.stderr, /ImportError while loading conftest/);
  assert.deepEqual(c.location, { file: c.path, line: 3 });
  assert.deepEqual(summarize(r).errored, { "conftest.py": { type: "ImportError", message: c.message } });
});

test("a conftest below the rootdir fails during collection: its directory errors, others collect", async () => {
  const r = await collect("sub_conftest");
  assert.equal(r.exitCode, 2);
  const e = r.errors[0]!;
  assert.equal(e.nodeid, "tests/api");
  assert.equal(e.relpath, "tests/api/conftest.py");
  assert.equal(e.conftest, join(FIXTURES, "sub_conftest/tests/api/conftest.py"));
  assert.equal(e.exceptionLine, "ModuleNotFoundError: No module named 'missing_helpers_pkg'");
  assert.deepEqual(summarize(r).collected, { "tests/test_root.py": 1 });
});

test("--strict-markers: an unregistered marker fails its file with pytest's message", async () => {
  const r = await collect("strict_markers", ["--strict-markers"]);
  assert.equal(r.exitCode, 2);
  const e = r.errors[0]!;
  assert.equal(e.relpath, "tests/test_marks.py");
  assert.equal(e.exceptionType, "Failed");
  assert.equal(e.message, "'flaky' not found in `markers` configuration option");
  assert.equal(e.printedLine, e.message, "pytest prints the bare message for strict markers");
  assert.deepEqual(e.location, { file: join(FIXTURES, "strict_markers/tests/test_marks.py"), line: 10 });
});

test("filterwarnings = error turns an unknown marker's warning into a collection error", async () => {
  const r = await collect("filterwarnings_error");
  assert.equal(r.exitCode, 2);
  const e = r.errors[0]!;
  assert.equal(e.exceptionType, "PytestUnknownMarkWarning");
  assert.equal(e.exceptionQualname, "pytest.PytestUnknownMarkWarning");
  assert.equal(e.isWarning, true);
  assert.match(e.message, /^Unknown pytest\.mark\.nightly - is this a typo\?/);
  assert.equal(e.printedLine, e.exceptionLine);
  assert.deepEqual(summarize(r).collected, { "tests/test_fine.py": 1 });
});

test("a syntax error: SyntaxError's own message and position", async () => {
  const r = await collect("syntax_error");
  const e = r.errors[0]!;
  assert.equal(e.exceptionType, "SyntaxError");
  assert.equal(e.message, "'[' was never closed");
  assert.equal(e.printedLine, "SyntaxError: '[' was never closed");
  assert.deepEqual(e.location, { file: join(FIXTURES, "syntax_error/tests/test_syntax.py"), line: 2 });
});

test("--strict-config with an unknown ini key: usage error, exit 4", async () => {
  const r = await collect("strict_config", ["--strict-config"]);
  assert.equal(r.exitCode, 4);
  assert.equal(r.usageError, "Unknown config option: not_a_real_option");
  assert.equal(r.stderrTail, "ERROR: Unknown config option: not_a_real_option");
  assert.equal(r.session!.configfile, join(FIXTURES, "strict_config/pytest.ini"));
});

test("unrecognized arguments stop pytest before collection: exit 4 and stderrTail", async () => {
  const r = await collect("clean", ["--no-such-option"]);
  assert.equal(r.exitCode, 4);
  assert.deepEqual(r.files, []);
  assert.match(r.stderrTail!, /error: unrecognized arguments: --no-such-option$/);
});

test("a missing required plugin stops pytest before collection; the session is still recorded", async () => {
  const r = await collect("required_plugins");
  assert.equal(r.exitCode, 4);
  assert.equal(r.session!.configfile, join(FIXTURES, "required_plugins/pytest.ini"));
  assert.equal(r.session!.sysPath, null, "collection never started");
  assert.deepEqual(r.files, []);
  assert.equal(r.stderrTail, "ERROR: Missing required plugins: pytest-not-installed-anywhere");
});

test("deselection: counts kept, exit 5 when nothing is left; the caller's env is used", async () => {
  const cwd = join(FIXTURES, "clean");
  const env = { ...NO_AUTOLOAD, PYTHONPATH: "/nonexistent/user-path" };
  const r = await runCollection({ cwd, args: ["-k", "test_add"], env });
  assert.equal(r.exitCode, 0);
  assert.ok(r.session!.sysPath!.includes("/nonexistent/user-path"), "the caller's PYTHONPATH is kept");
  assert.deepEqual(summarize(r).collected, {
    "tests/test_core.py": 1,
    "tests/test_empty.py": 0,
    "tests/test_other.py": 0,
  });
  assert.equal(r.files.find((f) => f.relpath === "tests/test_other.py")!.deselected, 8);
  const none = await collect("clean", ["-k", "nothing_matches_this"]);
  assert.equal(none.exitCode, 5);
});

test("fixtures carry the README the conventions ask for", () => {
  for (const name of readdirSync(FIXTURES)) {
    assert.ok(readFileSync(join(FIXTURES, name, "README.md"), "utf8").trim().length > 0, name);
  }
});

test("`import pytest` itself failing (the repository's own pluggy first on sys.path): exit 1, the traceback's error", async () => {
  const cwd = resolve(import.meta.dirname, "../fixtures/realworld/startup-pluggy-from-tree");
  const before = snapshot(cwd);
  const r = await runCollection({ cwd, env: NO_AUTOLOAD });
  assert.deepEqual(snapshot(cwd), before, "running pytest changed files");
  assert.equal(r.exitCode, 1);
  assert.equal(r.session, null);
  assert.deepEqual(r.startupError, {
    exceptionType: "ModuleNotFoundError",
    message: "No module named 'pluggy._manager'",
  });
});

test("a conftest's pytest_configure importing a broken module: exit 3, the INTERNALERROR's exception recorded", async () => {
  const cwd = resolve(import.meta.dirname, "../fixtures/realworld/startup-hook-import");
  const before = snapshot(cwd);
  const r = await runCollection({ cwd, env: NO_AUTOLOAD });
  assert.deepEqual(snapshot(cwd), before, "running pytest changed files");
  assert.equal(r.exitCode, 3);
  assert.equal(r.internalError?.exceptionType, "ImportError");
  assert.match(r.internalError?.message ?? "", /^cannot import name 'configure_logging' from 'app\.util' \(/);
});
