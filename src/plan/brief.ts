// A workstream's brief: Markdown that a person or a coding agent given only this text can act on: the goal, the
// items in order with everything remedy knows about each, the files it owns and those it must not touch, and the
// commands that prove it done. Deterministic: no timestamps, no absolute paths.
import type { AuditResult, ScanResult } from "../analyze/index.ts";
import { auditItemBrief, code, collectionItemBrief } from "./briefItems.ts";
import type { Plan, Workstream } from "./workstream.ts";

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;

function goal(ws: Workstream, scan: ScanResult): string[] {
  const phases = ws.order.map((i) => i.phase ?? "unblock");
  const count = (p: string): number => phases.filter((x) => x === p).length;
  const testFiles = new Set(
    ws.findings.flatMap((id) => scan.findings.find((f) => f.id === id)?.blocks.testFiles ?? []),
  );
  const parts = [
    `${count("unblock")} collection error${count("unblock") === 1 ? "" : "s"} pytest reports today`,
    count("hidden") > 0 ? `${count("hidden")} hidden behind them` : "",
    count("check-after") > 0
      ? `${count("check-after")} possible error${count("check-after") === 1 ? "" : "s"} to check`
      : "",
    count("architecture") > 0 ? `${plural(count("architecture"), "architecture finding")} (phase 2)` : "",
  ].filter(Boolean);
  return [
    "## Goal",
    "",
    `Fix ${plural(ws.order.length, "finding")}: ${parts.join(", ")}. Once done, ${plural(ws.unblocksTests, "test")} in ` +
      `${plural(testFiles.size, "test file")} collect again. Estimated effort: ${ws.effort} points ` +
      "(1 point is about half an hour of a person who knows Python but not this repository).",
  ];
}

function rules(plan: Plan, scan: ScanResult): string[] {
  const others = plan.workstreams.length - 1;
  return [
    "## How to work",
    "",
    `- Run every command from pytest's rootdir${scan.configfile ? ` (the directory that holds ${code(scan.configfile)})` : ""}, with the Python environment the test suite runs in.`,
    "- Do the items in the order below: the first ones unblock the most tests, and an error hidden behind another only shows once that one is fixed.",
    others > 0
      ? `- ${plural(others, "other workstream")} work at the same time. Edit only the files you own; if a fix seems to need a file you must not touch, stop and say so instead of editing it.`
      : "- Yours is the only workstream; still, edit only the files listed as yours unless a fix clearly needs another.",
    "- `remedy scan --only ID` prints only that finding and exits 0 once it is gone.",
  ];
}

function fileList(title: string, files: string[], none: string): string[] {
  return [`## ${title}`, "", ...(files.length > 0 ? files.map((f) => `- ${code(f)}`) : [none])];
}

function items(ws: Workstream, scan: ScanResult, audit: AuditResult | undefined): string[] {
  const lines = ["## Work items, in order"];
  const blockers = new Map(scan.testFiles.map((t) => [t.file, t.blockedBy]));
  const blockerOf = (file: string): string | null => blockers.get(file) ?? null;
  ws.order.forEach((item, i) => {
    const finding = scan.findings.find((f) => f.id === item.finding);
    const auditFinding = audit?.findings.find((f) => f.id === item.finding);
    const body = finding
      ? collectionItemBrief(i + 1, item, finding, blockerOf)
      : auditFinding
        ? auditItemBrief(i + 1, item, auditFinding)
        : [`### ${i + 1}. ${item.title}`, "", `- **Finding**: ${code(item.finding)} (not in the scan given)`];
    lines.push("", ...body);
  });
  return lines;
}

function done(ws: Workstream): string[] {
  return [
    "## Definition of done",
    "",
    ...ws.order.map((i) => `- [ ] ${code(i.finding)}: ${code(i.commands[0]!)} exits 0`),
    ...ws.commands.filter((c) => !c.startsWith("remedy ")).map((c) => `- [ ] ${code(c)} reports no collection error`),
    '- [ ] `git diff --name-only` lists only files under "Files you own" (or new files a fix needed, said so)',
    "- [ ] `remedy scan` reports no finding in the files you own that was not there before",
  ];
}

export function workstreamBrief(plan: Plan, ws: Workstream, scan: ScanResult, audit?: AuditResult): string {
  const index = plan.workstreams.indexOf(ws) + 1;
  const of = plan.workstreams.length;
  return [
    `# Workstream ${ws.id}: ${ws.title}`,
    "",
    `One of ${plural(of, "workstream")} (${index} of ${of}) that together fix what stops this repository's pytest ` +
      "suite from collecting. This brief is self-contained: everything needed is below.",
    "",
    ...goal(ws, scan),
    "",
    ...((plan.notes ?? []).length > 0 ? ["## About the whole plan", "", ...plan.notes!.map((n) => `- ${n}`), ""] : []),
    ...rules(plan, scan),
    "",
    ...fileList("Files you own", ws.files, "None: the fixes change the environment, not the repository."),
    "",
    ...fileList("Files you must not touch", ws.mustNotTouch, "None: no other workstream edits files."),
    "",
    ...items(ws, scan, audit),
    "",
    ...done(ws),
    "",
  ].join("\n");
}
