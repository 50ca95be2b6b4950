// One finding as a unit of planned work: what to do, what it costs, which files it edits, when to do it and the
// commands that prove it done. Collection findings and audit findings meet here in one shape.
import { type AuditFinding, type Finding, kindLabel, type ScanResult } from "../analyze/index.ts";
import { auditEffort, findingEffort } from "./estimatedEffort.ts";
import { filesOfAuditFix, filesOfFix } from "./filesOfFix.ts";
import type { PlanItem } from "./workstream.ts";

export type Phase = NonNullable<PlanItem["phase"]>;

export interface WorkItem extends Required<PlanItem> {
  /** Tests the item unblocks (the finding's blocks.tests; 0 for hidden, possible and audit findings). */
  tests: number;
  /** Test files it blocks today (pytest reports it there). */
  blocks: string[];
  /** Test files where it sits behind another error. */
  hiddenIn: string[];
  /** The kind's label, for titles. */
  label: string;
  /** True for a fix in the environment (install a distribution): all of them are one task. */
  environment: boolean;
}

/** Phases in the order a stream does them. */
export const PHASES: readonly Phase[] = ["unblock", "hidden", "check-after", "architecture"];

/** A word quoted for a POSIX shell only when it needs it (ids and paths usually do not). */
export function shellWord(word: string): string {
  return /^[\w./:=@%+,-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}

/** Past this many test files a command collects the whole suite instead of naming them. */
export const MAX_NAMED_TEST_FILES = 20;

/** The pytest command that shows whether these test files collect (run from pytest's rootdir). */
export function collectCommand(testFiles: readonly string[]): string {
  const named = testFiles.length <= MAX_NAMED_TEST_FILES ? [...testFiles].sort().map(shellWord) : [];
  return ["python -m pytest --collect-only -q", ...named].join(" ");
}

function phaseOf(finding: Finding): Phase {
  if (finding.severity === "warning") return "check-after";
  return finding.hidden ? "hidden" : "unblock";
}

function what(finding: Finding): string {
  const subject = finding.name ?? finding.module;
  return `Fix ${kindLabel(finding.kind)}${subject ? ` \`${subject}\`` : ""} at ${finding.file}:${finding.line}`;
}

export function collectionItem(finding: Finding, scan: Pick<ScanResult, "configfile">): WorkItem {
  const testFiles = [...new Set([...finding.blocks.testFiles, ...finding.hiddenIn])].sort();
  const phase = phaseOf(finding);
  return {
    finding: finding.id,
    title: phase === "check-after" ? `Check whether it happens: ${what(finding)}` : what(finding),
    effort: findingEffort(finding),
    files: filesOfFix(finding, scan),
    commands: [
      `remedy scan --only ${shellWord(finding.id)}`,
      ...(testFiles.length > 0 ? [collectCommand(testFiles)] : []),
    ],
    phase,
    tests: phase === "unblock" ? finding.blocks.tests : 0,
    blocks: finding.blocks.testFiles,
    hiddenIn: finding.hiddenIn,
    label: kindLabel(finding.kind),
    environment: finding.kind === "missing-third-party",
  };
}

export function auditItem(finding: AuditFinding): WorkItem {
  return {
    finding: finding.id,
    title: `Resolve ${finding.kind} \`${finding.subject}\``,
    effort: auditEffort(finding),
    files: filesOfAuditFix(finding),
    commands: [`remedy audit --only ${shellWord(finding.id)}`],
    phase: "architecture",
    tests: 0,
    blocks: [],
    hiddenIn: [],
    label: finding.kind,
    environment: false,
  };
}

/** A stream's order: by phase, then the most tests unblocked first, then by id (deterministic). */
export function byOrderOfWork(a: WorkItem, b: WorkItem): number {
  return (
    PHASES.indexOf(a.phase) - PHASES.indexOf(b.phase) ||
    b.tests - a.tests ||
    (a.finding < b.finding ? -1 : a.finding > b.finding ? 1 : 0)
  );
}

/** The PlanItem a plan publishes (the contract's fields only). */
export function planItem(item: WorkItem): PlanItem {
  const { finding, title, effort, files, commands, phase } = item;
  return { finding, title, effort, files, commands, phase };
}
