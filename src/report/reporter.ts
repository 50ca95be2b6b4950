// A reporter turns a scan result (and, for `remedy report`, the audit and the plan) into text; it never prints and
// never decides exit codes.
import type { AuditResult, ScanResult } from "../analyze/index.ts";
import type { Plan } from "../plan/index.ts";

/** What `remedy report` renders: the scan, and the audit and plan when they were computed. */
export interface Report {
  scan: ScanResult;
  audit?: AuditResult;
  plan?: Plan;
}

export interface ReportOptions {
  /** ANSI colours (the CLI sets this only on a TTY without NO_COLOR). */
  color?: boolean;
}

export type Reporter = (result: ScanResult, options?: ReportOptions) => string;
