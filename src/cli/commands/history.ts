// `remedy history [PATH] [--limit N] [--command scan|verify|check] [--json]`: the trend recorded in
// .remedy/history.sqlite by scan, verify and check.
import { type Command, Option } from "commander";
import { historyText, historyTrend } from "../../index.ts";
import { positiveInt } from "../repositoryOptions.ts";

export function registerHistory(program: Command): void {
  program
    .command("history")
    .description("print the trend of findings, blocked test files and debt score recorded by scan, verify and check")
    .argument("[path]", "the directory remedy ran in", ".")
    .option("--limit <n>", "how many of the last runs (default 50)", positiveInt)
    .addOption(new Option("--command <command>", "only runs of this command").choices(["scan", "verify", "check"]))
    .option("--json", "print the runs as JSON")
    .action((path: string, opts: { limit?: number; command?: "scan" | "verify" | "check"; json?: boolean }) => {
      const trend = historyTrend(path, {
        ...(opts.limit ? { limit: opts.limit } : {}),
        ...(opts.command ? { command: opts.command } : {}),
      });
      for (const w of opts.json ? trend.warnings : []) process.stderr.write(`remedy: ${w}\n`);
      process.stdout.write(
        opts.json ? `${JSON.stringify(trend.runs, null, 2)}\n` : historyText(trend.runs, trend.warnings),
      );
    });
}
