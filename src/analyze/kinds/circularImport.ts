// circular-import: modules that import each other and read a name the other has not bound yet (ImportError from a
// partially initialized module, or AttributeError when the name is read as `module.X` rather than imported).
// The import-time model (src/graph) predicts the failure; importFailures.ts groups the statements into root causes with
// their blast radius and suggestions, as for every failure kind of the model.
import type { Analyzer } from "../analyzer.ts";
import { importFailureFindings } from "../importFailures.ts";

const kind = "circular-import";

export const circularImport: Analyzer<typeof kind> = {
  kind,
  label: "circular import",
  category: "import",
  severity: "error",
  fixable: true,
  whatItIs:
    "Two or more modules import each other at module level, and the side entered first reads a name the other has not bound yet.",
  whyItMatters:
    "It fails or not depending on which module a test imports first, so it appears and disappears as tests are added; pytest reports `cannot import name X from partially initialized module` (or `partially initialized module has no attribute X` when the code reads `module.X` at import time).",
  example: "# a.py\nfrom b import helper\nVALUE = 1\n# b.py\nfrom a import VALUE\ndef helper(): ...",
  run: (input, context) => importFailureFindings(input, context, kind),
};
