// What a scan returns: the findings plus the collection figures a report leads with. The JSON report is this
// object as-is (schema/scan.schema.json); reporters only format it.
import type { AnalysisInput } from "./analysisInput.ts";
import { relPath } from "./areas.ts";
import { blockedTestsIn, testsIn } from "./blastRadius.ts";
import { configProblems } from "./configChecks.ts";
import type { Finding } from "./finding.ts";
import type { ReportedFailures } from "./reportedFailures.ts";

export const SCHEMA_VERSION = 1;

export type PytestExitCode = 0 | 1 | 2 | 3 | 4 | 5;

export interface CollectionTotals {
  testFiles: number;
  blockedTestFiles: number;
  /** Test items pytest would collect with nothing broken (literal parametrize sizes; others count 1). */
  tests: number;
  blockedTests: number;
  /** Present (true) when some count is a lower bound (see collectableTests.ts): the test counts are lower bounds. */
  testsLowerBound?: true;
  /** Present when --maxfail/-x stops collection: after how many errors, and how many test files it never reaches
   *  (counted as blocked: pytest neither collects nor reports them). */
  stopped?: { afterErrors: number; notReachedTestFiles: number };
}

/** One test file: what pytest collects from it, and which finding (by id) is the error it reports, if any. */
export interface TestFileOutcome {
  /** Relative to rootdir. */
  file: string;
  tests: number;
  /** Present (true) when a parametrize list or fixture params are not a literal (see collectableTests.ts): `tests` is a lower bound. */
  testsLowerBound?: true;
  blockedBy: string | null;
  /** Present (true) when --maxfail stops collection before this file. */
  notReached?: true;
}

export interface ScanResult {
  schemaVersion: typeof SCHEMA_VERSION;
  /** The directory scanned (absolute). */
  root: string;
  /** pytest's rootdir (absolute); finding paths are relative to it. */
  rootdir: string;
  /** The config file pytest uses, relative to rootdir; null when none. */
  configfile: string | null;
  findings: Finding[];
  collection: CollectionTotals;
  /** Every test file pytest would collect, in collection order. */
  testFiles: TestFileOutcome[];
  /** The exit code `pytest --collect-only` is predicted to end with: 0, 1 (plugin crash, or a start-up
   *  crash), 2 (collection errors), 3 (internal error: a crash inside the session), 4 (usage error or start-up conftest failure), 5 (nothing collected: "no tests
   *  ran"). */
  pytestExitCode: PytestExitCode;
  /** What remedy could not determine about this session, in sentences (predictions may be off there). */
  limitations: string[];
  /** Wall time of the scan. */
  durationMs: number;
}

export function collectionTotals(input: AnalysisInput, reportedFailures: ReportedFailures): CollectionTotals {
  let tests = 0;
  let blockedTests = 0;
  let blockedTestFiles = 0;
  let exact = true;
  let notReached = 0;
  for (const file of input.session.testFiles) {
    const n = testsIn(input, file);
    tests += n.count;
    exact &&= n.exact;
    const f = reportedFailures.byFile.get(file);
    if (f && !f.reached) notReached += 1;
    if (f?.reported || (f && !f.reached)) {
      blockedTestFiles += 1;
      blockedTests += f.reached ? blockedTestsIn(input, file, f).count : n.count;
    }
  }
  const totals = { testFiles: input.session.testFiles.length, blockedTestFiles, tests, blockedTests };
  return {
    ...totals,
    ...(exact ? {} : { testsLowerBound: true as const }),
    ...(reportedFailures.stoppedAfter !== null
      ? { stopped: { afterErrors: reportedFailures.stoppedAfter, notReachedTestFiles: notReached } }
      : {}),
  };
}

function testFileOutcomes(
  input: AnalysisInput,
  findings: Finding[],
  reportedFailures: ReportedFailures,
): TestFileOutcome[] {
  const blockedBy = new Map<string, string>();
  for (const f of findings) for (const t of f.blocks.testFiles) if (!blockedBy.has(t)) blockedBy.set(t, f.id);
  return input.session.testFiles.map((path) => {
    const file = relPath(input.session.rootdir, path);
    const n = testsIn(input, path);
    return {
      file,
      tests: n.count,
      ...(n.exact ? {} : { testsLowerBound: true as const }),
      blockedBy: blockedBy.get(file) ?? null,
      ...((reportedFailures.byFile.get(path)?.reached ?? true) ? {} : { notReached: true as const }),
    };
  });
}

export function predictedExitCode(input: AnalysisInput, reportedFailures: ReportedFailures): PytestExitCode {
  const problems = configProblems(input.session);
  const blocker = reportedFailures.sessionBlocker;
  if (blocker) {
    if (input.model.startupFailure?.plugin && blocker.startsWith("conftest-error|")) return 1;
    if (input.model.startupFailure?.hook && blocker.startsWith("conftest-error|")) return 3;
    return (problems.find((p) => p.rootKey === blocker)?.exitCode ?? 4) as PytestExitCode;
  }
  // A conftest's pytest_collection_modifyitems (or _finish) raising: INTERNALERROR once collection is done.
  if (input.model.collectionHook) return 3;
  if (problems.some((p) => p.stage === "after-collection")) return 4;
  // Reaching --maxfail during collection ends the session as failed (pytest prints "stopping after N failures").
  if (reportedFailures.stoppedAfter !== null) return 1;
  const anyBlocked = [...reportedFailures.byFile.values()].some((f) => f.reported !== null);
  // A conftest.py of a directory without test files fails too: pytest reports the directory as an error.
  const conftestFails = input.model.files.some(
    (f) =>
      f.role === "conftest" &&
      f.path !== input.model.startupFailure?.conftest &&
      f.failures.some((x) => x.certainty === "certain"),
  );
  if (anyBlocked || conftestFails) return 2;
  // No error and no item: pytest ends with "no tests ran" (exit 5), whether there are test files or not.
  const totals = collectionTotals(input, reportedFailures);
  return totals.tests === 0 && !totals.testsLowerBound ? 5 : 0;
}

export function buildScanResult(
  input: AnalysisInput,
  root: string,
  findings: Finding[],
  reportedFailures: ReportedFailures,
  durationMs: number,
  limitations: string[] = [],
): ScanResult {
  return {
    schemaVersion: SCHEMA_VERSION,
    root,
    rootdir: input.session.rootdir,
    configfile: input.session.configfile ? relPath(input.session.rootdir, input.session.configfile) : null,
    findings,
    collection: collectionTotals(input, reportedFailures),
    testFiles: testFileOutcomes(input, findings, reportedFailures),
    pytestExitCode: predictedExitCode(input, reportedFailures),
    limitations,
    durationMs,
  };
}
