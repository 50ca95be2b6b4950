// `pip install -e` of a flat layout: setuptools installs a `.pth` that imports a meta path finder mapping the
// package's top-level name to its directory in the repository (no sys.path entry shows it). localstack's
// localstack-core is installed this way; remedy took `localstack` for an opaque installed distribution and saw none
// of its 95 failing imports. Here a site directory holds such a `.pth` and finder (written as setuptools writes
// them, reduced to the mapping), added by a sitecustomize on PYTHONPATH; pytest is the oracle.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { scan } from "../../src/scan/scan.ts";

const dir = realpathSync(mkdtempSync(join(tmpdir(), "remedy-editable-")));
after(() => rmSync(dir, { recursive: true, force: true }));

function write(path: string, text: string): void {
  mkdirSync(join(dir, path, ".."), { recursive: true });
  writeFileSync(join(dir, path), text);
}

const repo = join(dir, "repo");
write("repo/pytest.ini", "[pytest]\ntestpaths = tests\n");
write("repo/core/mylib/__init__.py", "from mylib.helpers import helper\n");
write("repo/core/mylib/helpers.py", "import remedy_fixture_not_installed\n\n\ndef helper():\n    pass\n");
write("repo/core/mylib/extra.py", "VALUE = 1\n");
// A second checkout (a worktree) whose own `mylib` lacks extra.py: `python -m pytest` there finds `mylib` in the
// worktree first, and `mylib.extra` through the finder, in the directory it maps (setuptools' immediate-child rule).
write("worktree/pytest.ini", "[pytest]\ntestpaths = tests\n");
write("worktree/mylib/__init__.py", "");
write("worktree/tests/test_extra.py", "import mylib.extra\n\n\ndef test_extra():\n    assert mylib.extra.VALUE\n");
write("worktree/tests/test_gone.py", "import mylib.gone\n\n\ndef test_gone():\n    pass\n");
write("repo/tests/test_lib.py", "from mylib import helper\n\n\ndef test_helper():\n    assert helper\n");
write(
  "site/__editable__.mylib-0.0.0.pth",
  "import __editable___mylib_0_0_0_finder; __editable___mylib_0_0_0_finder.install()\n",
);
write(
  "site/__editable___mylib_0_0_0_finder.py",
  [
    "import sys",
    "from importlib.machinery import ModuleSpec, PathFinder",
    "",
    `MAPPING: dict[str, str] = {'mylib': ${JSON.stringify(join(repo, "core", "mylib"))}}`,
    "",
    "",
    "class _EditableFinder:",
    "    @classmethod",
    "    def find_spec(cls, fullname, path=None, target=None):",
    "        if fullname in MAPPING:",
    "            return PathFinder.find_spec(fullname, [MAPPING[fullname].rsplit('/', 1)[0]])",
    "        parent, _, child = fullname.rpartition('.')",
    "        if parent and parent in MAPPING:",
    "            return PathFinder.find_spec(fullname, path=[MAPPING[parent]])",
    "        return None",
    "",
    "",
    "def install():",
    "    if _EditableFinder not in sys.meta_path:",
    "        sys.meta_path.append(_EditableFinder)",
    "",
  ].join("\n"),
);
write("shim/sitecustomize.py", `import site\nsite.addsitedir(${JSON.stringify(join(dir, "site"))})\n`);
const env = { ...process.env, PYTHONPATH: join(dir, "shim"), PYTHONDONTWRITEBYTECODE: "1" };

test("a package an editable finder maps into the repository is the repository's code, and its failures are found", async () => {
  const real = spawnSync("python3", ["-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider"], {
    cwd: repo,
    env,
    encoding: "utf8",
  });
  assert.equal(real.status, 2);
  assert.match(real.stdout, /No module named 'remedy_fixture_not_installed'/);
  const result = await scan(repo, { cache: false, env });
  assert.equal(result.pytestExitCode, 2);
  assert.deepEqual(
    result.findings.map((f) => [f.kind, f.file, f.message]),
    [["missing-third-party", "core/mylib/helpers.py", "No module named 'remedy_fixture_not_installed'"]],
  );
  assert.deepEqual(result.findings[0]?.blocks.testFiles, ["tests/test_lib.py"]);
});

test("an editable finder also finds an immediate submodule of a package it maps, in the mapped directory", async () => {
  const cwd = join(dir, "worktree");
  const real = spawnSync("python3", ["-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider"], {
    cwd,
    env,
    encoding: "utf8",
  });
  assert.equal(real.status, 2);
  assert.match(real.stdout, /tests\/test_extra.py::test_extra/);
  assert.match(real.stdout, /No module named 'mylib.gone'/);
  const result = await scan(cwd, { cache: false, env });
  assert.deepEqual(
    result.findings.map((f) => [f.kind, f.file, f.message]),
    [["missing-module", "tests/test_gone.py", "No module named 'mylib.gone'"]],
  );
  assert.equal(result.collection.tests - result.collection.blockedTests, 1);
});
