// One work item of a brief, in Markdown: everything about its finding that a person (or an agent) needs to fix it
// without running remedy first: where, what pytest prints, the chain, what to do, and how to prove it done.
import type { AuditFinding, ChainStep, Finding } from "../analyze/index.ts";
import { kindLabel } from "../analyze/index.ts";
import type { PlanItem } from "./workstream.ts";

/** Inline code that survives backticks in the text (Markdown: a longer fence and spaces). */
export function code(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longest + 1);
  return longest === 0 ? `${fence}${text}${fence}` : `${fence} ${text} ${fence}`;
}

/** Past this many, a list of test files or of a third-party import's sites names the first ones and a count. */
const MAX_LISTED = 20;

function list(files: readonly string[]): string {
  const shown = files.slice(0, MAX_LISTED).map(code).join(", ");
  return files.length > MAX_LISTED ? `${shown} and ${files.length - MAX_LISTED} more` : shown;
}

function steps(chain: readonly ChainStep[]): string[] {
  return chain.map((s, i) => `   ${i + 1}. ${code(`${s.file}:${s.line}`)} ${code(s.statement.trim())}`);
}

function proof(item: PlanItem, gone: string): string[] {
  return [
    `- **Done when** these succeed (from pytest's rootdir): ${gone}`,
    "  ```sh",
    ...item.commands.map((c) => `  ${c}`),
    "  ```",
  ];
}

const PHASE_NOTE: Record<NonNullable<PlanItem["phase"]>, string> = {
  unblock: "",
  hidden:
    "- **Hidden today**: pytest stops at an earlier error in the same file; this one appears once that is fixed, so do it after the items above.",
  "check-after":
    "- **Possible, not certain**: check whether it happens once the items above are done; fix it only if it does.",
  architecture:
    "- **Architecture (phase 2)**: do it only after every collection error of this workstream is fixed; it blocks no test today.",
};

/** The finding pytest reports in a test file (scan.testFiles' blockedBy), to say what another one is behind. */
export type BlockerOf = (testFile: string) => string | null;

export function collectionItemBrief(n: number, item: PlanItem, f: Finding, blockerOf: BlockerOf): string[] {
  // Every site of an import is an edit, except a third-party module's: installing it fixes them all.
  const all = f.sites && f.sites.length > 1 ? f.sites : null;
  const sites = all && f.kind === "missing-third-party" ? all.slice(0, MAX_LISTED) : all;
  const more = all && sites && all.length > sites.length ? ` and ${all.length - sites.length} more` : "";
  const blocked = f.blocks.testFiles.length;
  const lines = [
    `### ${n}. ${item.title}`,
    "",
    `- **Finding**: ${code(f.id)} (${kindLabel(f.kind)}, ${f.severity}, ${item.effort} point${item.effort === 1 ? "" : "s"})`,
    `- **Where**: ${sites ? sites.map((s) => code(`${s.file}:${s.line}`)).join(", ") + more : code(`${f.file}:${f.line}`)}`,
    `- **pytest says**: ${code(f.exceptionType ? `${f.exceptionType}: ${f.message}` : f.message)}`,
  ];
  if (PHASE_NOTE[item.phase ?? "unblock"]) lines.push(PHASE_NOTE[item.phase ?? "unblock"]);
  if (f.condition) lines.push(`- **Happens when**: ${f.condition}`);
  if (f.chain.length > 0)
    lines.push("- **Chain** (from the test file down to the failing statement):", ...steps(f.chain));
  if (f.cycle && f.cycle.length > 0)
    lines.push("- **Cycle** (the statements that form it, in execution order):", ...steps(f.cycle));
  if (f.cause) lines.push(`- **Cause**: ${code(`${f.cause.file}:${f.cause.line}`)} ${code(f.cause.message)}`);
  if (blocked > 0) {
    const lower = f.blocks.testsLowerBound ? " (at least)" : "";
    lines.push(
      `- **Blocks today**: ${f.blocks.tests}${lower} tests in ${blocked} test file${blocked === 1 ? "" : "s"}: ${list(f.blocks.testFiles)}`,
    );
  }
  if (f.hiddenIn.length > 0) {
    lines.push("- **Behind another error in**:");
    for (const file of f.hiddenIn.slice(0, MAX_LISTED)) {
      const blocker = blockerOf(file);
      lines.push(`  - ${code(file)}${blocker ? `, behind ${code(blocker)}` : ""}`);
    }
    if (f.hiddenIn.length > MAX_LISTED) lines.push(`  - and ${f.hiddenIn.length - MAX_LISTED} more test files`);
  }
  lines.push("- **What to do**:");
  if (f.suggestions.length === 0)
    lines.push("  - remedy has no suggestion: read the chain above and fix the failing statement.");
  else lines.push(...f.suggestions.map((s, i) => `  - ${f.suggestions.length > 1 && i > 0 ? "or: " : ""}${s.message}`));
  lines.push(
    `- **Edits**: ${item.files.length > 0 ? list(item.files) : "no file of the repository (the environment: install what is missing)"}`,
  );
  lines.push(...proof(item, "remedy no longer reports the finding, and pytest collects the files without an error."));
  return lines;
}

export function auditItemBrief(n: number, item: PlanItem, f: AuditFinding): string[] {
  const lines = [
    `### ${n}. ${item.title}`,
    "",
    `- **Finding**: ${code(f.id)} (${f.kind}, ${f.severity}, ${item.effort} point${item.effort === 1 ? "" : "s"})`,
    `- **What**: ${f.message}`,
    PHASE_NOTE.architecture,
    "- **Sites**:",
    ...f.sites.map((s) => `  - ${code(`${s.file}:${s.line}`)} ${s.role} (${code(s.module)})`),
    "- **What to do**:",
  ];
  if (!f.proposal) lines.push("  - remedy proposes nothing: decide from the sites above.");
  else {
    lines.push(`  - ${f.proposal.summary}`);
    if (f.proposal.canonical) lines.push(`  - Canonical home: ${code(f.proposal.canonical)}`);
    for (const c of f.proposal.changes)
      lines.push(`  - ${code(`${c.file}:${c.line}`)}: ${code(c.from)} -> ${code(c.to)}`);
  }
  lines.push(`- **Edits**: ${item.files.length > 0 ? list(item.files) : "nothing remedy can name"}`);
  lines.push(...proof(item, "remedy no longer reports the finding."));
  return lines;
}
