// remedy's library API: every command of the CLI is one call here. Functions return data and never print.
import { type ConfirmedFactsOptions, confirmedFacts } from "./python/confirmedFacts.ts";
import type { FileFacts } from "./python/facts.ts";

export type { Finding } from "./analyze/finding.ts";
export type { ScanResult } from "./analyze/scanResult.ts";
export { ConfigError, type Invocation, type PytestView, type PytestViewOptions, pytestView } from "./discover/index.ts";
export { ConfigFileError, RemedyError } from "./errors.ts";
export type * from "./python/facts.ts";
export { extractFacts, readFileFacts } from "./python/index.ts";
export { loadReporter, REPORT_FORMATS } from "./report/registry.ts";
export { type ScanOptions, scan } from "./scan/scan.ts";
export { ScanSession } from "./scan/session.ts";
export { type ScanWatch, type WatchOptions, watchScan } from "./scan/watch.ts";
export type { CollectionReport, RunCollectionOptions } from "./verify/index.ts";
export { runCollection, summarize } from "./verify/index.ts";

export const VERSION = "0.1.0";

/** Source facts of each file (`remedy facts`), syntax confirmed by CPython when `python` is given. */
export function facts(paths: string[], options: ConfirmedFactsOptions = {}): Promise<FileFacts[]> {
  return confirmedFacts(paths, options);
}
