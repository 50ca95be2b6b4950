// missing-name: `from module import Name` where the module does not define Name (ImportError).
// The import-time model (src/graph) predicts the failure; importFailures.ts groups the statements into root causes with
// their blast radius and suggestions, as for every failure kind of the model.
import type { Analyzer } from "../analyzer.ts";
import { importFailureFindings } from "../importFailures.ts";

const kind = "missing-name";

export const missingName: Analyzer<typeof kind> = {
  kind,
  label: "missing name",
  category: "import",
  severity: "error",
  fixable: true,
  whatItIs: "`from module import Name` where the module (first-party or installed) does not define Name.",
  whyItMatters:
    "CPython raises ImportError while pytest imports the test module: the file collects nothing. The usual cause is a class or function that moved or was renamed while its importers were not updated.",
  example: "# app/legacy/types.py no longer defines Status\nfrom app.legacy.types import Status",
  run: (input, context) => importFailureFindings(input, context, kind),
};
