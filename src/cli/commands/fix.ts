// `remedy fix [PATH] [--only ID...] [--write] [--unsafe] [--allow-dirty]` and `remedy fix --undo`: the safe fixes as
// a unified diff (a dry run, the default), or written atomically with an undo journal. The diff goes to stdout,
// everything else to stderr. Exit codes: 0 nothing refused, 1 a fix or a file was refused, 2 usage error.
import type { Command } from "commander";
import { fixRepository, undoLast } from "../../index.ts";
import { type RepositoryFlags, scanOptionsFrom, withRepositoryOptions } from "../repositoryOptions.ts";

const say = (line: string) => process.stderr.write(`${line}\n`);

export function registerFix(program: Command): void {
  const command = program
    .command("fix")
    .description("apply the safe codemods: a diff by default, --write to write them (undo with --undo)");
  withRepositoryOptions(command)
    .option("--only <id...>", "only the fixes for these finding ids")
    .option("--write", "write the files (atomically, inside PATH only, with an undo journal in .remedy/)")
    .option("--unsafe", "also apply fixes documented as unsafe (they may change behaviour; read the diff)")
    .option("--allow-dirty", "write over files that have uncommitted changes in git")
    .option(
      "--re-export",
      "relocated-import: re-export a moved name from the module the code imports it from, not rewrite the importers",
    )
    .option("--undo", "restore exactly the bytes the last `remedy fix --write` replaced")
    .option("--force", "with --undo: restore even files changed since the fix wrote them")
    .option("--json", "print what was offered, fixed, refused and left unfixed as JSON")
    .action(
      async (
        path: string,
        pytestArgs: string[],
        opts: RepositoryFlags & {
          only?: string[];
          write?: boolean;
          unsafe?: boolean;
          allowDirty?: boolean;
          reExport?: boolean;
          undo?: boolean;
          force?: boolean;
          json?: boolean;
        },
      ) => {
        if (opts.undo) {
          const undone = undoLast(path, { force: Boolean(opts.force) });
          if (opts.json) process.stdout.write(`${JSON.stringify(undone, null, 2)}\n`);
          else {
            for (const file of undone.restored) say(`restored ${file}`);
            for (const r of undone.refusals) say(`refused ${r.file}: ${r.message}`);
          }
          process.exitCode = undone.refusals.length > 0 ? 1 : 0;
          return;
        }
        const run = await fixRepository(path, {
          ...scanOptionsFrom(opts, pytestArgs),
          ...(opts.only ? { only: opts.only } : {}),
          unsafe: Boolean(opts.unsafe),
          write: Boolean(opts.write),
          allowDirty: Boolean(opts.allowDirty),
          reExport: Boolean(opts.reExport),
        });
        const { outcome } = run;
        process.exitCode = outcome.refusals.length > 0 ? 1 : 0;
        if (opts.json) {
          const { diff, ...rest } = outcome;
          const summary = { fixes: run.fixes, unfixed: run.unfixed, diff, outcome: rest };
          process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
          return;
        }
        if (!opts.write) process.stdout.write(outcome.diff);
        for (const f of run.fixes.filter((x) => outcome.applied.includes(x.id)))
          say(`${opts.write ? "fixed" : "would fix"} ${f.finding}: ${f.title} (${f.safety})`);
        for (const r of outcome.refusals) say(`refused ${r.file} (${r.reason}): ${r.message}`);
        for (const u of run.unfixed) say(`not fixed ${u.finding} [${u.codemod}]: ${u.reason}`);
        for (const n of outcome.notes) say(`note: ${n}`);
        if (opts.write && outcome.written.length > 0)
          say(
            `wrote ${outcome.written.length} files; \`remedy fix --undo\` restores them (journal ${outcome.journal})`,
          );
        if (!opts.write && outcome.applied.length > 0) say("dry run: nothing written (--write writes these fixes)");
        if (run.fixes.length === 0) say("no fix to offer");
      },
    );
}
