// conftest.py files that fail to import. At start-up pytest stops everything ("ImportError while loading
// conftest", exit 4); during collection the conftest's directory fails as one collector and nothing below it
// is imported. The finding names the conftest; `cause` is the underlying failure.
import type { ImportFailure } from "../graph/index.ts";
import { type Analyzer, findingId } from "./analyzer.ts";
import { blastRadius } from "./blastRadius.ts";
import type { Finding } from "./finding.ts";
import { failureCore, suggestionsFor } from "./importFailures.ts";
import { conftestKey } from "./rootKeys.ts";

export const conftestErrors: Analyzer = {
  id: "conftest-errors",
  description: "conftest.py files that fail to import, at start-up (exit 4) or while collecting their directory",
  severity: "error",
  fixable: true,
  run(input, ctx) {
    const failing: { conftest: string; failure: ImportFailure; startup: boolean; plugin?: string }[] = [];
    const start = input.model.startupFailure;
    if (start) failing.push({ ...start, startup: true });
    for (const f of input.model.files) {
      if (f.role !== "conftest" || f.path === start?.conftest || f.failures.length === 0) continue;
      failing.push({ conftest: f.path, failure: f.failures[0]!, startup: false });
    }
    return failing.map(({ conftest, failure, startup, plugin }): Finding => {
      const file = ctx.rel(conftest);
      const step = failure.chain.find((s) => s.file === conftest);
      const line = step?.line ?? (failure.file === conftest ? failure.line : 0);
      const cause = failureCore(failure, ctx.rel);
      return {
        id: findingId("conftest-error", file, line, null),
        kind: "conftest-error",
        category: cause.category,
        severity: cause.severity,
        file,
        line,
        col: step ? 0 : failure.col,
        // A module named in the conftest's pytest_plugins fails: pytest crashes importing the plugin (exit 1).
        message: plugin
          ? `Error importing plugin "${plugin}": ${failure.message}`
          : startup
            ? `ImportError while loading conftest '${conftest}'.`
            : failure.message,
        exceptionType: plugin ? "ImportError" : failure.exceptionType,
        module: failure.module,
        name: failure.name,
        chain: cause.chain,
        ...(cause.condition ? { condition: cause.condition } : {}),
        ...blastRadius(input, ctx.reportedFailures, conftestKey(conftest)),
        suggestions: suggestionsFor(failure, input, ctx),
        cause,
      };
    });
  },
};
