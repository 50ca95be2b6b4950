// Compares the two sides file by file and scores remedy: a finding is (test file, exception type, message) of the
// error pytest reports for that file; precision and recall per group (mutation kind, "clean", ...).
import type { CollectionReport } from "../../src/verify/index.ts";
import { type FileError, type RuntimeCause, runtimeCause, type Verdicts } from "./verdicts.ts";

export type Outcome = "agree-collect" | "agree-fail" | "disagree" | "runtime";

export interface FileComparison {
  group: string;
  /** The run (tree) it belongs to, and the mutation behind it, for reproduction. */
  run: string;
  mutation: string | null;
  file: string;
  pytest: FileError | null;
  remedy: FileError | null;
  outcome: Outcome;
  cause?: RuntimeCause;
}

const same = (a: FileError | null, b: FileError | null) =>
  a === null || b === null ? a === b : a.type === b.type && a.message === b.message;

export interface CompareContext {
  run: string;
  report: CollectionReport;
  root: string;
  groupOf: (file: string) => { group: string; mutation: string | null };
  isInstalled: (top: string) => boolean;
  inRepo: (top: string) => boolean;
}

export function compareVerdicts(py: Verdicts, rm: Verdicts, ctx: CompareContext): FileComparison[] {
  const out: FileComparison[] = [];
  const push = (file: string, p: FileError | null, r: FileError | null) => {
    const { group, mutation } = ctx.groupOf(file);
    const base = { group, run: ctx.run, mutation, file, pytest: p, remedy: r };
    const raised = ctx.report.errors.find((e) => e.relpath === file || e.nodeid === file) ?? null;
    const cause = p ? runtimeCause(p, raised, ctx.isInstalled, ctx.inRepo) : null;
    if (cause && !same(p, r)) out.push({ ...base, outcome: "runtime", cause });
    else if (same(p, r))
      out.push({ ...base, outcome: p ? "agree-fail" : "agree-collect", ...(cause ? { cause } : {}) });
    else out.push({ ...base, outcome: "disagree" });
  };
  if (py.session || rm.session) {
    push("<session>", py.session, rm.session);
    if (py.session) return out;
  }
  const files = new Set([...py.files.keys(), ...rm.files.keys()]);
  for (const f of [...files].sort()) push(f, py.files.get(f) ?? null, rm.files.get(f) ?? null);
  return out;
}

export interface GroupScore {
  group: string;
  files: number;
  agreeCollect: number;
  tp: number;
  fp: number;
  fn: number;
  runtime: number;
  precision: number;
  recall: number;
}

/** Runtime failures are out of the score (counted apart); a wrong error on a failing file is both an FP and an FN. */
export function score(rows: FileComparison[], group: string): GroupScore {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let runtime = 0;
  let agreeCollect = 0;
  for (const r of rows) {
    if (r.outcome === "runtime") runtime += 1;
    else if (r.outcome === "agree-collect") agreeCollect += 1;
    else if (r.outcome === "agree-fail") tp += 1;
    else {
      if (r.remedy) fp += 1;
      if (r.pytest) fn += 1;
    }
  }
  return {
    group,
    files: rows.length,
    agreeCollect,
    tp,
    fp,
    fn,
    runtime,
    precision: tp + fp === 0 ? 1 : tp / (tp + fp),
    recall: tp + fn === 0 ? 1 : tp / (tp + fn),
  };
}

export function scoresByGroup(rows: FileComparison[]): GroupScore[] {
  const groups = [...new Set(rows.map((r) => r.group))].sort();
  return [
    ...groups.map((g) =>
      score(
        rows.filter((r) => r.group === g),
        g,
      ),
    ),
    score(rows, "overall"),
  ];
}

export function formatTable(scores: GroupScore[]): string {
  const head = ["group", "files", "collect=", "TP", "FP", "FN", "runtime", "precision", "recall"];
  const body = scores.map((s) => [
    s.group,
    String(s.files),
    String(s.agreeCollect),
    String(s.tp),
    String(s.fp),
    String(s.fn),
    String(s.runtime),
    s.precision.toFixed(3),
    s.recall.toFixed(3),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  return [line(head), ...body.map(line)].join("\n");
}

export function formatDisagreement(r: FileComparison): string {
  const show = (e: FileError | null) => (e ? `${e.type}: ${e.message}` : "collects");
  return [
    `[${r.group}] ${r.run} ${r.file}${r.mutation ? `\n    mutation: ${r.mutation}` : ""}`,
    `    pytest: ${show(r.pytest)}`,
    `    remedy: ${show(r.remedy)}`,
  ].join("\n");
}
