// `remedy scan [PATH]`: predicts what stops pytest from collecting and prints it (terminal report, or JSON);
// with --watch, again after every change.
// Exit codes: 0 nothing blocks collection, 1 something does, 2 usage or configuration error (from main.ts).
// They are remedy's own: the exit code pytest is predicted to end with (0, 1, 2, 3, 4, 5) is in the report.
import type { Command } from "commander";
import {
  type AuditResult,
  auditText,
  loadReporter,
  RemedyError,
  recordRun,
  type ScanResult,
  scan,
  scanAndAudit,
  VERSION,
  watchScan,
} from "../../index.ts";
import { formatOption } from "../formatOption.ts";
import { type RepositoryFlags, scanOptionsFrom, withRepositoryOptions } from "../repositoryOptions.ts";

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

const warn = (line: string) => process.stderr.write(`remedy: ${line}\n`);

/** The scan with only the finding `id` (`--only`): the exit code then says whether it is still there. */
function onlyFinding(result: ScanResult, id: string): ScanResult {
  return { ...result, findings: result.findings.filter((f) => f.id === id) };
}

export function registerScan(program: Command): void {
  const command = program
    .command("scan")
    .description("predict every error that stops pytest from collecting, grouped by root cause");
  withRepositoryOptions(command)
    .addOption(formatOption("terminal"))
    .option("--json", "print the JSON report (schema/scan.schema.json); the same as --format json")
    .option("--only <id>", "report only the finding with this id; exit 1 while it is there, 0 once it is gone")
    .option("--audit", "also run the architecture audit and print its findings in a section of their own")
    .option("--watch", "scan again whenever a file changes (Ctrl-C stops; the exit code is the last scan's)")
    .action(
      async (
        path: string,
        pytestArgs: string[],
        opts: RepositoryFlags & {
          format: string;
          json?: boolean;
          only?: string;
          audit?: boolean;
          watch?: boolean;
        },
      ) => {
        const progress = progressPrinter();
        const options = { ...scanOptionsFrom(opts, pytestArgs), onProgress: progress.onProgress };
        const format = opts.json ? "json" : opts.format;
        const reporter = await loadReporter(format);
        const color = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
        const show = (full: ScanResult, audit?: AuditResult) => {
          progress.done();
          const result = opts.only ? onlyFinding(full, opts.only) : full;
          const shownAudit =
            audit && opts.only ? { ...audit, findings: audit.findings.filter((f) => f.id === opts.only) } : audit;
          // The terminal report prints the audit as its own section; the other formats carry it in the Report.
          const withAudit = shownAudit && format !== "terminal" ? { audit: shownAudit } : {};
          const stillThere = result.findings.length + (shownAudit?.findings.length ?? 0) > 0;
          if (opts.only && !stillThere && format === "terminal") {
            process.stdout.write(`${opts.only}: gone (${full.findings.length} findings remain)\n`);
            process.exitCode = 0;
            return;
          }
          process.stdout.write(reporter({ scan: result, ...withAudit }, { color, version: VERSION }));
          if (shownAudit && format === "terminal") process.stdout.write(`\n${auditText(shownAudit)}`);
          process.exitCode = (opts.only ? stillThere : blocksCollection(result)) ? 1 : 0;
        };
        if (opts.audit) {
          if (opts.watch) throw new RemedyError("--audit and --watch cannot be combined yet");
          const { scan: result, audit } = await scanAndAudit(path, options);
          show(result, audit);
          if (opts.cache) for (const w of recordRun(result.root, "scan", { scan: result, audit }).warnings) warn(w);
          return;
        }
        if (!opts.watch) {
          const result = await scan(path, options);
          show(result);
          // The history records the runs a person or CI makes (not library calls, not watch mode's rescans).
          if (opts.cache) for (const w of recordRun(result.root, "scan", { scan: result }).warnings) warn(w);
          return;
        }
        const watching = await watchScan(
          path,
          options,
          (result, changed) => {
            // The JSON report stays one document per scan (a stream of them); the terminal report gets a header.
            if (changed.length > 0 && format === "terminal") {
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
