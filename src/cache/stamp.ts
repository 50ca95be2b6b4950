// Cheap change detection for cache entries: a file's size, mtime and inode (git's "stat info" fast path). An entry
// whose mtime is too close to when it was recorded is stored without a stamp, so a same-tick edit is never missed.
import { type Stats, statSync } from "node:fs";

/** Modification times this close to the moment of recording are not trusted (filesystem timestamp granularity). */
const RACY_MS = 2000;

export function stampOf(st: Stats): string {
  return `${st.size}:${st.mtimeMs}:${st.ino}`;
}

/** The stamp of `path`, "-" when it does not exist or cannot be read. Never throws. */
export function stampPath(path: string): string {
  try {
    const st = statSync(path, { throwIfNoEntry: false });
    return st ? stampOf(st) : "-";
  } catch {
    return "-";
  }
}

/** The stamp worth storing: "" (always re-check) when the file changed within RACY_MS of `now`. */
export function storableStamp(st: Stats, now: number = Date.now()): string {
  return now - st.mtimeMs < RACY_MS ? "" : stampOf(st);
}
