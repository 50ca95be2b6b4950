// The scan stage's public face: one scan of a repository (discover -> facts -> model -> analyzers, with the scan
// result cache), a session that keeps state between scans, and watch mode.

export { checkFixes, type FixCheck } from "./fixCheck.ts";
export { type Remediation, scanAndAudit } from "./remediation.ts";
export { type PreparedAnalysis, prepareAnalysis, type ScanOptions, type ScanStage, scan } from "./scan.ts";
export { ScanSession } from "./session.ts";
export { BaselineFileError, type VerifyOptions, verifyRepository } from "./verifyRun.ts";
export { type ScanWatch, type WatchOptions, watchScan } from "./watch.ts";
