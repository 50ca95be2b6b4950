// Fingerprints that name a finding across runs and line moves: the SARIF reporter's `partialFingerprints`
// ("remedy/v1") and `remedy check`'s baseline are the same hash, so a finding GitHub code scanning has seen is the
// finding the baseline knows. Built from the kind, the file, the subject and the statement's normalized text; never
// a line number, so inserting lines above a finding leaves its fingerprint alone.
import { createHash } from "node:crypto";
import type { AuditFinding } from "./audit/auditFinding.ts";
import type { Finding } from "./finding.ts";

/** What the finding is about: the missing name, the missing module, the marker (null for a config key without one). */
export const subjectOf = (f: Pick<Finding, "kind" | "module" | "name">): string | null =>
  f.kind === "missing-module" || f.kind === "missing-third-party" ? f.module : f.name;

/** The statement written at the finding's own file and line, when its chain shows it. */
export const statementAt = (f: Pick<Finding, "file" | "line" | "chain">): string | null =>
  f.chain.find((s) => s.file === f.file && s.line === f.line)?.statement ?? null;

const sha256 = (parts: string[]): string => createHash("sha256").update(parts.join("\0")).digest("hex");

/** Whitespace runs as one space (re-indenting or re-spacing a statement is not a new finding); a message's
 *  absolute paths made relative to the rootdir and its `line N` dropped (a checkout elsewhere, or a line move, is
 *  not a new finding either). */
function normalized(text: string, rootdir: string | null): string {
  const relative = rootdir ? text.split(`${rootdir.replace(/\/$/, "")}/`).join("") : text;
  return relative
    .replace(/\bline \d+/g, "line")
    .trim()
    .replace(/\s+/g, " ");
}

/** The fingerprint of a collection finding: kind, file, subject and the broken statement's text (pytest's message
 *  when the statement is not known). `rootdir` is the scan's, for messages that name files absolutely. */
export function findingFingerprint(f: Finding, rootdir: string | null = null): string {
  return sha256([f.kind, f.file, subjectOf(f) ?? "", normalized(statementAt(f) ?? f.message, rootdir)]);
}

/** The fingerprint of an audit finding: its kind and subject (its id is `${kind}:${subject}`; no line in it). */
export function auditFingerprint(f: Pick<AuditFinding, "kind" | "id">): string {
  return sha256([f.kind, f.id]);
}
