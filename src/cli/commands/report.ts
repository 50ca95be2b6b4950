// `remedy report [PATH] --format md|html|sarif|json [-o FILE]`: the remediation report (scan, audit, plan) in one
// document. Exit codes: 0 once written (the report is the product, not a gate), 2 usage or configuration error.
import { writeFileSync } from "node:fs";
import type { Command } from "commander";
import { report } from "../../index.ts";
import { formatOption } from "../formatOption.ts";
import { positiveInt, type RepositoryFlags, scanOptionsFrom, withRepositoryOptions } from "../repositoryOptions.ts";

export function registerReport(program: Command): void {
  const command = program
    .command("report")
    .description("write the remediation report: root causes, hidden errors, impact, debt score, audit, phased plan");
  withRepositoryOptions(command)
    .addOption(formatOption("md", ["md", "html", "sarif", "json"]))
    .option("-o, --output <file>", "write the report to this file instead of stdout")
    .option("--teams <n>", "how many parallel workstreams the report's plan has (default 1)", positiveInt)
    .action(
      async (
        path: string,
        pytestArgs: string[],
        opts: RepositoryFlags & { format: string; output?: string; teams?: number },
      ) => {
        const { text } = await report(path, {
          ...scanOptionsFrom(opts, pytestArgs),
          format: opts.format,
          ...(opts.teams ? { teams: opts.teams } : {}),
        });
        if (!opts.output) return void process.stdout.write(text);
        writeFileSync(opts.output, text);
        process.stderr.write(`remedy: wrote ${opts.output}\n`);
      },
    );
}
