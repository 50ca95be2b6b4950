// What `remedy verify` returns: the real pytest's collection beside remedy's prediction, the baseline's root causes
// resolved or not, and with --run the tests' outcome. Plain data: `remedy verify --json` prints it as-is.
import type { PytestExitCode } from "../analyze/index.ts";
import type { PredictionAgreement } from "./agreement.ts";
import type { TestCase, TestCounts } from "./junit.ts";
import type { ResolvedCauses } from "./resolvedCauses.ts";
import type { Shard } from "./shard.ts";

export const VERIFY_SCHEMA_VERSION = 1;

export interface VerifyResult {
  schemaVersion: typeof VERIFY_SCHEMA_VERSION;
  /** The directory verified (pytest's invocation directory, absolute). */
  root: string;
  /** pytest's rootdir (absolute); every file below is relative to it. */
  rootdir: string;
  /** The interpreter as given, and what pytest reported of itself. */
  python: string;
  pytestVersion: string | null;
  pythonVersion: string | null;
  /** The slice of test files pytest was given (--shard K/N), or null for the whole suite. */
  shard: (Shard & { files: string[] }) | null;
  collection: {
    /** What `pytest --collect-only` exited with, and what remedy predicted. */
    exitCode: number;
    predictedExitCode: PytestExitCode;
    /** Test items pytest collected, and how many remedy predicted it would (lower bound when marked). */
    tests: number;
    predictedTests: number;
    predictedTestsLowerBound: boolean;
    files: number;
    errors: number;
    durationMs: number;
  };
  /** pytest's collection errors beside remedy's prediction, both ways. */
  prediction: PredictionAgreement;
  /** The root causes of the baseline scan, resolved or not; null when there is no baseline. */
  baseline: {
    /** "last-scan": the repository's last `remedy scan` (.remedy/scan.json); "file": --baseline FILE. */
    source: "last-scan" | "file";
    file: string | null;
    /** Test items the baseline predicted pytest would collect then (beside `collection.tests` now). */
    tests: number;
    causes: ResolvedCauses;
  } | null;
  /** The tests' outcome (--run), or null when they were not run. */
  run: {
    exitCode: number;
    counts: TestCounts;
    /** The failed and errored test cases (passed and skipped ones are only counted). */
    problems: TestCase[];
    summary: string | null;
    /** The pytest arguments used (after `python -m pytest`). */
    args: string[];
    /** pytest-xdist's -n value, when given. */
    workers: string | null;
    durationMs: number;
  } | null;
  /** What the reader should know about this verification, in sentences. */
  notes: string[];
  durationMs: number;
}
