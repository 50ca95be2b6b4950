// `remedy scan [PATH]`: predicts what stops pytest from collecting and prints it (terminal report, or JSON).
// Exit codes: 0 nothing blocks collection, 1 something does, 2 usage or configuration error (from main.ts).
import type { Command } from "commander";
import { type Invocation, loadReporter, type ScanResult, scan } from "../../index.ts";
import { defaultPython, invocationOption } from "../pythonOption.ts";

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
    .addOption(invocationOption())
    .action(
      async (
        path: string,
        pytestArgs: string[],
        opts: { python?: string | boolean; json?: boolean; cache: boolean; invocation: Invocation },
      ) => {
        const progress = progressPrinter();
        const result = await scan(path, {
          python: defaultPython(opts.python),
          args: pytestArgs,
          onProgress: progress.onProgress,
          cache: opts.cache,
          invocation: opts.invocation,
        });
        progress.done();
        const reporter = await loadReporter(opts.json ? "json" : "terminal");
        const color = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
        process.stdout.write(reporter(result, { color }));
        process.exitCode = blocksCollection(result) ? 1 : 0;
      },
    );
}
