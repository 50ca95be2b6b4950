// name-error: module-level code that reads a name not bound on every path to the read (NameError).
// The import-time model (src/graph) predicts the failure; importFailures.ts groups the statements into root causes with
// their blast radius and suggestions, as for every failure kind of the model.
import type { Analyzer } from "../analyzer.ts";
import { importFailureFindings } from "../importFailures.ts";

const kind = "name-error";

export const nameError: Analyzer<typeof kind> = {
  kind,
  label: "NameError at import time",
  category: "import",
  severity: "error",
  fixable: false,
  whatItIs:
    "Module-level code (or a function it calls while the module loads) reads a name that is not bound on every path to that read.",
  whyItMatters: "CPython raises NameError while the module executes: every importer fails with it.",
  example: "if FEATURE:\n    LIMIT = 10\nTIMEOUT = LIMIT * 2  # NameError when FEATURE is false",
  run: (input, context) => importFailureFindings(input, context, kind),
};
