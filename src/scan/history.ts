// remedy's history: every scan, verify and check of a repository as one row of .remedy/history.sqlite (commit,
// time, counts per kind, debt score, pytest's counts), so `remedy history` and the HTML report can draw the trend.
// Recording never fails a run: no binding, a locked database (another remedy writing) or a corrupt one each give a
// warning line; a corrupt file is moved aside and the history starts anew, a locked one is left to its owner.
import { execFileSync } from "node:child_process";
import { existsSync, renameSync, statSync } from "node:fs";
import { join } from "node:path";
import { type RunCommand, type RunFigures, type RunRecord, runRecordOf } from "../analyze/index.ts";
import { cacheDirOf, ensureCacheDir } from "../cache/index.ts";
import { NO_BINDING, type SqlDatabase, sqlBinding, sqlFailure } from "./historyDb.ts";
import { insertRun, migrate, selectRuns } from "./historyTable.ts";

export interface HistoryOptions {
  /** How long to wait for another connection's lock before giving up (default 1000 ms). */
  timeoutMs?: number;
}

export const historyFile = (root: string): string => join(cacheDirOf(root), "history.sqlite");

/** The commit checked out in `root`, or null (not a git repository, no commit yet, or no git). */
export function gitCommit(root: string): string | null {
  try {
    const out = execFileSync("git", ["rev-parse", "HEAD"], {
      cwd: root,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
      timeout: 5000,
    });
    return /^[0-9a-f]{40,64}$/.test(out.trim()) ? out.trim() : null;
  } catch {
    return null;
  }
}

const describe = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Moves a corrupt database (and its journal) aside, keeping it for a person to look at. */
function moveAside(file: string): string {
  const aside = `${file}.corrupt-${new Date().toISOString().replace(/[:.]/g, "-")}`;
  renameSync(file, aside);
  for (const suffix of ["-journal", "-wal", "-shm"])
    if (existsSync(file + suffix)) renameSync(file + suffix, aside + suffix);
  return aside;
}

/** Runs `work` on the open database; every failure becomes a warning (and a corrupt file a fresh one). */
function withHistory<T>(
  root: string,
  options: HistoryOptions,
  work: (db: SqlDatabase) => T,
): { value: T | null; warnings: string[] } {
  // A .remedy that is not a directory: the scan already says it ran without its cache (a limitation); the history
  // has nowhere to go either, and saying so twice is noise.
  const cacheDir = cacheDirOf(root);
  if (statSync(cacheDir, { throwIfNoEntry: false })?.isDirectory() === false) return { value: null, warnings: [] };
  const binding = sqlBinding();
  if (!binding) return { value: null, warnings: [NO_BINDING] };
  const file = historyFile(root);
  const attempt = (): T => {
    const db = binding.open(file, options.timeoutMs ?? 1000);
    try {
      migrate(db);
      return work(db);
    } finally {
      db.close();
    }
  };
  ensureCacheDir(cacheDir);
  try {
    return { value: attempt(), warnings: [] };
  } catch (error) {
    const failure = sqlFailure(error);
    if (failure === "locked")
      return {
        value: null,
        warnings: [`history not recorded: ${file} is locked by another process (${describe(error)})`],
      };
    if (failure === "other") return { value: null, warnings: [`history not recorded: ${file}: ${describe(error)}`] };
    let aside: string;
    try {
      aside = moveAside(file);
    } catch (moveError) {
      return {
        value: null,
        warnings: [`history not recorded: ${file} is corrupt and cannot be moved aside (${describe(moveError)})`],
      };
    }
    const warning = `${file} was corrupt (${describe(error)}): moved to ${aside}; the history starts anew`;
    try {
      return { value: attempt(), warnings: [warning] };
    } catch (again) {
      return { value: null, warnings: [warning, `history not recorded: ${describe(again)}`] };
    }
  }
}

export interface RecordedRun {
  record: RunRecord;
  /** False when the row could not be written (the warnings say why). */
  recorded: boolean;
  warnings: string[];
}

/** Records one run of `command` on the repository at `root` (its .remedy/history.sqlite). Never throws for the
 *  database's sake: what went wrong is in `warnings`, and the caller's result stands as it is. */
export function recordRun(
  root: string,
  command: RunCommand,
  figures: RunFigures,
  options: HistoryOptions & { time?: string; commit?: string | null } = {},
): RecordedRun {
  const commit = options.commit === undefined ? gitCommit(root) : options.commit;
  const record = runRecordOf(command, figures, options.time ?? new Date().toISOString(), commit);
  const { value, warnings } = withHistory(root, options, (db) => insertRun(db, record));
  return { record, recorded: value !== null, warnings };
}

export interface HistoryTrend {
  /** Oldest first. */
  runs: RunRecord[];
  warnings: string[];
}

/** The last `limit` runs recorded for the repository at `root` (all commands, or one), oldest first: what
 *  `remedy history` prints. A repository with no history has no rows and no warning. */
export function historyTrend(
  root: string,
  options: HistoryOptions & { limit?: number; command?: RunCommand } = {},
): HistoryTrend {
  if (!existsSync(historyFile(root))) return { runs: [], warnings: sqlBinding() ? [] : [NO_BINDING] };
  const { value, warnings } = withHistory(root, options, (db) =>
    selectRuns(db, options.limit ?? 50, options.command ?? null),
  );
  return { runs: value ?? [], warnings };
}
