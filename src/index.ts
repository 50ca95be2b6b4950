// remedy's library API: every command of the CLI is one call here. Functions return data and never print.

import { type Plan, planWorkstreams } from "./plan/index.ts";
import type { FileFacts } from "./python/index.ts";
import { type ConfirmedFactsOptions, confirmedFacts } from "./python/index.ts";
import { loadReporter } from "./report/index.ts";
import { historyTrend, type Remediation, type ScanOptions, scanAndAudit } from "./scan/index.ts";

export {
  AUDIT_KINDS,
  type AuditFinding,
  type AuditKindInfo,
  type AuditResult,
  FINDING_KINDS,
  type Finding,
  type FindingKindInfo,
  type ScanResult,
  ssotRegistryMarkdown,
} from "./analyze/index.ts";
export { ConfigError, type Invocation, type PytestView, type PytestViewOptions, pytestView } from "./discover/index.ts";
export { ConfigFileError, RemedyError } from "./errors.ts";
export { codemodsFor, type Fix, UndoError, type UndoOutcome, type Unfixed, undoLast } from "./fix/index.ts";
export { type Plan, planSummary, planWorkstreams, type Workstream, workstreamBrief } from "./plan/index.ts";
export type * from "./python/index.ts";
export { extractFacts, readFileFacts } from "./python/index.ts";
export {
  auditText,
  checkText,
  historyText,
  loadReporter,
  REPORT_FORMAT_DESCRIPTIONS,
  REPORT_FORMATS,
  type Report,
  verifyText,
} from "./report/index.ts";
export {
  BaselineFileError,
  type CheckOptions,
  type CheckResult,
  checkRepository,
  DEFAULT_BASELINE,
  type FixOptions,
  type FixRun,
  fixRepository,
  type HistoryTrend,
  historyTrend,
  type RecordedRun,
  type Remediation,
  recordRun,
  type ScanOptions,
  ScanSession,
  type ScanWatch,
  scan,
  scanAndAudit,
  type VerifyOptions,
  verifyRepository,
  type WatchOptions,
  watchScan,
} from "./scan/index.ts";
export type { CollectionReport, RunCollectionOptions, VerifyResult } from "./verify/index.ts";
export { runCollection, summarize } from "./verify/index.ts";

export const VERSION = "0.1.0";

/** Source facts of each file (`remedy facts`), syntax confirmed by CPython when `python` is given. */
export function facts(paths: string[], options: ConfirmedFactsOptions = {}): Promise<FileFacts[]> {
  return confirmedFacts(paths, options);
}

/** `remedy audit`: the scan and the architecture audit of the repository at `path`, on one model. */
export function audit(path: string, options: ScanOptions = {}): Promise<Remediation> {
  return scanAndAudit(path, options);
}

/** `remedy plan`: the findings of scan and audit split into `teams` parallel workstreams. */
export async function plan(
  path: string,
  options: ScanOptions & { teams: number },
): Promise<Remediation & { plan: Plan }> {
  const { teams, ...scanOptions } = options;
  const remediation = await scanAndAudit(path, scanOptions);
  return { ...remediation, plan: planWorkstreams({ scan: remediation.scan, audit: remediation.audit, teams }) };
}

/** `remedy report`: the remediation report of the repository at `path` in `format` (md, html, sarif, json). */
export async function report(
  path: string,
  options: ScanOptions & { format: string; teams?: number },
): Promise<{ text: string; remediation: Remediation & { plan: Plan } }> {
  const { format, teams = 1, ...scanOptions } = options;
  const render = await loadReporter(format); // an unknown format fails before the scan
  const remediation = await plan(path, { ...scanOptions, teams });
  const text = render(
    {
      scan: remediation.scan,
      audit: remediation.audit,
      plan: remediation.plan,
      flows: remediation.config.flows,
      ...(format === "html" && scanOptions.cache !== false
        ? { history: historyTrend(remediation.scan.root, { limit: 100 }).runs }
        : {}),
    },
    { version: VERSION },
  );
  return { text, remediation };
}
