// The tables of .remedy/history.sqlite and the SQL that writes and reads one run. A row per run and a row per
// (run, kind): counts per kind stay queryable without parsing JSON. `PRAGMA user_version` is the schema's version;
// a database from a newer remedy is left alone (its rows would not read right).
import type { RunRecord } from "../analyze/index.ts";
import type { SqlDatabase, SqlValue } from "./historyDb.ts";

const VERSION = 1;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS runs (
  id INTEGER PRIMARY KEY,
  time TEXT NOT NULL,
  command TEXT NOT NULL,
  commit_sha TEXT,
  findings INTEGER,
  test_files INTEGER,
  blocked_test_files INTEGER,
  audit_findings INTEGER,
  debt_score INTEGER,
  debt_level TEXT,
  pytest_collected INTEGER,
  pytest_errors INTEGER,
  pytest_passed INTEGER,
  pytest_failed INTEGER,
  pytest_skipped INTEGER,
  check_new INTEGER,
  check_fixed INTEGER,
  check_known INTEGER,
  duration_ms INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS run_kinds (
  run_id INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,
  kind TEXT NOT NULL,
  count INTEGER NOT NULL,
  PRIMARY KEY (run_id, kind)
);`;

export function migrate(db: SqlDatabase): void {
  const version = Number(db.prepare("PRAGMA user_version").all()[0]?.user_version ?? 0);
  if (version > VERSION) throw new Error(`written by a newer remedy (schema ${version}); left as it is`);
  if (version === VERSION) return;
  db.exec(`BEGIN IMMEDIATE;${SCHEMA}\nPRAGMA user_version = ${VERSION};\nCOMMIT;`);
}

/** Inserts the run and its counts per kind in one transaction; returns the run's row id. */
export function insertRun(db: SqlDatabase, r: RunRecord): number {
  db.exec("BEGIN IMMEDIATE");
  try {
    const row = db
      .prepare(
        `INSERT INTO runs (time, command, commit_sha, findings, test_files, blocked_test_files, audit_findings,
           debt_score, debt_level, pytest_collected, pytest_errors, pytest_passed, pytest_failed, pytest_skipped,
           check_new, check_fixed, check_known, duration_ms)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
      )
      .all(
        r.time,
        r.command,
        r.commit,
        r.findings,
        r.testFiles,
        r.blockedTestFiles,
        r.auditFindings,
        r.debt?.score ?? null,
        r.debt?.level ?? null,
        r.pytest?.collected ?? null,
        r.pytest?.errors ?? null,
        r.pytest?.passed ?? null,
        r.pytest?.failed ?? null,
        r.pytest?.skipped ?? null,
        r.check?.new ?? null,
        r.check?.fixed ?? null,
        r.check?.known ?? null,
        Math.round(r.durationMs),
      );
    const id = Number(row[0]!.id);
    const kind = db.prepare("INSERT INTO run_kinds (run_id, kind, count) VALUES (?, ?, ?)");
    for (const [name, count] of Object.entries(r.kinds)) kind.run(id, name, count);
    db.exec("COMMIT");
    return id;
  } catch (error) {
    try {
      db.exec("ROLLBACK");
    } catch {}
    throw error;
  }
}

const num = (v: SqlValue | undefined): number | null => (v === null || v === undefined ? null : Number(v));

function recordOf(row: Record<string, SqlValue>, kinds: Record<string, number>): RunRecord {
  const present = (key: string, v: SqlValue | undefined) => (v === null || v === undefined ? {} : { [key]: Number(v) });
  const pytest =
    row.pytest_collected === null
      ? null
      : {
          collected: Number(row.pytest_collected),
          errors: Number(row.pytest_errors),
          ...present("passed", row.pytest_passed),
          ...present("failed", row.pytest_failed),
          ...present("skipped", row.pytest_skipped),
        };
  return {
    command: row.command as RunRecord["command"],
    time: String(row.time),
    commit: row.commit_sha === null ? null : String(row.commit_sha),
    findings: num(row.findings),
    kinds,
    testFiles: num(row.test_files),
    blockedTestFiles: num(row.blocked_test_files),
    auditFindings: num(row.audit_findings),
    debt:
      row.debt_score === null
        ? null
        : { score: Number(row.debt_score), level: String(row.debt_level) as NonNullable<RunRecord["debt"]>["level"] },
    pytest,
    check:
      row.check_new === null
        ? null
        : { new: Number(row.check_new), fixed: Number(row.check_fixed), known: Number(row.check_known) },
    durationMs: Number(row.duration_ms),
  };
}

/** The last `limit` runs (of `command`, or all), oldest first, each with its counts per kind. */
export function selectRuns(db: SqlDatabase, limit: number, command: string | null): RunRecord[] {
  const rows = db
    .prepare(`SELECT * FROM runs ${command ? "WHERE command = ?" : ""} ORDER BY id DESC LIMIT ?`)
    .all(...(command ? [command, limit] : [limit]))
    .reverse();
  const kindsOf = db.prepare("SELECT kind, count FROM run_kinds WHERE run_id = ? ORDER BY kind");
  return rows.map((row) =>
    recordOf(row, Object.fromEntries(kindsOf.all(row.id!).map((k) => [String(k.kind), Number(k.count)]))),
  );
}
