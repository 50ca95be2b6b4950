// Where remedy keeps its per-repository cache (<repo>/.remedy/, ignored by git through its own .gitignore) and how
// it writes there: temp file + rename, so a crash or a concurrent scan never leaves a half-written file.
// Everything in it is safe to delete; a missing or unreadable cache only costs a slower scan.
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { dirname, extname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** Bumped when the layout of any cache file changes; part of every cache key. */
export const CACHE_FORMAT = 1;

export function cacheDirOf(rootdir: string): string {
  return join(rootdir, ".remedy");
}

/** Creates the cache directory with its .gitignore (`*`: git never shows it). Done before stamps are taken, so
 *  creating it does not itself look like a change of the repository's top directory. */
export function ensureCacheDir(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, ".gitignore"), "# remedy's cache: safe to delete\n*\n", { flag: "wx" });
  } catch {
    // .gitignore already there (or the directory is not writable: the write says so).
  }
}

/** Writes `data` to `file` atomically (its directory made when needed; callers make .remedy/ itself with
 *  ensureCacheDir). Returns false when it is not writable: the cache is an optimisation, never a reason to fail. */
export function writeAtomic(file: string, data: Uint8Array | string): boolean {
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(tmp, data);
    renameSync(tmp, file);
    return true;
  } catch {
    // The directory may be no directory at all (a file named .remedy): nothing to clean up then.
    try {
      rmSync(tmp, { force: true });
    } catch {}
    return false;
  }
}

/** writeAtomic off the main thread (the bytes go to the file system while the scan goes on). Never rejects. */
export async function writeAtomicAsync(file: string, data: Uint8Array): Promise<boolean> {
  const tmp = `${file}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    await mkdir(dirname(file), { recursive: true });
    await writeFile(tmp, data);
    await rename(tmp, file);
    return true;
  } catch {
    await rm(tmp, { force: true }).catch(() => {});
    return false;
  }
}

export function readOrNull(file: string): Buffer | null {
  try {
    return readFileSync(file);
  } catch {
    return null;
  }
}

let fingerprint: string | null = null;

/** A hash of remedy's own code (every module of this build, src/*.ts or dist/*.js): a cache made by any other
 *  version of remedy, including a locally edited one, is foreign and ignored. O(size of remedy), once a process. */
export function remedyFingerprint(): string {
  if (fingerprint !== null) return fingerprint;
  const here = fileURLToPath(import.meta.url);
  const ext = extname(here);
  const top = dirname(dirname(here));
  const hash = createHash("sha256").update(`format ${CACHE_FORMAT}\n`);
  const walk = (dir: string): void => {
    let names: import("node:fs").Dirent[];
    try {
      names = readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
    } catch {
      return;
    }
    for (const e of names) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith(ext)) hash.update(p.slice(top.length)).update(readFileSync(p));
    }
  };
  walk(top);
  fingerprint = hash.digest("hex").slice(0, 20);
  return fingerprint;
}
