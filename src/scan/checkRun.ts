// `remedy check`: a CI gate that fails only on findings the baseline does not have, so a repository with hundreds
// of findings can adopt remedy and ratchet down. Scans (and audits, unless told not to), compares with the baseline
// by fingerprint (src/analyze/baseline.ts), writes the baseline atomically on --update-baseline (the fixed entries
// drop out: it only shrinks unless new findings are accepted), and records the run in the history.
// Exit codes for the CLI: 0 nothing new (or the baseline was updated), 1 something new, 2 a usage or config error.
import { join, resolve } from "node:path";
import {
  type AuditResult,
  type BaselineComparison,
  baselineText,
  type CheckResult,
  compareWithBaseline,
  parseBaseline,
  type ScanResult,
  updatedBaseline,
} from "../analyze/index.ts";
import { readOrNull, writeAtomic } from "../cache/index.ts";
import { RemedyError } from "../errors.ts";
import { recordRun } from "./history.ts";
import { scanAndAudit } from "./remediation.ts";
import { scan } from "./scan.ts";
import type { ScanOptions } from "./scanRun.ts";

export type { CheckResult };

export const DEFAULT_BASELINE = ".remedy-baseline.json";

export interface CheckOptions extends ScanOptions {
  /** The baseline file (relative to the current directory); default `.remedy-baseline.json` in the repository. */
  baseline?: string;
  /** Rewrite the baseline to this run's findings (creating it when missing): fixed entries drop out. */
  updateBaseline?: boolean;
  /** Also check the architecture audit's findings (default true). Without it, the baseline's audit entries are
   *  left as they are. */
  audit?: boolean;
  /** Record the run in .remedy/history.sqlite (default: when the cache is on). */
  history?: boolean;
}

function readBaseline(file: string, mayCreate: boolean) {
  const bytes = readOrNull(file);
  if (bytes === null) {
    if (mayCreate) return null;
    throw new RemedyError(
      `no baseline at ${file}: create it with \`remedy check --update-baseline --baseline ${file}\` and commit it`,
    );
  }
  const parsed = parseBaseline(bytes.toString("utf8"));
  if ("error" in parsed) throw new RemedyError(`${file}: not a remedy baseline: ${parsed.error}`);
  return parsed;
}

/** Checks the repository at `path` against its baseline. A missing or malformed baseline throws RemedyError
 *  (unless `updateBaseline`, which creates a missing one); so does a baseline that cannot be written. */
export async function checkRepository(path: string, options: CheckOptions = {}): Promise<CheckResult> {
  const started = performance.now();
  const { baseline: given, updateBaseline = false, audit: withAudit = true, history, ...scanOptions } = options;
  const file = resolve(given ?? join(resolve(path), DEFAULT_BASELINE));
  // Read before scanning: a usage error should not cost a scan.
  const baseline = readBaseline(file, updateBaseline) ?? { schemaVersion: 1 as const, entries: [] };
  let result: ScanResult;
  let audit: AuditResult | undefined;
  if (withAudit) ({ scan: result, audit } = await scanAndAudit(path, scanOptions));
  else result = await scan(path, scanOptions);
  const comparison: BaselineComparison = compareWithBaseline(baseline, result, audit);
  let baselineWritten: CheckResult["baselineWritten"] = null;
  if (updateBaseline) {
    const text = baselineText(updatedBaseline(comparison));
    const before = readOrNull(file)?.toString("utf8") ?? null;
    if (before === text) baselineWritten = "unchanged";
    else if (!writeAtomic(file, text)) throw new RemedyError(`cannot write the baseline ${file}`);
    else baselineWritten = before === null ? "created" : "updated";
  }
  const warnings: string[] = [];
  if (history ?? scanOptions.cache !== false) {
    const check = { new: comparison.new.length, fixed: comparison.fixed.length, known: comparison.known.length };
    const figures = { scan: result, ...(audit ? { audit } : {}), check };
    warnings.push(...recordRun(result.root, "check", figures).warnings);
  }
  return {
    baseline: file,
    passed: updateBaseline || comparison.new.length === 0,
    baselineWritten,
    new: comparison.new,
    fixed: comparison.fixed,
    known: comparison.known,
    unchecked: comparison.unchecked.length,
    audited: audit !== undefined,
    collection: result.collection,
    warnings,
    durationMs: Math.round(performance.now() - started),
  };
}
