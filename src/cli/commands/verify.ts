// `remedy verify [PATH] [-- PYTEST_ARGS]`: the real pytest in the user's environment, beside remedy's prediction,
// and which root causes of the last scan (or a saved baseline) are resolved. Exit codes: 0 every prediction agreed
// (and with --run no test failed), 1 otherwise, 2 when pytest could not run or a usage error.
import { type Command, InvalidArgumentError } from "commander";
import { recordRun, verifyRepository, verifyText } from "../../index.ts";
import { environmentWith, envOption } from "../pythonOption.ts";

function seconds(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError("expected a positive number of seconds");
  return n;
}

export function registerVerify(program: Command): void {
  program
    .command("verify")
    .description("run the real pytest and compare it with remedy's prediction; which root causes are resolved")
    .argument("[path]", "the directory pytest runs in", ".")
    .argument("[pytest-args...]", "pytest's own options, after `--`")
    .option("--python <path>", "interpreter pytest runs with (default: python3 on PATH)")
    .option("--baseline <file>", "a `remedy scan --json` file to compare with (default: the last scan of PATH)")
    .option("--run", "also run the tests (JUnit XML counts: passed, failed, skipped, errors)")
    .option("--shard <K/N>", "one slice of the test files: every N-th from the K-th (for a CI matrix)")
    .option("-n, --workers <n>", "with --run: pytest-xdist's -n (an error when xdist is not installed)")
    .option("--timeout <seconds>", "time limit of each pytest run (default 120 s to collect, 30 min to run)", seconds)
    .option("--no-cache", "neither read nor write .remedy/ (no last scan to compare with)")
    .addOption(envOption())
    .option("--json", "print the result as JSON")
    .action(
      async (
        path: string,
        pytestArgs: string[],
        opts: {
          python?: string;
          baseline?: string;
          run?: boolean;
          shard?: string;
          workers?: string;
          timeout?: number;
          cache: boolean;
          env?: string[];
          json?: boolean;
        },
      ) => {
        const env = environmentWith(opts.env);
        const result = await verifyRepository(path, {
          ...(opts.python ? { python: opts.python } : {}),
          args: pytestArgs,
          ...(env ? { env } : {}),
          ...(opts.baseline ? { baselineFile: opts.baseline } : {}),
          run: Boolean(opts.run),
          ...(opts.shard ? { shard: opts.shard } : {}),
          ...(opts.workers ? { workers: opts.workers } : {}),
          ...(opts.timeout ? { timeoutMs: Math.round(opts.timeout * 1000) } : {}),
          cache: opts.cache,
        });
        process.stdout.write(opts.json ? `${JSON.stringify(result, null, 2)}\n` : verifyText(result));
        if (opts.cache) {
          const counts = result.run?.counts;
          const pytest = { collected: result.collection.tests, errors: result.collection.errors };
          const run = counts ? { passed: counts.passed, failed: counts.failed, skipped: counts.skipped } : {};
          const recorded = recordRun(result.root, "verify", { pytest: { ...pytest, ...run } });
          for (const w of recorded.warnings) process.stderr.write(`remedy: ${w}\n`);
        }
        const disagreed = result.prediction.counts.missed + result.prediction.counts.unexpected > 0;
        const failed = (result.run?.counts.failed ?? 0) + (result.run?.counts.errors ?? 0) > 0;
        process.exitCode = disagreed || failed ? 1 : 0;
      },
    );
}
