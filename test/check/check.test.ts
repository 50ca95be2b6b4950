// `remedy check` end to end on a copy of examples/monorepo: no baseline is a usage error; --update-baseline creates
// it; the check passes on the example with its baseline, fails after a new unregistered marker is added to a test
// file (a real edit), passes after lines are inserted above a finding, and the baseline shrinks once a finding is
// fixed and the baseline updated. A locked history database costs a warning, never the check's result.
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { RemedyError } from "../../src/errors.ts";
import { checkText } from "../../src/report/index.ts";
import { sqlBinding } from "../../src/scan/historyDb.ts";
import { checkRepository, historyFile, historyTrend } from "../../src/scan/index.ts";
import { monorepoCopy } from "../report/monorepoCopy.ts";

const repo = monorepoCopy();
const baseline = join(repo, ".remedy-baseline.json");
const HEALTH = join(repo, "tests/integration/test_backend_health.py");
const AUTH = join(repo, "tests/integration/test_auth_tokens.py");
const edit = (file: string, change: (text: string) => string) =>
  writeFileSync(file, change(readFileSync(file, "utf8")));
const options = { baseline, python: "python3", history: false };

test("remedy check against a baseline, through a session of edits", async (t) => {
  await t.test("no baseline: a usage error that says how to make one", async () => {
    await assert.rejects(checkRepository(repo, options), (e: unknown) => {
      assert.ok(e instanceof RemedyError);
      assert.match(e.message, /no baseline at .*--update-baseline/);
      return true;
    });
  });

  await t.test("--update-baseline creates it with every finding, and the check then passes", async () => {
    const created = await checkRepository(repo, { ...options, updateBaseline: true });
    assert.equal(created.baselineWritten, "created");
    assert.ok(created.passed);
    const entries = JSON.parse(readFileSync(baseline, "utf8")).entries;
    assert.equal(entries.length, created.new.length);
    assert.ok(entries.length >= 10, `${entries.length} entries`);

    const checked = await checkRepository(repo, options);
    assert.ok(checked.passed);
    assert.deepEqual([checked.new.length, checked.fixed.length, checked.known.length], [0, 0, entries.length]);
    assert.match(checkText(checked), /^remedy check: passed: nothing new/);
    const again = await checkRepository(repo, { ...options, updateBaseline: true });
    assert.equal(again.baselineWritten, "unchanged", "a second update of the same state writes no byte");
  });

  await t.test("a new unregistered marker in a test file fails the check, naming it", async () => {
    edit(AUTH, (text) => text.replace(/^def test_/m, "@pytest.mark.brand_new_marker\ndef test_"));
    if (!readFileSync(AUTH, "utf8").includes("import pytest")) edit(AUTH, (text) => `import pytest\n${text}`);
    const failed = await checkRepository(repo, options);
    assert.equal(failed.passed, false);
    assert.deepEqual(
      failed.new.map((n) => [n.kind, n.subject, n.file]),
      [["unknown-marker", "brand_new_marker", "tests/integration/test_auth_tokens.py"]],
    );
    const text = checkText(failed);
    assert.match(text, /^remedy check: failed: 1 new finding not in /);
    assert.match(text, /\+ tests\/integration\/test_auth_tokens\.py:\d+ {2}.*`brand_new_marker`/);
    edit(AUTH, (text) => text.replace("@pytest.mark.brand_new_marker\n", ""));
  });

  await t.test("lines inserted above a finding move it, and the check still passes", async () => {
    const before = readFileSync(HEALTH, "utf8");
    edit(HEALTH, (text) => text.replace('"""\n', '"""\n\n# moved down\n# by three lines\n'));
    const moved = await checkRepository(repo, options);
    assert.ok(moved.passed, checkText(moved));
    const backend = moved.known.find((k) => k.kind === "unknown-marker" && k.subject === "backend");
    assert.equal(backend?.line, before.split("\n").findIndex((l) => l.includes("@pytest.mark.backend")) + 1 + 3);
  });

  await t.test(
    "registering a marker fixes its finding; --update-baseline drops it (the baseline shrinks)",
    async () => {
      const entries = () => JSON.parse(readFileSync(baseline, "utf8")).entries.length;
      const size = entries();
      edit(join(repo, "pytest.ini"), (text) => text.replace("markers =\n", "markers =\n    backend: the backend\n"));
      const fixed = await checkRepository(repo, options);
      assert.ok(fixed.passed);
      assert.deepEqual(
        fixed.fixed.map((e) => e.subject),
        ["backend"],
      );
      assert.match(checkText(fixed), /fixed since the baseline \(1\)/);
      const updated = await checkRepository(repo, { ...options, updateBaseline: true });
      assert.equal(updated.baselineWritten, "updated");
      assert.equal(entries(), size - 1);
    },
  );

  await t.test("a malformed baseline is a usage error naming the file", async () => {
    const good = readFileSync(baseline, "utf8");
    writeFileSync(baseline, '{"schemaVersion": 1}');
    await assert.rejects(checkRepository(repo, options), /not a remedy baseline: entries/);
    writeFileSync(baseline, good);
  });

  await t.test(
    "a locked history database: the check's result stands, with a warning",
    { skip: sqlBinding() ? false : "no SQLite binding on this Node (install better-sqlite3)" },
    async () => {
      const recorded = await checkRepository(repo, { ...options, history: true });
      assert.deepEqual(recorded.warnings, []);
      assert.equal(historyTrend(repo).runs.at(-1)?.check?.known, recorded.known.length);
      const other = sqlBinding()!.open(historyFile(repo), 100);
      other.exec("BEGIN EXCLUSIVE");
      try {
        const locked = await checkRepository(repo, { ...options, history: true });
        assert.ok(locked.passed);
        assert.equal(locked.known.length, recorded.known.length);
        assert.equal(locked.warnings.length, 1);
        assert.match(locked.warnings[0]!, /history not recorded: .*history\.sqlite is locked by another process/);
        assert.match(checkText(locked), /warning: history not recorded/);
      } finally {
        other.exec("ROLLBACK");
        other.close();
      }
      assert.equal(historyTrend(repo).runs.length, 1, "the locked run left no row, and the first one is intact");
    },
  );
});
