// `remedy plan`: the findings split into N workstreams that can proceed in parallel. Findings that must be done
// together (fixGroups.ts) stay together; the groups are balanced by effort (estimatedEffort.ts) with
// longest-processing-time first: the biggest group goes to the least loaded stream. Collection groups are placed
// before audit-only ones, so architecture work (phase 2) fills the streams that have the least collection work.
import { dirname } from "node:path";
import type { AuditResult, ScanResult } from "../analyze/index.ts";
import { RemedyError } from "../errors.ts";
import { EFFORT_MODEL } from "./estimatedEffort.ts";
import { type FixGroup, fixGroups, isGate } from "./fixGroups.ts";
import { auditItem, byOrderOfWork, collectCommand, collectionItem, planItem, type WorkItem } from "./workItems.ts";
import type { Plan, Workstream } from "./workstream.ts";

export interface PlanInput {
  scan: ScanResult;
  audit?: AuditResult;
  /** How many people or agents work in parallel (a positive integer). */
  teams: number;
}

const byKey = (a: FixGroup, b: FixGroup): number => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/** Longest-processing-time first: collection groups, then audit-only ones, each biggest first. */
function balance(groups: FixGroup[], streams: number): FixGroup[][] {
  const order = [...groups].sort(
    (a, b) => Number(b.collection) - Number(a.collection) || b.effort - a.effort || byKey(a, b),
  );
  const bins: { load: number; groups: FixGroup[] }[] = Array.from({ length: streams }, () => ({ load: 0, groups: [] }));
  for (const group of order) {
    // The least loaded stream; the first of equals, so that the outcome never depends on anything but the input.
    const bin = bins.reduce((least, b) => (b.load < least.load ? b : least));
    bin.groups.push(group);
    bin.load += group.effort;
  }
  return bins.map((b) => b.groups);
}

/** "missing name, unregistered marker in pytest.ini, tests/integration": what the stream is about, where. */
function titleOf(items: WorkItem[], files: string[]): string {
  const labels = [...new Set(items.map((i) => i.label))];
  const dirs = [...new Set(files.map((f) => (dirname(f) === "." ? f : dirname(f))))];
  const where = dirs.length > 3 ? `${dirs.slice(0, 3).join(", ")} and ${dirs.length - 3} more` : dirs.join(", ");
  return `${labels.join(", ")}${where ? ` in ${where}` : ""}`;
}

function workstream(groups: FixGroup[]): Omit<Workstream, "id" | "mustNotTouch"> {
  const items = groups.flatMap((g) => g.items).sort(byOrderOfWork);
  const files = [...new Set(items.flatMap((i) => i.files))].sort();
  const testFiles = [...new Set(items.flatMap((i) => [...i.blocks, ...i.hiddenIn]))].sort();
  return {
    title: titleOf(items, files),
    findings: items.map((i) => i.finding),
    order: items.map(planItem),
    files,
    commands: [...items.map((i) => i.commands[0]!), ...(testFiles.length > 0 ? [collectCommand(testFiles)] : [])],
    effort: items.reduce((sum, i) => sum + i.effort, 0),
    unblocksTests: items.reduce((sum, i) => sum + i.tests, 0),
  };
}

function gateNotes(items: WorkItem[], workstreams: Workstream[], testFiles: number): string[] {
  return items
    .filter((i) => isGate(i, testFiles))
    .map((gate) => {
      const ws = workstreams.find((w) => w.findings.includes(gate.finding))!;
      return (
        `${gate.finding} blocks every test file (pytest stops there): ${ws.id} fixes it first; every other ` +
        "finding is behind it, so the other workstreams can make their changes but prove them only once it is fixed."
      );
    });
}

function notesOf(teams: number, groups: number, streams: number): string[] {
  if (groups === 0) return ["Nothing to plan: the scan found no collection errors and the audit no findings."];
  if (streams >= teams) return [];
  return [
    `${teams} teams asked for, but the findings form only ${groups} independent group${groups === 1 ? "" : "s"} ` +
      `(findings that edit a common file, or where one hides another, go to one workstream): ` +
      `${streams} workstream${streams === 1 ? "" : "s"}.`,
  ];
}

export function planWorkstreams(input: PlanInput): Plan {
  const { scan, audit, teams } = input;
  if (!Number.isInteger(teams) || teams < 1) throw new RemedyError(`--teams must be a positive integer, not ${teams}`);
  const items = [...scan.findings.map((f) => collectionItem(f, scan)), ...(audit?.findings ?? []).map(auditItem)];
  const groups = fixGroups(items, scan.testFiles.length);
  const count = Math.min(teams, groups.length);
  const streams = balance(groups, count)
    .map(workstream)
    .sort(
      (a, b) => b.unblocksTests - a.unblocksTests || b.effort - a.effort || (a.findings[0]! < b.findings[0]! ? -1 : 1),
    );
  const workstreams = streams.map(
    (s, i): Workstream => ({
      id: `ws-${i + 1}`,
      ...s,
      mustNotTouch: [...new Set(streams.flatMap((o) => (o === s ? [] : o.files)))].sort(),
    }),
  );
  const notes = [...notesOf(teams, groups.length, count), ...gateNotes(items, workstreams, scan.testFiles.length)];
  return { teams, workstreams, effortModel: { ...EFFORT_MODEL }, notes };
}
