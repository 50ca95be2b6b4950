// What `remedy check` returns (JSON-able, what `remedy check --json` prints): the comparison of one run with the
// baseline, and what became of the baseline file. Built by src/scan/checkRun.ts, printed by src/report/checkText.ts.
import type { BaselineEntry, CheckItem } from "./baseline.ts";
import type { ScanResult } from "./scanResult.ts";

export interface CheckResult {
  /** Absolute path of the baseline file. */
  baseline: string;
  /** True when nothing is new, or the baseline was just updated to accept it. */
  passed: boolean;
  /** "created" or "updated" when --update-baseline wrote the file, "unchanged" when it already said the same. */
  baselineWritten: "created" | "updated" | "unchanged" | null;
  /** Findings not in the baseline (with --update-baseline: the ones it now accepts). */
  new: CheckItem[];
  /** Baseline entries no longer found (with --update-baseline: the ones it dropped). */
  fixed: BaselineEntry[];
  known: CheckItem[];
  /** Audit entries of the baseline not checked (the audit did not run). */
  unchecked: number;
  /** Whether audit findings were compared. */
  audited: boolean;
  /** The scan's figures the text report leads with. */
  collection: ScanResult["collection"];
  /** Things that did not stop the check but a person should know (history not recorded, ...). */
  warnings: string[];
  durationMs: number;
}
