// `remedy plan [PATH] --teams N [--briefs DIR] [--json]`: the findings split into N workstreams that never edit the
// same file, each with a brief a person or a coding agent can work from alone. Exit codes: 0, 2 usage error.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Command } from "commander";
import { plan, planSummary, workstreamBrief } from "../../index.ts";
import { positiveInt, type RepositoryFlags, scanOptionsFrom, withRepositoryOptions } from "../repositoryOptions.ts";

export function registerPlan(program: Command): void {
  const command = program
    .command("plan")
    .description("split the work into parallel workstreams that do not touch the same files");
  withRepositoryOptions(command)
    .option("--teams <n>", "how many people or agents work in parallel", positiveInt, 1)
    .option("--briefs <dir>", "write one Markdown brief per workstream into this directory (<id>.md)")
    .option("--json", "print the plan as JSON (workstreams[] with findings, files, order, commands)")
    .action(
      async (
        path: string,
        pytestArgs: string[],
        opts: RepositoryFlags & { teams: number; briefs?: string; json?: boolean },
      ) => {
        const result = await plan(path, { ...scanOptionsFrom(opts, pytestArgs), teams: opts.teams });
        if (opts.briefs) {
          mkdirSync(opts.briefs, { recursive: true });
          for (const ws of result.plan.workstreams)
            writeFileSync(
              join(opts.briefs, `${ws.id}.md`),
              workstreamBrief(result.plan, ws, result.scan, result.audit),
            );
          process.stderr.write(`remedy: wrote ${result.plan.workstreams.length} briefs to ${opts.briefs}\n`);
        }
        process.stdout.write(opts.json ? `${JSON.stringify(result.plan, null, 2)}\n` : planSummary(result.plan));
      },
    );
}
