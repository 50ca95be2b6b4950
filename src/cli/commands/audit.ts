// `remedy audit [PATH]`: the architecture findings collection errors are symptoms of (duplicated concepts, service
// boundaries crossed, import cycles) and the debt score. Exit codes: 0 (the audit is advice), 1 with --only ID while
// that finding is there, 2 usage or configuration error.
import { writeFileSync } from "node:fs";
import type { Command } from "commander";
import { audit, auditText, ssotRegistryMarkdown } from "../../index.ts";
import { type RepositoryFlags, scanOptionsFrom, withRepositoryOptions } from "../repositoryOptions.ts";

export function registerAudit(program: Command): void {
  const command = program
    .command("audit")
    .description("find what collection errors are symptoms of: duplicated concepts, crossed boundaries, cycles");
  withRepositoryOptions(command)
    .option("--json", "print the audit as JSON (findings[], services, debt)")
    .option("--only <id>", "report only the finding with this id; exit 1 while it is there, 0 once it is gone")
    .option(
      "--ssot-registry [file]",
      "write the registry of concepts and their canonical homes as Markdown (stdout: -)",
    )
    .action(
      async (
        path: string,
        pytestArgs: string[],
        opts: RepositoryFlags & { json?: boolean; only?: string; ssotRegistry?: string | true },
      ) => {
        const { audit: result } = await audit(path, scanOptionsFrom(opts, pytestArgs));
        const shown = opts.only ? { ...result, findings: result.findings.filter((f) => f.id === opts.only) } : result;
        if (opts.ssotRegistry !== undefined) {
          const text = ssotRegistryMarkdown(result.findings);
          if (opts.ssotRegistry === true || opts.ssotRegistry === "-") process.stdout.write(text);
          else {
            writeFileSync(opts.ssotRegistry, text);
            process.stderr.write(`remedy: wrote ${opts.ssotRegistry}\n`);
          }
          return;
        }
        if (opts.only && shown.findings.length === 0 && !opts.json)
          process.stdout.write(`${opts.only}: gone (${result.findings.length} audit findings remain)\n`);
        else process.stdout.write(opts.json ? `${JSON.stringify(shown, null, 2)}\n` : auditText(shown));
        process.exitCode = opts.only && shown.findings.length > 0 ? 1 : 0;
      },
    );
}
