// SARIF fixes, only where a suggestion names the exact text to write and the statement it goes in is known: a
// renamed name in its import, the module of a one-name `from M import N` that names a module N is not in, an
// audit proposal's line-for-line change. Anything less certain stays a sentence in the result's message.
import type { ArtifactChange, Fix } from "sarif";
import { type AuditFinding, type Finding, statementAt } from "../analyze/index.ts";

const SRCROOT = "%SRCROOT%";

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function replaceOnce(f: Finding, statement: string, old: RegExp, text: string, description: string): Fix | null {
  const hits = [...statement.matchAll(old)];
  if (hits.length !== 1) return null;
  const hit = hits[0]!;
  const start = hit.index! + (hit[1]?.length ?? 0);
  const length = hit[0].length - (hit[1]?.length ?? 0);
  const change: ArtifactChange = {
    artifactLocation: { uri: f.file, uriBaseId: SRCROOT },
    replacements: [
      {
        deletedRegion: { startLine: f.line, startColumn: f.col + start + 1, endColumn: f.col + start + length + 1 },
        insertedContent: { text },
      },
    ],
  };
  return { description: { text: description }, artifactChanges: [change] };
}

export function collectionFixes(f: Finding): Fix[] {
  const statement = statementAt(f);
  // One broken statement only: the other sites' text is not known.
  if (!statement || (f.sites && f.sites.length > 1) || f.kind !== "missing-name") return [];
  const fixes: (Fix | null)[] = [];
  for (const s of f.suggestions) {
    const d = s.data ?? {};
    if (s.kind === "renamed" && typeof d.was === "string" && typeof d.name === "string")
      fixes.push(
        replaceOnce(f, statement, new RegExp(`(?<=\\bimport\\b.*)\\b${escapeRe(d.was)}\\b`, "g"), d.name, s.message),
      );
    const single = /^from\s+([\w.]+)\s+import\s+(\w+)(\s+as\s+\w+)?\s*(#.*)?$/.exec(statement);
    if (s.kind === "relocated" && typeof d.module === "string" && single?.[1] === f.module && single[2] === f.name)
      fixes.push(
        replaceOnce(f, statement, new RegExp(`(^from\\s+)${escapeRe(f.module!)}\\b`, "g"), d.module, s.message),
      );
  }
  return fixes.filter((x): x is Fix => x !== null);
}

/** An audit proposal's changes as one fix: each replaces its whole line (`from` is the statement as written). */
export function auditFixes(f: AuditFinding): Fix[] {
  const changes = (f.proposal?.changes ?? []).filter(
    (c) => c.line > 0 && !c.from.includes("\n") && !c.to.includes("\n"),
  );
  if (!f.proposal || changes.length === 0) return [];
  const byFile = new Map<string, typeof changes>();
  for (const c of changes) byFile.set(c.file, [...(byFile.get(c.file) ?? []), c]);
  return [
    {
      description: { text: f.proposal.summary },
      artifactChanges: [...byFile].map(([file, cs]) => ({
        artifactLocation: { uri: file, uriBaseId: SRCROOT },
        replacements: cs.map((c) => ({
          deletedRegion: { startLine: c.line, snippet: { text: c.from } },
          insertedContent: { text: c.to },
        })),
      })),
    },
  ];
}
