// One file's facts together with the hash of the bytes they came from (what the facts cache keys on), reading
// the file once. Same facts as readFileFacts: too-large and unreadable files become facts, never exceptions.
import { closeSync, fstatSync, openSync, readFileSync, readSync, type Stats } from "node:fs";
import { extractFacts, readFileFacts } from "./extractFacts.ts";
import type { FileFacts } from "./facts.ts";
import { contentHash } from "./factsStore.ts";

/** Facts of `path` and the hash of its content ("" when it could not be read, or was over `maxBytes`: such facts
 *  are not cached, so a higher limit later reads the file). `read`: the file's bytes when the caller has them. */
export function factsWithHash(
  path: string,
  read?: Buffer | null,
  maxBytes?: number,
): { facts: FileFacts; hash: string } {
  let bytes: Buffer;
  try {
    bytes = read ?? readFileSync(path);
  } catch {
    return { facts: readFileFacts(path, { maxBytes }), hash: "" };
  }
  const facts = extractFacts(bytes, path, { maxBytes });
  return { facts, hash: facts.status === "too-large" ? "" : contentHash(bytes) };
}

/** The file's bytes and its stat, from one open (one stat fewer than statSync + readFileSync); null when it
 *  cannot be opened or read. */
export function readWithStat(path: string): { bytes: Buffer; stat: Stats } | null {
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch {
    return null;
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return null;
    const bytes = Buffer.allocUnsafe(stat.size);
    let at = 0;
    while (at < bytes.length) {
      const n = readSync(fd, bytes, at, bytes.length - at, at);
      if (n === 0) break;
      at += n;
    }
    // A file that shrank while being read: what was read is its content now.
    return { bytes: at === bytes.length ? bytes : bytes.subarray(0, at), stat };
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}
