// missing-module: an import of a first-party module that does not exist (ModuleNotFoundError).
// The import-time model (src/graph) predicts the failure; importFailures.ts groups the statements into root causes with
// their blast radius and suggestions, as for every failure kind of the model.
import type { Analyzer } from "../analyzer.ts";
import { importFailureFindings } from "../importFailures.ts";

const kind = "missing-module";

export const missingModule: Analyzer<typeof kind> = {
  kind,
  label: "missing module",
  category: "import",
  severity: "error",
  fixable: true,
  whatItIs: "An import of a first-party module that does not exist on the sys.path pytest builds for the file.",
  whyItMatters:
    "ModuleNotFoundError while importing the test module: a module that was moved, renamed or deleted, or a path that only works from another working directory.",
  example: "from app.monitoring import PerformanceMonitor  # app/monitoring.py was moved",
  run: (input, context) => importFailureFindings(input, context, kind),
};
