// Which root causes of a baseline scan the real pytest no longer raises: a cause is resolved when none of the test
// files it blocked reports its error now, remaining while one still does. Errors pytest raises now that no
// baseline cause explains are new (often the next error, hidden behind the fixed one until now).
import type { Finding, ScanResult } from "../analyze/index.ts";
import type { FileErrorAt } from "./agreement.ts";
import type { CollectionReport } from "./collectionReport.ts";
import { type FileError, inScope, pytestVerdicts, remedyVerdicts, SESSION } from "./verdicts.ts";

/** What pytest says now of a file a baseline cause blocked. */
export type FileNow = "collects" | "same-error" | "other-error" | "not-seen";

/** resolved: no file reports the cause's error; remaining: some file still does; unobserved: pytest saw none of
 *  its files (outside the shard, deleted, behind a session error). */
export type CauseStatus = "resolved" | "remaining" | "unobserved";

export interface CauseOutcome {
  findingId: string;
  kind: Finding["kind"];
  file: string;
  line: number;
  /** The error the baseline predicted ("<session>" causes stop the whole session). */
  error: FileError;
  status: CauseStatus;
  files: { file: string; now: FileNow; error: FileError | null }[];
}

export interface ResolvedCauses {
  resolved: CauseOutcome[];
  remaining: CauseOutcome[];
  unobserved: CauseOutcome[];
  /** Errors pytest raises now that no baseline cause predicted for that file. */
  new: FileErrorAt[];
  counts: { baseline: number; resolved: number; remaining: number; unobserved: number; new: number };
}

const same = (a: FileError | null, b: FileError | null) =>
  a !== null && b !== null && a.type === b.type && a.message === b.message;

function statusOf(files: CauseOutcome["files"]): CauseStatus {
  if (files.some((f) => f.now === "same-error")) return "remaining";
  return files.some((f) => f.now !== "not-seen") ? "resolved" : "unobserved";
}

/** Compares the baseline's root causes with pytest's collection now; `only`: the test files pytest ran (a shard). */
export function resolvedCauses(
  baseline: ScanResult,
  report: CollectionReport,
  options: { only?: ReadonlySet<string> } = {},
): ResolvedCauses {
  const py = pytestVerdicts(report, report.session?.rootdir ?? baseline.rootdir);
  const before = remedyVerdicts(baseline);
  const byId = new Map(baseline.findings.map((f) => [f.id, f]));
  const filesOf = new Map<string, string[]>();
  for (const [file, id] of before.findingOf) {
    if (options.only && !inScope(file, options.only)) continue;
    filesOf.set(id, [...(filesOf.get(id) ?? []), file]);
  }
  const nowOf = (file: string, was: FileError): CauseOutcome["files"][number] => {
    if (py.session || !py.files.has(file)) return { file, now: "not-seen", error: py.session };
    const error = py.files.get(file) ?? null;
    return { file, now: error === null ? "collects" : same(error, was) ? "same-error" : "other-error", error };
  };
  const outcomes: CauseOutcome[] = [];
  const explained = new Set<string>();
  const outcome = (f: Finding, error: FileError, files: CauseOutcome["files"]) => {
    for (const x of files) if (x.now === "same-error") explained.add(x.file);
    outcomes.push({ findingId: f.id, kind: f.kind, file: f.file, line: f.line, error, status: statusOf(files), files });
  };
  if (before.session && before.sessionFinding) {
    const f = byId.get(before.sessionFinding)!;
    const now: FileNow =
      options.only?.size === 0
        ? "not-seen"
        : py.session === null
          ? "collects"
          : same(py.session, before.session)
            ? "same-error"
            : "other-error";
    outcome(f, before.session, [{ file: SESSION, now, error: py.session }]);
  }
  for (const [id, files] of filesOf) {
    const was = before.files.get(files[0]!)!;
    outcome(
      byId.get(id)!,
      was,
      files.sort().map((file) => nowOf(file, was)),
    );
  }
  const fresh: FileErrorAt[] = [];
  if (py.session && !explained.has(SESSION)) fresh.push({ file: SESSION, ...py.session });
  if (!py.session) {
    for (const [file, error] of [...py.files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      if (error && !explained.has(file) && (!options.only || inScope(file, options.only)))
        fresh.push({ file, ...error });
    }
  }
  const pick = (s: CauseStatus) => outcomes.filter((o) => o.status === s);
  const result = {
    resolved: pick("resolved"),
    remaining: pick("remaining"),
    unobserved: pick("unobserved"),
    new: fresh,
  };
  return {
    ...result,
    counts: {
      baseline: outcomes.length,
      resolved: result.resolved.length,
      remaining: result.remaining.length,
      unobserved: result.unobserved.length,
      new: fresh.length,
    },
  };
}
