// syntax-error: a module that does not compile for the interpreter's version (SyntaxError).
// The import-time model (src/graph) predicts the failure; importFailures.ts groups the statements into root causes with
// their blast radius and suggestions, as for every failure kind of the model.
import type { Analyzer } from "../analyzer.ts";
import { importFailureFindings } from "../importFailures.ts";

const kind = "syntax-error";

export const syntaxError: Analyzer<typeof kind> = {
  kind,
  label: "syntax error",
  category: "import",
  severity: "error",
  fixable: false,
  whatItIs: "A module the test imports (or the test module itself) does not compile for the interpreter's version.",
  whyItMatters: "SyntaxError while importing: the file and everything that imports the broken module fail.",
  example: "type Alias = int  # PEP 695: a SyntaxError before Python 3.12",
  run: (input, context) => importFailureFindings(input, context, kind),
};
