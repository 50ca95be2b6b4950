// remedy's library API: every command of the CLI is one call here. Functions return data and never print.

import type { FileFacts } from "./python/index.ts";
import { type ConfirmedFactsOptions, confirmedFacts } from "./python/index.ts";

export { FINDING_KINDS, type Finding, type FindingKindInfo, type ScanResult } from "./analyze/index.ts";
export { ConfigError, type Invocation, type PytestView, type PytestViewOptions, pytestView } from "./discover/index.ts";
export { ConfigFileError, RemedyError } from "./errors.ts";
export type * from "./python/index.ts";
export { extractFacts, readFileFacts } from "./python/index.ts";
export { loadReporter, REPORT_FORMATS } from "./report/index.ts";
export { type ScanOptions, ScanSession, type ScanWatch, scan, type WatchOptions, watchScan } from "./scan/index.ts";
export type { CollectionReport, RunCollectionOptions } from "./verify/index.ts";
export { runCollection, summarize } from "./verify/index.ts";

export const VERSION = "0.1.0";

/** Source facts of each file (`remedy facts`), syntax confirmed by CPython when `python` is given. */
export function facts(paths: string[], options: ConfirmedFactsOptions = {}): Promise<FileFacts[]> {
  return confirmedFacts(paths, options);
}
