// missing-third-party: an import of a module no installed distribution provides (ModuleNotFoundError).
// The import-time model (src/graph) predicts the failure; importFailures.ts groups the statements into root causes with
// their blast radius and suggestions, as for every failure kind of the model.
import type { Analyzer } from "../analyzer.ts";
import { importFailureFindings } from "../importFailures.ts";

const kind = "missing-third-party";

export const missingThirdParty: Analyzer<typeof kind> = {
  kind,
  label: "third-party module not installed",
  category: "environment",
  severity: "error",
  fixable: false,
  whatItIs: "An import of a module that no installed distribution provides in the interpreter the suite runs with.",
  whyItMatters:
    "The environment lacks a dependency (a requirements file may name it): every test file that imports it, directly or through the code it tests, fails to collect.",
  example: "import redis  # not installed in the venv",
  run: (input, context) => importFailureFindings(input, context, kind),
};
