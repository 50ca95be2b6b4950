// `remedy fix`: scan, let every codemod offer its fixes, keep the safe ones (and the unsafe ones when asked), re-check
// each on an edited copy of the tree (fixCheck.ts), then hand the survivors to the one applier: a diff by default,
// atomic writes with an undo journal with `write`.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { ScanResult } from "../analyze/index.ts";
import { applyFixes, type Fix, type FixOutcome, offerFixes, type Unfixed } from "../fix/index.ts";
import { checkFixes } from "./fixCheck.ts";
import { scan } from "./scan.ts";
import type { ScanOptions } from "./scanRun.ts";

export interface FixOptions extends ScanOptions {
  /** Only fixes for these finding ids (an unknown-marker id selects the one fix that registers every marker). */
  only?: string[];
  /** Offer unsafe fixes too (`--unsafe`). */
  unsafe?: boolean;
  /** Write the files (default: a dry run that returns the diff). */
  write?: boolean;
  /** Write over files with uncommitted changes. */
  allowDirty?: boolean;
  /** relocated-import re-exports the name from the module the code imports from instead of rewriting importers. */
  reExport?: boolean;
}

export interface FixRun {
  scan: ScanResult;
  /** Fixes offered, re-checked and handed to the applier. */
  fixes: Fix[];
  /** Findings a codemod looked at and did not fix, with why; and offered fixes left out (unsafe, failed re-check). */
  unfixed: Unfixed[];
  outcome: FixOutcome;
}

/** The fix of `id`'s finding: its own, or for an unknown marker the one that registers them all. */
function selects(fix: Fix, ids: Set<string>, scanResult: ScanResult): boolean {
  if (ids.has(fix.finding)) return true;
  if (fix.codemod !== "register-marker") return false;
  return scanResult.findings.some((f) => f.kind === "unknown-marker" && ids.has(f.id));
}

export async function fixRepository(path: string, options: FixOptions = {}): Promise<FixRun> {
  const { only, unsafe, write, allowDirty, reExport, ...scanOptions } = options;
  const before = await scan(path, scanOptions);
  const offered = offerFixes(before, (p) => readFileSync(p, "utf8"), { reExport: Boolean(reExport) });
  const unfixed = [...offered.unfixed];
  const ids = only && only.length > 0 ? new Set(only) : null;
  const wanted = offered.fixes.filter((f) => !ids || selects(f, ids, before));
  const candidates: Fix[] = [];
  for (const f of wanted) {
    if (f.safety === "unsafe" && !unsafe)
      unfixed.push({ finding: f.finding, codemod: f.codemod, reason: `unsafe (${f.title}): offered with --unsafe` });
    else candidates.push(f);
  }
  const checks = await checkFixes(path, { ...scanOptions, cache: false }, candidates, before);
  const fixes: Fix[] = [];
  for (const c of checks) {
    if (c.ok) fixes.push(c.fix);
    else unfixed.push({ finding: c.fix.finding, codemod: c.fix.codemod, reason: `re-check failed: ${c.reason}` });
  }
  const outcome = applyFixes(resolve(path), fixes, { write: Boolean(write), allowDirty: Boolean(allowDirty) });
  return { scan: before, fixes, unfixed, outcome };
}
