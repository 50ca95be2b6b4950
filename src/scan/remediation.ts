// One pass for `remedy audit`, `remedy report` and `remedy plan`: the scan's phases up to the model, then both the
// collection analyzers and the audit on the same model (the audit's debt score weighs the scan's findings too).
import {
  type AuditResult,
  buildAuditResult,
  buildScanResult,
  relPath,
  runAnalyzers,
  type ScanResult,
} from "../analyze/index.ts";
import { type RemedyConfig, readRemedyConfig } from "../discover/index.ts";
import { prepareAnalysis } from "./scan.ts";
import type { ScanOptions } from "./scanRun.ts";

export interface Remediation {
  scan: ScanResult;
  audit: AuditResult;
  /** remedy's own configuration ([tool.remedy] or remedy.toml; defaults when there is none). */
  config: RemedyConfig;
}

/** Scans and audits the repository at `path`. A broken [tool.remedy] throws ConfigFileError (the CLI exits 2). */
export async function scanAndAudit(path: string, options: ScanOptions = {}): Promise<Remediation> {
  const started = performance.now();
  const prepared = await prepareAnalysis(path, options);
  const { input } = prepared;
  const rootdir = input.session.rootdir;
  const config = readRemedyConfig(rootdir);
  const analysis = runAnalyzers(input);
  const scan = buildScanResult(input, prepared.root, analysis.findings, analysis.reportedFailures, 0, [
    ...prepared.limitations,
    ...analysis.limitations,
  ]);
  const audit = buildAuditResult({ analysis: input, config, rel: (p) => relPath(rootdir, p) }, scan);
  return { scan: { ...scan, durationMs: Math.round(performance.now() - started) }, audit, config };
}
