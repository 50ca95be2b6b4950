// A reporter turns a scan result into text; it never prints and never decides exit codes.
import type { ScanResult } from "../analyze/index.ts";

export interface ReportOptions {
  /** ANSI colours (the CLI sets this only on a TTY without NO_COLOR). */
  color?: boolean;
}

export type Reporter = (result: ScanResult, options?: ReportOptions) => string;
