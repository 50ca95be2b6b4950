// A reporter turns a scan result (and, for `remedy report`, the audit and the plan) into text; it never prints and
// never decides exit codes.
import type { AuditResult, RunRecord, ScanResult } from "../analyze/index.ts";
import type { BusinessFlow } from "../discover/index.ts";
import type { Plan } from "../plan/index.ts";

/** What `remedy report` renders: the scan, and the audit and plan when they were computed. */
export interface Report {
  scan: ScanResult;
  audit?: AuditResult;
  plan?: Plan;
  /** User flows from [tool.remedy] (RemedyConfig.flows): the business impact is reported per flow when given. */
  flows?: BusinessFlow[];
  /** Recorded runs of scan, verify and check (.remedy/history.sqlite), oldest first: the HTML report draws the
   *  trend. Left out of the Markdown report, whose bytes depend only on the tree. */
  history?: RunRecord[];
}

export interface ReportOptions {
  /** ANSI colours (the CLI sets this only on a TTY without NO_COLOR). */
  color?: boolean;
  /** remedy's version, for formats that name the tool (SARIF's tool.driver.version); left out when not given. */
  version?: string;
}

export type Reporter = (report: Report, options?: ReportOptions) => string;
