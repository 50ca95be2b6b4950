// The scan stage's public face: one scan of a repository (discover -> facts -> model -> analyzers, with the scan
// result cache), a session that keeps state between scans, watch mode; and the orchestration of the commands built
// on scans: audit (scanAndAudit), fix's re-check, verify, `remedy check` against a baseline, and the history of runs
// in .remedy/history.sqlite.

export { type CheckOptions, type CheckResult, checkRepository, DEFAULT_BASELINE } from "./checkRun.ts";
export { checkFixes, type FixCheck } from "./fixCheck.ts";
export { type FixOptions, type FixRun, fixRepository } from "./fixRun.ts";
export {
  gitCommit,
  type HistoryOptions,
  type HistoryTrend,
  historyFile,
  historyTrend,
  type RecordedRun,
  recordRun,
} from "./history.ts";
export { type Remediation, scanAndAudit } from "./remediation.ts";
export { type PreparedAnalysis, prepareAnalysis, type ScanOptions, type ScanStage, scan } from "./scan.ts";
export { ScanSession } from "./scanSession.ts";
export { BaselineFileError, type VerifyOptions, verifyRepository } from "./verifyRun.ts";
export { type ScanWatch, type WatchOptions, watchScan } from "./watch.ts";
