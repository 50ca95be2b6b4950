// The history in .remedy/history.sqlite: one row per run with its counts per kind, read back oldest first; a
// corrupt file (garbage bytes) is moved aside and the history starts anew with a warning; a locked database (another
// connection holding an exclusive transaction) is reported and left alone. Runs with whichever binding this Node
// has (node:sqlite on 22.5+, else better-sqlite3); skipped, saying so, when it has none.
import assert from "node:assert/strict";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import type { ScanResult } from "../../src/analyze/index.ts";
import { historyText } from "../../src/report/index.ts";
import { sqlBinding, sqlFailure } from "../../src/scan/historyDb.ts";
import { gitCommit, historyFile, historyTrend, recordRun } from "../../src/scan/index.ts";

const skip = sqlBinding() ? false : "no SQLite binding on this Node (install better-sqlite3)";

function repo(): string {
  const dir = mkdtempSync(join(tmpdir(), "remedy-history-"));
  process.once("exit", () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

const finding = (kind: "unknown-marker" | "missing-name", name: string) =>
  ({ kind, name, file: "tests/test_a.py" }) as ScanResult["findings"][number];

const scanWith = (findings: ScanResult["findings"], blocked: number): ScanResult => ({
  schemaVersion: 1,
  root: "/r",
  rootdir: "/r",
  configfile: null,
  findings,
  collection: { testFiles: 4, blockedTestFiles: blocked, tests: 10, blockedTests: blocked * 2 },
  testFiles: [],
  pytestExitCode: 2,
  limitations: [],
  durationMs: 42,
});

test("each run is one row, read back oldest first with its counts per kind", { skip }, () => {
  const root = repo();
  assert.deepEqual(historyTrend(root), { runs: [], warnings: [] }, "no history yet: no rows, no file made");
  assert.equal(existsSync(historyFile(root)), false);
  const first = scanWith(
    [finding("unknown-marker", "a"), finding("unknown-marker", "b"), finding("missing-name", "X")],
    3,
  );
  const one = recordRun(root, "scan", { scan: first }, { time: "2025-01-01T10:00:00.000Z", commit: "a".repeat(40) });
  assert.deepEqual([one.recorded, one.warnings], [true, []]);
  recordRun(
    root,
    "verify",
    { pytest: { collected: 7, errors: 2, passed: 5, failed: 2 } },
    { time: "2025-01-01T11:00:00.000Z", commit: null },
  );
  recordRun(
    root,
    "check",
    { scan: scanWith([finding("missing-name", "X")], 1), check: { new: 0, fixed: 2, known: 1 } },
    { time: "2025-01-02T09:00:00.000Z", commit: "b".repeat(40) },
  );

  const { runs, warnings } = historyTrend(root);
  assert.deepEqual(warnings, []);
  assert.deepEqual(
    runs.map((r) => [r.command, r.findings, r.blockedTestFiles, r.kinds]),
    [
      ["scan", 3, 3, { "missing-name": 1, "unknown-marker": 2 }],
      ["verify", null, null, {}],
      ["check", 1, 1, { "missing-name": 1 }],
    ],
  );
  assert.deepEqual(runs[0], one.record, "a row reads back as the record written");
  assert.deepEqual(runs[1]!.pytest, { collected: 7, errors: 2, passed: 5, failed: 2 });
  assert.deepEqual(
    historyTrend(root, { command: "check" }).runs.map((r) => r.time),
    ["2025-01-02T09:00:00.000Z"],
  );
  assert.deepEqual(
    historyTrend(root, { limit: 2 }).runs.map((r) => r.command),
    ["verify", "check"],
  );

  const text = historyText(runs);
  assert.match(text, /^2025-01-01 10:00:00 {2}aaaaaaa {2}scan {4}3 findings; 3\/4 test files blocked\n/);
  assert.match(text, /verify +pytest: 7 collected, 2 errors, 5 passed, 2 failed/);
  // The check is compared with nothing before it of its own command, so no delta; figures as recorded.
  assert.match(text, /bbbbbbb {2}check {3}1 findings; 1\/4 test files blocked; check: 0 new, 2 fixed\n$/);
});

test("a corrupt database is moved aside and rebuilt, with a warning, and the run is recorded", { skip }, () => {
  const root = repo();
  mkdirSync(join(root, ".remedy"));
  writeFileSync(historyFile(root), "this is not a database, ".repeat(200));
  const run = recordRun(root, "scan", { scan: scanWith([], 0) }, { commit: null });
  assert.equal(run.recorded, true);
  assert.equal(run.warnings.length, 1);
  assert.match(
    run.warnings[0]!,
    /history\.sqlite was corrupt \(.*\): moved to .*history\.sqlite\.corrupt-.*; the history starts anew/,
  );
  const aside = readdirSync(join(root, ".remedy")).filter((n) => n.startsWith("history.sqlite.corrupt-"));
  assert.equal(aside.length, 1);
  assert.match(readFileSync(join(root, ".remedy", aside[0]!), "utf8"), /^this is not a database/, "kept for a person");
  assert.deepEqual(historyTrend(root).runs.length, 1);
});

test("a locked database is reported and left alone; the next run records again", { skip }, () => {
  const root = repo();
  recordRun(root, "scan", { scan: scanWith([], 0) }, { commit: null });
  const other = sqlBinding()!.open(historyFile(root), 100);
  other.exec("BEGIN EXCLUSIVE");
  let locked: ReturnType<typeof recordRun>;
  try {
    locked = recordRun(root, "scan", { scan: scanWith([], 0) }, { commit: null, timeoutMs: 50 });
  } finally {
    other.exec("ROLLBACK");
    other.close();
  }
  assert.equal(locked.recorded, false);
  assert.match(locked.warnings[0]!, /history not recorded: .* is locked by another process/);
  assert.equal(readdirSync(join(root, ".remedy")).filter((n) => n.includes("corrupt")).length, 0, "not moved aside");
  assert.equal(recordRun(root, "scan", { scan: scanWith([], 0) }, { commit: null }).recorded, true);
  assert.equal(historyTrend(root).runs.length, 2);
});

test("sqlFailure reads both bindings' errors", () => {
  assert.equal(sqlFailure({ code: "SQLITE_BUSY", message: "database is locked" }), "locked");
  assert.equal(sqlFailure({ code: "ERR_SQLITE_ERROR", errcode: 26, message: "file is not a database" }), "corrupt");
  assert.equal(sqlFailure({ code: "ERR_SQLITE_ERROR", errcode: 261, message: "database is locked" }), "locked");
  assert.equal(sqlFailure({ code: "SQLITE_CORRUPT_INDEX" }), "corrupt");
  assert.equal(sqlFailure(new Error("EACCES: permission denied")), "other");
});

test("gitCommit: HEAD of a git repository, null elsewhere", () => {
  assert.match(gitCommit(import.meta.dirname) ?? "", /^[0-9a-f]{40}$/);
  assert.equal(gitCommit(repo()), null);
});
