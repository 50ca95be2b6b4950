// `remedy check [PATH] --baseline FILE`: a CI gate that fails only on findings not in the baseline.
// Exit codes: 0 nothing new (or the baseline was just written), 1 something new, 2 usage or configuration error.
import type { Command } from "commander";
import { checkRepository, checkText } from "../../index.ts";
import { type RepositoryFlags, scanOptionsFrom, withRepositoryOptions } from "../repositoryOptions.ts";

export function registerCheck(program: Command): void {
  const command = program
    .command("check")
    .description(
      "fail only on findings not in the baseline (a CI gate to ratchet down); --update-baseline rewrites it",
    );
  withRepositoryOptions(command)
    .option("--baseline <file>", "the baseline file (default: .remedy-baseline.json in PATH)")
    .option("--update-baseline", "write this run's findings to the baseline (creating it); fixed entries drop out")
    .option("--no-audit", "check collection findings only (the baseline's audit entries are kept as they are)")
    .option("--json", "print the check's result as JSON")
    .action(
      async (
        path: string,
        pytestArgs: string[],
        opts: RepositoryFlags & { baseline?: string; updateBaseline?: boolean; audit: boolean; json?: boolean },
      ) => {
        const result = await checkRepository(path, {
          ...scanOptionsFrom(opts, pytestArgs),
          ...(opts.baseline ? { baseline: opts.baseline } : {}),
          updateBaseline: Boolean(opts.updateBaseline),
          audit: opts.audit,
          history: opts.cache,
        });
        process.stdout.write(opts.json ? `${JSON.stringify(result, null, 2)}\n` : checkText(result));
        process.exitCode = result.passed ? 0 : 1;
      },
    );
}
