// Filesystem questions that never throw: a path that is missing, under a file, or unreadable is simply "not there".
import { type Stats, statSync } from "node:fs";

export function statOrNull(path: string): Stats | null {
  try {
    // A missing path is the common answer (a virtualenv marker, a config file): no exception is made for it,
    // which costs more than the stat itself.
    return statSync(path, { throwIfNoEntry: false }) ?? null;
  } catch {
    return null;
  }
}

export const isFile = (path: string): boolean => statOrNull(path)?.isFile() ?? false;
export const isDir = (path: string): boolean => statOrNull(path)?.isDirectory() ?? false;
export const exists = (path: string): boolean => statOrNull(path) !== null;
