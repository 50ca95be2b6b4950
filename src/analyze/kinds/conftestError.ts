// conftest-error: conftest.py files that fail to import. At start-up pytest stops everything ("ImportError while
// loading conftest", exit 4); during collection the conftest's directory fails as one collector and nothing below it is
// imported. An initial conftest whose start-up hook (pytest_configure, pytest_sessionstart) fails stops it too, with
// an INTERNALERROR (exit 3); a conftest whose pytest_collection_modifyitems / pytest_collection_finish fails ends
// the session the same way once collection is done (it blocks no file from collecting). The finding names the
// conftest; `cause` is the underlying failure.
import type { ImportFailure } from "../../graph/index.ts";
import { type Analyzer, findingId } from "../analyzer.ts";
import { blastRadius } from "../blastRadius.ts";
import type { FindingOf } from "../findingFields.ts";
import { failureCore, suggestionsFor } from "../importFailures.ts";
import { conftestKey } from "../rootKeys.ts";

const kind = "conftest-error";

export const conftestError: Analyzer<typeof kind> = {
  kind,
  label: "conftest.py fails to import",
  category: "import",
  severity: "error",
  fixable: true,
  whatItIs: "A conftest.py whose import fails (its category is its cause's).",
  whyItMatters:
    "At start-up it stops the whole session (exit 4); during collection its directory collects nothing. Every test below it is blocked by one error.",
  example: "# tests/conftest.py\nfrom app.fixtures import make_client  # removed",
  run(input, ctx) {
    const failing: {
      conftest: string;
      failure: ImportFailure;
      startup: boolean;
      plugin?: string;
      hook?: string;
      afterCollection?: boolean;
    }[] = [];
    const start = input.model.startupFailure;
    if (start) failing.push({ ...start, startup: true });
    const late = input.model.collectionHook;
    if (late) failing.push({ ...late, startup: false, afterCollection: true });
    for (const f of input.model.files) {
      if (f.role !== "conftest" || f.path === start?.conftest || f.failures.length === 0) continue;
      failing.push({ conftest: f.path, failure: f.failures[0]!, startup: false });
    }
    return failing.map(({ conftest, failure, startup, plugin, hook, afterCollection }): FindingOf<typeof kind> => {
      const file = ctx.rel(conftest);
      const step = failure.chain.find((s) => s.file === conftest);
      const line = step?.line ?? (failure.file === conftest ? failure.line : 0);
      const cause = failureCore(failure, ctx.rel);
      return {
        id: findingId(kind, file, line, null),
        kind,
        category: cause.category,
        severity: cause.severity,
        file,
        line,
        col: step ? 0 : failure.col,
        // A module named in the conftest's pytest_plugins fails: pytest crashes importing the plugin (exit 1).
        // Its start-up hook fails: pytest's INTERNALERROR, whose last line is the exception's (exit 3).
        message: plugin
          ? `Error importing plugin "${plugin}": ${failure.message}`
          : hook
            ? `INTERNALERROR> ${failure.exceptionType}: ${failure.message}`
            : startup
              ? `ImportError while loading conftest '${conftest}'.`
              : failure.message,
        exceptionType: plugin ? "ImportError" : failure.exceptionType,
        module: failure.module,
        name: failure.name,
        chain: cause.chain,
        ...(cause.condition ? { condition: cause.condition } : {}),
        // After collection nothing is blocked from collecting: the session ends before any test runs.
        ...(afterCollection
          ? { blocks: { testFiles: [], tests: 0, areas: [] }, hiddenIn: [], hidden: false }
          : blastRadius(input, ctx.reportedFailures, conftestKey(conftest))),
        suggestions: suggestionsFor(failure, input, ctx),
        cause,
      };
    });
  },
};
