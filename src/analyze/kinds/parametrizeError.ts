// parametrize-error: a `@pytest.mark.parametrize` whose literal values do not hold one value per argument name
// (parametrizeFailures.ts, from the facts of src/python/parametrizeArity.ts, read as the installed pytest reads
// them): pytest fails the module's collection when it generates the test's items. One finding per test file.
import { relative } from "node:path";
import type { Analyzer } from "../analyzer.ts";
import { findingId } from "../analyzer.ts";
import { blastRadius } from "../blastRadius.ts";
import type { FindingOf } from "../findingFields.ts";
import { parametrizeFailure } from "../parametrizeFailures.ts";
import { parametrizeKey } from "../rootKeys.ts";

const kind = "parametrize-error";

export const parametrizeError: Analyzer<typeof kind> = {
  kind,
  label: "parametrize values do not match the names",
  category: "configuration",
  severity: "error",
  fixable: false,
  whatItIs:
    'A `@pytest.mark.parametrize` value whose count of values differs from the number of argument names (a tuple too short or too long, a `pytest.param` with one value too many, `{}` for `"name,"` under pytest 9.1), or two parametrize marks of one test naming the same argument.',
  whyItMatters:
    'pytest fails the test module when it generates its items (Failed: in "parametrize" the number of names ... must be equal to the number of values ...): no test of the file is collected and the run exits 2.',
  example: ['@pytest.mark.parametrize("a, b", [(1, 2), (3,)])', "def test_sum(a, b): ..."].join("\n"),
  run(input, ctx) {
    const out: FindingOf<typeof kind>[] = [];
    for (const path of input.session.testFiles) {
      const failure = parametrizeFailure(input.facts(path), relative(input.session.rootdir, path), input.session);
      if (!failure) continue;
      const file = ctx.rel(path);
      out.push({
        id: findingId(kind, file, failure.line, failure.test),
        kind,
        category: "configuration",
        severity: "error",
        file,
        line: failure.line,
        col: failure.col,
        message: failure.message,
        exceptionType: failure.exceptionType,
        module: null,
        name: failure.test,
        chain: [],
        ...blastRadius(input, ctx.reportedFailures, parametrizeKey(path, failure.line)),
        suggestions: [
          failure.duplicate !== undefined
            ? {
                kind: "other",
                message: `Parametrize \`${failure.duplicate}\` in one mark only (${failure.test}): two of its parametrize marks name it`,
                data: { test: failure.test, name: failure.duplicate },
              }
            : {
                kind: "other",
                message: `Give every value of this parametrize as many items as it has names (${failure.test}), or wrap a single value in a 1-tuple`,
                data: { test: failure.test },
              },
        ],
      });
    }
    return out;
  },
};
