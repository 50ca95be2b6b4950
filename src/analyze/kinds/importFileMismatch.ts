// import-file-mismatch: two test files that import under the same module name (same basename outside packages, or the
// same dotted path from two package roots): in prepend/append import mode pytest finds the earlier module in
// sys.modules and fails the later file with "import file mismatch" before reporting anything else about it. A test
// module that rebinds `__file__` (`from m import __file__`) fails the same check. The import-time model detects both;
// this analyzer explains them.
import type { ImportFailure } from "../../graph/index.ts";
import { type Analyzer, findingId } from "../analyzer.ts";
import { blastRadius } from "../blastRadius.ts";
import type { FindingOf } from "../findingFields.ts";
import { failureCore } from "../importFailures.ts";

/** The earlier file named in pytest's message ("has this __file__ attribute:\n  PATH"). */
function ownerOf(message: string): string | null {
  return /__file__ attribute:\n {2}(.*)\n/.exec(message)?.[1] ?? null;
}

const kind = "import-file-mismatch";

export const importFileMismatch: Analyzer<typeof kind> = {
  kind,
  label: "import file mismatch",
  category: "configuration",
  severity: "error",
  fixable: false,
  whatItIs:
    "Two test modules with the same basename in directories without `__init__.py`, under the prepend import mode.",
  whyItMatters: "pytest imports the second as the first's module name and refuses it: the second file errors.",
  example: "tests/api/test_utils.py\ntests/db/test_utils.py  # no __init__.py in tests/api or tests/db",
  run(input, ctx) {
    const seen = new Map<string, ImportFailure>();
    for (const file of input.model.files) {
      for (const f of file.failures)
        if (f.kind === "import-file-mismatch" && !seen.has(f.rootKey)) seen.set(f.rootKey, f);
    }
    return [...seen].map(([rootKey, f]): FindingOf<typeof kind> => {
      const core = failureCore(f, ctx.rel);
      const owner = ownerOf(f.message);
      const other = owner ? ctx.rel(owner) : "an earlier test file";
      const suggestion =
        f.name === "__file__"
          ? {
              kind: "other" as const,
              message: `${core.file}:${f.line} rebinds \`__file__\` to ${other}'s, and pytest reads \`__file__\` to check that it imported the test file: import the module instead and use its \`__file__\`, or bind the value to another name`,
              data: { file: core.file, other: owner ? other : null, module: f.module },
            }
          : {
              kind: "other" as const,
              message: `${core.file} and ${other} both import as \`${f.module}\`: rename one, or add __init__.py files so each gets a package-qualified name, or use --import-mode=importlib`,
              data: { file: core.file, other: owner ? other : null, module: f.module },
            };
      return {
        id: findingId(kind, core.file, f.line, f.module),
        ...core,
        kind, // the same value as core's (keeps its place among the fields), typed as this kind
        category: "configuration",
        ...blastRadius(input, ctx.reportedFailures, rootKey),
        suggestions: [suggestion],
      };
    });
  },
};
