// The verify stage's public surface: run the real pytest's collection (and, for `remedy verify --run`, the tests)
// and read what it reported; compare that with remedy's prediction and with a baseline scan's root causes.
export * from "./agreement.ts";
export type * from "./collectionReport.ts";
export { summarize } from "./collectionReport.ts";
export * from "./errors.ts";
export type { CaseOutcome, JUnitReport, TestCase, TestCounts } from "./junit.ts";
export { readJUnit } from "./junit.ts";
export * from "./resolvedCauses.ts";
export { pluginDir, type RunCollectionOptions, runCollection } from "./runCollection.ts";
export { hasModule, type RunTestsOptions, runTests, type TestRun } from "./runTests.ts";
export { parseShard, type Shard, ShardSpecError, shardFiles } from "./shard.ts";
export {
  type FileError,
  inScope,
  mismatchText,
  normalizer,
  type PredictedVerdicts,
  pytestVerdicts,
  remedyVerdicts,
  SESSION,
  type Verdicts,
} from "./verdicts.ts";
export { VERIFY_SCHEMA_VERSION, type VerifyResult } from "./verifyResult.ts";
