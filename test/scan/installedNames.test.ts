// Names missing from installed modules (src/graph/installedNames.ts), beyond what the fixture's expected.json
// checks: the finding names the installed version, a repository shim that assigns the name is respected, and an
// installed file that changes between two cached scans (an upgrade or a downgrade) is read again.
import assert from "node:assert/strict";
import { appendFileSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { test } from "node:test";
import { scan } from "../../src/scan/scan.ts";
import { agedCopy } from "./editedRepos.ts";

const FIXTURE = resolve(import.meta.dirname, "../fixtures/scan/installed-missing-names");

const blocked = (r: Awaited<ReturnType<typeof scan>>) =>
  r.findings.filter((f) => f.severity === "error").flatMap((f) => f.blocks.testFiles);

test("a name the installed version lacks names that version and the module's similar names", async () => {
  const result = await scan(FIXTURE, { cache: false });
  const f = result.findings.find((x) => x.name === "old_helper");
  assert.ok(f, "old_helper is reported");
  assert.equal(f.kind, "missing-name");
  assert.deepEqual(
    f.suggestions.map((s) => s.kind),
    ["removed", "renamed"],
  );
  assert.match(f.suggestions[0]?.message ?? "", /^oldpkg 2\.0\.1 installed: `old_helper` is not defined in `oldpkg`/);
  assert.equal(f.suggestions[0]?.data?.version, "2.0.1");
  assert.equal(f.suggestions[0]?.data?.file, "vendor/site-packages/oldpkg/__init__.py");
  assert.match(f.suggestions[1]?.message ?? "", /defines `new_helper`/);
  const attr = result.findings.find((x) => x.name === "OLD_CONSTANT");
  assert.equal(attr?.kind, "attribute-error");
  assert.match(attr?.suggestions[0]?.message ?? "", /^oldpkg 2\.0\.1 installed/);
});

test("a repository shim that assigns the name keeps it from being reported", async () => {
  const dir = agedCopy(FIXTURE, "remedy-installed-shim-");
  try {
    writeFileSync(join(dir, "conftest.py"), "import oldpkg\n\noldpkg.OLD_CONSTANT = 3\n");
    const result = await scan(dir, { cache: false });
    assert.ok(!blocked(result).includes("tests/test_removed_attr.py"));
    assert.ok(blocked(result).includes("tests/test_removed_name.py"));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("an installed module that changes between cached scans is read again", async () => {
  const dir = agedCopy(FIXTURE, "remedy-installed-upgrade-");
  try {
    const first = await scan(dir);
    assert.ok(blocked(first).includes("tests/test_removed_name.py"));
    // A downgrade puts the name back; nothing in the project walk changes.
    const init = join(dir, "vendor/site-packages/oldpkg/__init__.py");
    appendFileSync(init, "\n\ndef old_helper():\n    return 1\n");
    const past = new Date(Date.now() - 30_000);
    utimesSync(init, past, past);
    const second = await scan(dir);
    assert.ok(!blocked(second).includes("tests/test_removed_name.py"));
    assert.ok(blocked(second).includes("tests/test_not_exported.py"));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
