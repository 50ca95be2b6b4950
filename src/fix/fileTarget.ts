// What a fix may write to: an existing regular file inside the repository root once every symlink is resolved,
// outside remedy's cache and git's own directory. Anything else is refused with the reason, never "fixed".
import { createHash } from "node:crypto";
import { lstatSync, readFileSync, realpathSync, statSync } from "node:fs";
import { isAbsolute, relative, resolve, sep } from "node:path";

export type RefusalReason =
  | "outside-root"
  | "symlink-outside"
  | "protected"
  | "not-a-file"
  | "changed-since-scan"
  | "uncommitted-changes"
  | "overlap"
  | "bad-edit";

export type Target =
  | { ok: true; path: string; rel: string; bytes: Buffer; hash: string; mode: number }
  | { ok: false; reason: RefusalReason; message: string };

export function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** `path` relative to `root` with forward slashes, or null when it is not strictly inside it. */
export function relativeInside(root: string, path: string): string | null {
  const rel = relative(root, path);
  if (rel === "" || rel === ".." || rel.startsWith(`..${sep}`) || isAbsolute(rel)) return null;
  return rel.split(sep).join("/");
}

const PROTECTED = new Set([".git", ".remedy"]);

/** Checks `file` (absolute, or relative to root) against the root as given and as resolved (`realRoot`). */
export function targetOf(root: string, realRoot: string, file: string): Target {
  const given = resolve(root, file);
  if (relativeInside(resolve(root), given) === null && relativeInside(realRoot, given) === null) {
    return { ok: false, reason: "outside-root", message: `${file} is outside the repository root ${realRoot}` };
  }
  let real: string;
  try {
    lstatSync(given);
    real = realpathSync(given);
  } catch {
    return { ok: false, reason: "not-a-file", message: `${file} does not exist (or a symlink on its way is broken)` };
  }
  const rel = relativeInside(realRoot, real);
  if (rel === null) {
    return {
      ok: false,
      reason: "symlink-outside",
      message: `${file} leads through a symlink to ${real}, outside the root`,
    };
  }
  if (PROTECTED.has(rel.split("/")[0]!)) {
    return { ok: false, reason: "protected", message: `${rel}: remedy never edits git's directory or its own cache` };
  }
  const st = statSync(real);
  if (!st.isFile()) return { ok: false, reason: "not-a-file", message: `${rel} is not a regular file` };
  const bytes = readFileSync(real);
  return { ok: true, path: real, rel, bytes, hash: sha256(bytes), mode: st.mode & 0o7777 };
}
