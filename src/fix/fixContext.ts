// What every codemod is given and the small helpers they share: the file reader (codemods never touch the disk
// themselves, so a test or the re-check can hand them any text), hashes of what was read, and line offsets.
import { createHash } from "node:crypto";
import { join } from "node:path";
import type { Finding, ScanResult } from "../analyze/index.ts";
import type { Fix, TextEdit, Unfixed } from "./textEdit.ts";

export interface FixContext {
  /** The text of a file (absolute path) as the codemod should see it. */
  read(path: string): string;
  scan: ScanResult;
  /** The config file pytest uses (absolute), or null. */
  configfile: string | null;
  /** relocated-import adds a re-export to the module the code imports from instead of rewriting the importers. */
  reExport?: boolean;
}

/** One codemod: a pure function of a finding and the context. null: the finding is not its kind. */
export interface Codemod {
  name: string;
  /** Which findings it looks at (the rest are never passed to it). */
  kinds: Finding["kind"][];
  run(finding: Finding, context: FixContext): Fix | Unfixed | null;
}

export const sha256 = (text: string): string => createHash("sha256").update(Buffer.from(text, "utf8")).digest("hex");

export const absolute = (scan: ScanResult, rel: string): string => join(scan.rootdir, rel);

/** A Fix whose hashes are those of the texts its edits were computed from. */
export function makeFix(
  codemod: string,
  finding: string,
  safety: Fix["safety"],
  title: string,
  edits: TextEdit[],
  read: (path: string) => string,
): Fix {
  const hashes: Record<string, string> = {};
  for (const e of edits) hashes[e.file] ??= sha256(read(e.file));
  return { id: `${codemod}:${finding}`, codemod, finding, safety, title, edits, hashes };
}

export const unfixed = (codemod: string, finding: string, reason: string): Unfixed => ({ codemod, finding, reason });

export const isFix = (x: Fix | Unfixed): x is Fix => "edits" in x;

/** The text's lines with where each starts and ends (without its line break), and the line break it uses. */
export interface Lines {
  text: string;
  starts: number[];
  ends: number[];
  eol: string;
}

export function linesOf(text: string): Lines {
  const starts: number[] = [];
  const ends: number[] = [];
  const re = /\r\n|\r|\n/g;
  let at = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    starts.push(at);
    ends.push(m.index);
    at = m.index + m[0].length;
  }
  if (at < text.length || starts.length === 0) {
    starts.push(at);
    ends.push(text.length);
  }
  return { text, starts, ends, eol: text.includes("\r\n") ? "\r\n" : "\n" };
}

/** The text of 0-based line i. */
export const lineText = (l: Lines, i: number): string => l.text.slice(l.starts[i], l.ends[i]);

/** Where text inserted after 0-based line i goes: after its line break (or, on a last line without one, after a
 *  line break the insertion must itself begin with). */
export function afterLine(l: Lines, i: number): { at: number; lead: string } {
  const end = l.ends[i]!;
  const next = l.starts[i + 1];
  if (next !== undefined) return { at: next, lead: "" };
  return end < l.text.length ? { at: l.text.length, lead: "" } : { at: end, lead: l.eol };
}
