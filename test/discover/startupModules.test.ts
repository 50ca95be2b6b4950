// The modules pytest's start-up has imported when collection begins, asked of the real pytest (in an empty
// temporary directory) and cached per interpreter: checked against sys.modules as a conftest sees it.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { startupModules } from "../../src/discover/startupModules.ts";
import { countingPython, envWithoutCacheDir, python } from "./realPython.ts";

const scratch = realpathSync(mkdtempSync(join(tmpdir(), "remedy-startup-modules-")));
after(() => rmSync(scratch, { recursive: true, force: true }));
const env = envWithoutCacheDir;

/** What a conftest of a real session finds in sys.modules (the same start-up, seen from inside). */
function seenByConftest(): Set<string> {
  const repo = join(scratch, "repo");
  mkdirSync(repo, { recursive: true });
  writeFileSync(join(repo, "pytest.ini"), "[pytest]\n");
  writeFileSync(
    join(repo, "conftest.py"),
    'import sys\nprint("LOADED " + ",".join(sorted({m.split(".")[0] for m in list(sys.modules)})))\n',
  );
  let out: string;
  try {
    out = execFileSync(python.executable, ["-m", "pytest", "--collect-only", "-q", "-s", "-p", "no:cacheprovider"], {
      cwd: repo,
      encoding: "utf8",
      env: { ...process.env, PYTHONDONTWRITEBYTECODE: "1" },
    });
  } catch (e) {
    // Exit code 5: no tests collected, the expected end.
    out = (e as { stdout: string }).stdout;
  }
  const line = out.split("\n").find((l) => l.startsWith("LOADED ")) ?? "";
  return new Set(line.slice("LOADED ".length).split(","));
}

test("the start-up's modules are those a conftest finds loaded, and the answer is cached", async () => {
  const counting = countingPython(scratch);
  const wrapper = counting.executable;
  const cacheDir = join(scratch, "cache");
  const got = await startupModules({ ...python, executable: wrapper }, { cacheDir, env });
  assert.ok(got, "pytest could be run");
  for (const name of ["csv", "email", "zipfile", "pytest", "_pytest"]) assert.ok(got.initial.has(name), name);
  for (const name of ["wave", "sched", "tkinter"]) assert.ok(!got.collection.has(name), name);
  // pytest's debugging plugin imports pdb when it configures, after the initial conftests.
  assert.ok(!got.initial.has("pdb") && got.collection.has("pdb"));
  for (const name of got.initial) assert.ok(got.collection.has(name), name);
  // A rootdir conftest (an initial one) sees exactly the stdlib modules of `initial` loaded.
  const stdlib = new Set(
    execFileSync(python.executable, ["-c", "import sys; print(','.join(sorted(sys.stdlib_module_names)))"], {
      encoding: "utf8",
    })
      .trim()
      .split(","),
  );
  const onlyStdlib = (names: Iterable<string>) => [...names].filter((m) => stdlib.has(m)).sort();
  assert.deepEqual(onlyStdlib(seenByConftest()), onlyStdlib(got.initial));
  const again = await startupModules({ ...python, executable: wrapper }, { cacheDir, env });
  assert.deepEqual(again, got);
  assert.equal(counting.runs(), 1, "asked once, then cached");
});

test("an interpreter that cannot run pytest gives null, and nothing is cached", async () => {
  const cacheDir = join(scratch, "cache-none");
  const none = await startupModules({ ...python, executable: join(scratch, "no-such-python") }, { cacheDir, env });
  assert.equal(none, null);
});
