// Every analyzer remedy runs, in report order. Adding one is one line here.
import type { Analyzer } from "./analyzer.ts";
import { configErrors } from "./configErrors.ts";
import { conftestErrors } from "./conftestErrors.ts";
import { importFailures } from "./importFailures.ts";
import { importFileMismatch } from "./importFileMismatch.ts";
import { unknownMarkers } from "./unknownMarkers.ts";

export const ANALYZERS: readonly Analyzer[] = [
  configErrors,
  conftestErrors,
  importFailures,
  unknownMarkers,
  importFileMismatch,
];
