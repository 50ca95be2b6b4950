// The analyze stage's public face: the input the analyzers read (built by scan), running them, and the findings
// and scan result they produce (read by report, scan and the library API).
export type {
  AnalysisInput,
  ConfigKey,
  KnownModule,
  PytestSession,
  RegisteredMarker,
  RequirementEntry,
  StartupShadow,
} from "./analysisInput.ts";
export type { Analyzer, KindDocumentation } from "./analyzer.ts";
export { ANALYZERS } from "./analyzerRegistry.ts";
export { areaOf, relPath } from "./areas.ts";
export type {
  AuditFinding,
  AuditKind,
  AuditProposal,
  AuditResult,
  AuditSite,
  DebtLevel,
  DebtScore,
  ProposedChange,
  ServiceInfo,
} from "./audit/auditFinding.ts";
export type { AuditInput } from "./audit/auditInput.ts";
export { AUDIT_KINDS, type AuditKindInfo, auditKindLabel } from "./audit/auditKinds.ts";
export { AUDIT_ANALYZERS, type AuditAnalyzer, runAudit } from "./audit/auditRegistry.ts";
export { buildAuditResult } from "./audit/auditResult.ts";
export { debtLevel, debtScore } from "./audit/debtScore.ts";
export { servicesOf } from "./audit/services.ts";
export { ssotRegistryMarkdown } from "./audit/ssotRegistry.ts";
export {
  BASELINE_SCHEMA_VERSION,
  type Baseline,
  type BaselineComparison,
  type BaselineEntry,
  baselineJsonSchema,
  baselineOf,
  baselineText,
  type CheckItem,
  compareWithBaseline,
  parseBaseline,
  updatedBaseline,
} from "./baseline.ts";
export type { CheckResult } from "./checkResult.ts";
export type { Category, ChainStep, FailureCause, Finding, FindingKind, Suggestion } from "./finding.ts";
export { FINDING_KINDS, type FindingKindInfo, kindLabel } from "./findingKinds.ts";
export { auditFingerprint, findingFingerprint, statementAt, subjectOf } from "./fingerprint.ts";
export { type AnalysisResult, runAnalyzers } from "./runAnalyzers.ts";
export { type RunCommand, type RunFigures, type RunRecord, runRecordOf } from "./runRecord.ts";
export {
  buildScanResult,
  type CollectionTotals,
  type PytestExitCode,
  SCHEMA_VERSION,
  type ScanResult,
  type TestFileOutcome,
} from "./scanResult.ts";
