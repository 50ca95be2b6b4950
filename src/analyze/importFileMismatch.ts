// Two test files that import under the same module name (same basename outside packages, or the same dotted
// path from two package roots): in prepend/append import mode the second one fails with pytest's
// "import file mismatch" before any of its code runs.
import { type Analyzer, findingId } from "./analyzer.ts";
import { blastRadius } from "./blastRadius.ts";
import type { Finding } from "./finding.ts";
import { testModuleName } from "./reportedFailures.ts";
import { mismatchKey } from "./rootKeys.ts";

export function mismatchMessage(owner: string, file: string, moduleName: string): string {
  return (
    "import file mismatch:\n" +
    `imported module '${moduleName}' has this __file__ attribute:\n  ${owner}\n` +
    `which is not the same as the test file we want to collect:\n  ${file}\n` +
    "HINT: remove __pycache__ / .pyc files and/or use a unique basename for your test file modules"
  );
}

export const importFileMismatch: Analyzer = {
  id: "import-file-mismatch",
  description: "test files that share a module name with an earlier one (prepend/append import mode)",
  severity: "error",
  fixable: true,
  run(input, ctx) {
    const out: Finding[] = [];
    for (const [file, owner] of ctx.resolution.mismatchWith) {
      const rel = ctx.rel(file);
      const dotted = testModuleName(file, input.isFile);
      out.push({
        id: findingId("import-file-mismatch", rel, 0, null),
        kind: "import-file-mismatch",
        category: "configuration",
        severity: "error",
        file: rel,
        line: 0,
        col: 0,
        message: mismatchMessage(owner, file, dotted),
        exceptionType: null,
        module: dotted,
        name: null,
        chain: [],
        ...blastRadius(input, ctx.resolution, mismatchKey(file)),
        suggestions: [
          {
            kind: "other",
            message: `${rel} and ${ctx.rel(owner)} both import as \`${dotted}\`: rename one, or add __init__.py files so each gets a package-qualified name, or use --import-mode=importlib`,
            data: { file: rel, other: ctx.rel(owner), module: dotted },
          },
        ],
      });
    }
    return out;
  },
};
