// Which files ask for which distributions: requirements*.txt, pyproject.toml (PEP 621 and Poetry), setup.cfg.
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { test } from "node:test";
import { isRequirementsFile, readRequirements } from "../../src/scan/requirements.ts";

test("requirement entries with the file and line that ask for each distribution", () => {
  const dir = mkdtempSync(join(tmpdir(), "remedy-req-"));
  try {
    writeFileSync(
      join(dir, "requirements-dev.txt"),
      "# tools\n-r requirements.txt\nPyYAML>=6  # config\n\nredis[hiredis]==5.0\n",
    );
    writeFileSync(
      join(dir, "pyproject.toml"),
      '[project]\nname = "app"\ndependencies = [\n  "httpx>=0.27",\n]\n[project.optional-dependencies]\ntest = ["pytest-asyncio"]\n' +
        '[tool.poetry.dependencies]\npython = "^3.11"\nsqlalchemy = "^2"\n',
    );
    writeFileSync(
      join(dir, "setup.cfg"),
      "[metadata]\nname = app\n[options]\ninstall_requires =\n    requests>=2\n    attrs\n",
    );
    const files = ["requirements-dev.txt", "pyproject.toml", "setup.cfg"].map((f) => join(dir, f));
    const entries = readRequirements(files, (p) => relative(dir, p));
    assert.deepEqual(
      entries.map((e) => `${e.file}:${e.line} ${e.name}`),
      [
        "requirements-dev.txt:3 PyYAML",
        "requirements-dev.txt:5 redis",
        "pyproject.toml:4 httpx",
        "pyproject.toml:7 pytest-asyncio",
        "pyproject.toml:10 sqlalchemy",
        "setup.cfg:5 requests",
        "setup.cfg:6 attrs",
      ],
    );
    assert.ok(isRequirementsFile("requirements.in") && !isRequirementsFile("constraints.txt"));
  } finally {
    rmSync(dir, { recursive: true });
  }
});
