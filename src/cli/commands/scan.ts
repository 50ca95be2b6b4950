// `remedy scan [PATH]`: predicts what stops pytest from collecting and prints it (terminal report, or JSON);
// with --watch, again after every change.
// Exit codes: 0 nothing blocks collection, 1 something does, 2 usage or configuration error (from main.ts).
// They are remedy's own: the exit code pytest is predicted to end with (0, 1, 2, 3, 4, 5) is in the report.
import { type Command, InvalidArgumentError } from "commander";
import { type Invocation, loadReporter, type ScanResult, scan, watchScan } from "../../index.ts";
import { defaultPython, environmentWith, envOption, invocationOption } from "../pythonOption.ts";

/** Progress on stderr, only for a person watching and only once a scan has taken a moment. */
function progressPrinter(): { onProgress: (stage: string, detail: string) => void; done: () => void } {
  if (!process.stderr.isTTY) return { onProgress: () => {}, done: () => {} };
  const started = Date.now();
  let shown = false;
  return {
    onProgress(stage, detail) {
      if (Date.now() - started < 500) return;
      shown = true;
      process.stderr.write(`\r\x1b[2Kremedy: ${stage} (${detail})`);
    },
    done() {
      if (shown) process.stderr.write("\r\x1b[2K");
    },
  };
}

/** Something certain stops pytest: an error that is the reported one somewhere, or a session-level config error. */
export function blocksCollection(result: ScanResult): boolean {
  return result.findings.some(
    (f) => f.severity === "error" && !f.hidden && (f.blocks.testFiles.length > 0 || f.kind === "config-error"),
  );
}

/** A positive number of bytes, or commander's usage error (exit 2). */
function maxBytesArg(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError("expected a positive whole number of bytes");
  return n;
}

export function registerScan(program: Command): void {
  program
    .command("scan")
    .description("predict every error that stops pytest from collecting, grouped by root cause")
    .argument("[path]", "the directory pytest would run in", ".")
    .argument("[pytest-args...]", "pytest's own arguments, after `--` (paths, -c, --rootdir, -p, -m, ...)")
    .option("--python <path>", "interpreter pytest runs with (default: python3 on PATH)")
    .option("--no-python", "do not ask any interpreter (sys.path and plugins unknown)")
    .option("--json", "print the JSON report (schema/scan.schema.json)")
    .option("--no-cache", "neither read nor write the cache in .remedy/ (a full scan that leaves nothing behind)")
    .option("--watch", "scan again whenever a file changes (Ctrl-C stops; the exit code is the last scan's)")
    .option(
      "--max-bytes <n>",
      "do not read Python files larger than this (default 64 MiB; the report lists them)",
      maxBytesArg,
    )
    .addOption(invocationOption())
    .addOption(envOption())
    .action(
      async (
        path: string,
        pytestArgs: string[],
        opts: {
          python?: string | boolean;
          json?: boolean;
          cache: boolean;
          invocation: Invocation;
          watch?: boolean;
          env?: string[];
          maxBytes?: number;
        },
      ) => {
        const progress = progressPrinter();
        const env = environmentWith(opts.env);
        const options = {
          ...(env ? { env } : {}),
          python: defaultPython(opts.python),
          args: pytestArgs,
          onProgress: progress.onProgress,
          cache: opts.cache,
          invocation: opts.invocation,
          ...(opts.maxBytes === undefined ? {} : { maxBytes: opts.maxBytes }),
        };
        const reporter = await loadReporter(opts.json ? "json" : "terminal");
        const color = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
        const show = (result: ScanResult) => {
          progress.done();
          process.stdout.write(reporter({ scan: result }, { color }));
          process.exitCode = blocksCollection(result) ? 1 : 0;
        };
        if (!opts.watch) return show(await scan(path, options));
        const watching = await watchScan(
          path,
          options,
          (result, changed) => {
            // The JSON report stays one document per scan (a stream of them); the terminal report gets a header.
            if (changed.length > 0 && !opts.json) {
              const files =
                changed.length > 3
                  ? `${changed.slice(0, 3).join(", ")} and ${changed.length - 3} more`
                  : changed.join(", ");
              process.stdout.write(
                `\n── rescanned after changes to ${files} (${(result.durationMs / 1000).toFixed(2)} s) ──\n\n`,
              );
            }
            show(result);
          },
          (error) => process.stderr.write(`remedy: ${error instanceof Error ? error.message : String(error)}\n`),
        );
        for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => watching.close());
        await watching.closed;
      },
    );
}
