// The SQLite binding behind .remedy/history.sqlite: Node's own `node:sqlite` where the Node version has it (22.5+),
// else the better-sqlite3 package (an optional dependency: a native addon, built by npm where no prebuilt binary
// downloads). Both are synchronous with the same prepare/run/all shape, so one small interface covers them. No
// binding at all is not an error: the history is a record, never a reason for a scan to fail.
import { createRequire } from "node:module";

export interface SqlStatement {
  run(...params: SqlValue[]): unknown;
  all(...params: SqlValue[]): Record<string, SqlValue>[];
}
export type SqlValue = string | number | bigint | null;

export interface SqlDatabase {
  exec(sql: string): void;
  prepare(sql: string): SqlStatement;
  close(): void;
}

export interface SqlBinding {
  name: "node:sqlite" | "better-sqlite3";
  /** Opens (creating) the database file; waits up to `timeoutMs` for another connection's lock. */
  open(file: string, timeoutMs: number): SqlDatabase;
}

type NodeSqlite = { DatabaseSync: new (file: string, options?: { timeout?: number }) => SqlDatabase };
type BetterSqlite = new (file: string, options?: { timeout?: number }) => SqlDatabase;

function nodeSqlite(): SqlBinding | null {
  try {
    // getBuiltinModule (Node 20.16+) answers undefined for a module this Node lacks; older 22.x need a flag for it.
    const mod = process.getBuiltinModule?.("node:sqlite") as NodeSqlite | undefined;
    if (!mod?.DatabaseSync) return null;
    return { name: "node:sqlite", open: (file, timeout) => new mod.DatabaseSync(file, { timeout }) };
  } catch {
    return null;
  }
}

function betterSqlite(): SqlBinding | null {
  try {
    const Database = createRequire(import.meta.url)("better-sqlite3") as BetterSqlite;
    return { name: "better-sqlite3", open: (file, timeout) => new Database(file, { timeout }) };
  } catch {
    // Not installed, or its native addon did not build for this Node.
    return null;
  }
}

let binding: SqlBinding | null | undefined;

/** The binding this process uses (looked up once), or null when there is none. `REMEDY_SQLITE=better-sqlite3`
 *  skips node:sqlite (to test the fallback on a Node that has both). */
export function sqlBinding(): SqlBinding | null {
  if (binding === undefined)
    binding = (process.env.REMEDY_SQLITE === "better-sqlite3" ? null : nodeSqlite()) ?? betterSqlite();
  return binding;
}

export const NO_BINDING =
  "history not recorded: no SQLite binding (Node 22.5+ has node:sqlite; on older Node install better-sqlite3)";

export type SqlFailure = "locked" | "corrupt" | "other";

/** What went wrong, from either binding's error: better-sqlite3 names the code (SQLITE_BUSY), node:sqlite gives
 *  the number (errcode 5; extended codes carry the primary one in the low byte). */
export function sqlFailure(error: unknown): SqlFailure {
  const e = error as { code?: unknown; errcode?: unknown; message?: unknown };
  const primary = typeof e.errcode === "number" ? e.errcode & 0xff : null;
  const code = typeof e.code === "string" ? e.code : "";
  if (primary === 5 || primary === 6 || /^SQLITE_(BUSY|LOCKED)/.test(code)) return "locked";
  if (primary === 11 || primary === 26 || /^SQLITE_(CORRUPT|NOTADB)/.test(code)) return "corrupt";
  // node:sqlite before errcode existed: only the message tells.
  const message = typeof e.message === "string" ? e.message : "";
  if (/database is locked|database table is locked/.test(message)) return "locked";
  if (/malformed|not a database/.test(message)) return "corrupt";
  return "other";
}
