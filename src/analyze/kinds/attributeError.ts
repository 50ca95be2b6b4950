// attribute-error: module-level code that reads `module.attr` the module does not define (AttributeError).
// The import-time model (src/graph) predicts the failure; importFailures.ts groups the statements into root causes with
// their blast radius and suggestions, as for every failure kind of the model.
import type { Analyzer } from "../analyzer.ts";
import { importFailureFindings } from "../importFailures.ts";

const kind = "attribute-error";

export const attributeError: Analyzer<typeof kind> = {
  kind,
  label: "missing module attribute",
  category: "import",
  severity: "error",
  fixable: false,
  whatItIs: "Module-level code reads `module.attr` that the module does not define (at that moment).",
  whyItMatters: "AttributeError while the module executes; common after a dependency upgrade removed a name.",
  example: "import asyncio\nlegacy = asyncio.coroutine  # removed in Python 3.11",
  run: (input, context) => importFailureFindings(input, context, kind),
};
