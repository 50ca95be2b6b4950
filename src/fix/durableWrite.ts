// How the applier and the undo journal write: temp file in the same directory, write, fsync, rename over the
// target, fsync the directory. A crash leaves either the old bytes or the new ones, never half a file; unlike the
// cache's writeAtomic (an optimisation that may fail quietly), a failure here throws.
import { randomBytes } from "node:crypto";
import { closeSync, fchmodSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";

/** Flushes a directory's entries (a rename is durable only then). Some systems cannot open a directory for it
 *  (Windows): the rename itself is still atomic there. */
export function fsyncDirectory(dir: string): void {
  let fd: number | null = null;
  try {
    fd = openSync(dir, "r");
    fsyncSync(fd);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== "EISDIR" && code !== "EPERM" && code !== "EINVAL" && code !== "EBADF") throw e;
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

/** Replaces `file` with `data`, whose permission bits become `mode` exactly (not masked by the umask). With
 *  `syncDirectory: false` the caller flushes the directory itself, once for many files (fsyncDirectories). */
export function writeFileDurably(file: string, data: Uint8Array, mode: number, { syncDirectory = true } = {}): void {
  const dir = dirname(file);
  const tmp = join(dir, `.${basename(file)}.remedy-${process.pid}-${randomBytes(4).toString("hex")}.tmp`);
  const fd = openSync(tmp, "wx", mode & 0o7777);
  try {
    try {
      let at = 0;
      while (at < data.length) at += writeSync(fd, data, at, data.length - at);
      fchmodSync(fd, mode & 0o7777);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, file);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
  if (syncDirectory) fsyncDirectory(dir);
}

/** Flushes the directory of each of `files`, once per directory. */
export function fsyncDirectories(files: Iterable<string>): void {
  for (const dir of new Set([...files].map((f) => dirname(f)))) fsyncDirectory(dir);
}
