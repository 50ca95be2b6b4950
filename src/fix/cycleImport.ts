// What both cycle codemods need: the module-level import statements of a circular-import finding that could be
// moved (the failing statement first, then the cycle's other steps), each with its whole logical line and every
// use of the names it binds elsewhere in the file.
import type { Finding } from "../analyze/index.ts";
import {
  factsOfText,
  type ImportFact,
  type LogicalLine,
  logicalLines,
  type NameUse,
  nameUses,
} from "../python/index.ts";
import { absolute, type FixContext } from "./fixContext.ts";

export interface MovableImport {
  file: string;
  text: string;
  stmt: LogicalLine;
  fact: ImportFact;
  uses: NameUse[];
  futureAnnotations: boolean;
  bindsTypeChecking: boolean;
}

/** Candidates in order, or the reason none is movable. */
export function movableImports(finding: Finding, context: FixContext): MovableImport[] | string {
  const steps = [
    { file: finding.file, line: finding.line },
    ...(finding.cycle ?? []).map((s) => ({ file: s.file, line: s.line })),
  ];
  const out: MovableImport[] = [];
  const reasons: string[] = [];
  const seen = new Set<string>();
  for (const step of steps) {
    const file = step.file.startsWith("/") ? step.file : absolute(context.scan, step.file);
    if (seen.has(`${file}:${step.line}`)) continue;
    seen.add(`${file}:${step.line}`);
    const text = context.read(file);
    const facts = factsOfText(text, file);
    const fact = facts.imports.find((i) => i.line === step.line);
    if (fact?.scope !== "module" || fact.conditional || fact.typeChecking || fact.caught) {
      reasons.push(`${step.file}:${step.line} is not a plain module-level import`);
      continue;
    }
    const stmt = logicalLines(text).find((l) => l.line === step.line);
    if (stmt?.indent !== 0 || stmt.tokens.some((t) => t.text === ";")) {
      reasons.push(`${step.file}:${step.line} shares its line with another statement`);
      continue;
    }
    if (fact.names.some((n) => n.name === "*")) {
      reasons.push(`${step.file}:${step.line} is a star import`);
      continue;
    }
    const bound = new Set(fact.names.map((n) => n.asname ?? n.name.split(".")[0]!));
    const uses = nameUses(text, bound).filter((u) => u.offset < stmt.start || u.offset >= stmt.end);
    out.push({
      file,
      text,
      stmt,
      fact,
      uses,
      futureAnnotations: facts.futureAnnotations,
      bindsTypeChecking: facts.bindings.some((b) => b.name === "TYPE_CHECKING"),
    });
  }
  return out.length ? out : reasons.join("; ") || "the cycle has no import statement";
}

/** The statement's source text without its line break. */
export const statementText = (m: MovableImport): string =>
  m.text.slice(m.stmt.start, m.stmt.end).replace(/(\r\n|\r|\n)$/, "");

/** Offset where `from __future__ import annotations` goes: after the module docstring and any comment lines or
 *  future imports before the first statement. */
export function futureImportOffset(text: string): number {
  const lines = logicalLines(text);
  let at = 0;
  for (const l of lines) {
    const t = l.tokens;
    const docstring = l === lines[0] && t.length === 1 && t[0]!.kind === "string";
    const future = t[0]?.text === "from" && t[1]?.text === "__future__";
    if (!docstring && !future) break;
    at = l.end;
  }
  return at;
}
