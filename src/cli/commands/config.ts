// `remedy config PATH`: what pytest would decide about the repository at PATH (rootdir, configfile, strictness,
// markers and where each is registered, test files, conftests, sys.path) as JSON. Exit 2 on a config error.
import type { Command } from "commander";
import { type Invocation, pytestView } from "../../index.ts";
import { defaultPython, invocationOption } from "../pythonOption.ts";

export function registerConfig(program: Command): void {
  program
    .command("config")
    .description("print what pytest would decide about a repository: rootdir, config, test files, conftests, markers")
    .argument("[path]", "the directory pytest would be run from", ".")
    .argument("[pytest-args...]", "pytest's own arguments, after `--` (paths, -c, --rootdir, -p, -m, ...)")
    .option("--python <path>", "interpreter whose sys.path and plugins count (default: python3 on PATH)")
    .option("--no-python", "ask no interpreter (sys.path and installed plugins stay unknown)")
    .option("--json", "print JSON (the only format for now)")
    .addOption(invocationOption())
    .action(async (path: string, pytestArgs: string[], opts: { python?: string | boolean; invocation: Invocation }) => {
      const view = await pytestView(path, {
        python: defaultPython(opts.python),
        args: pytestArgs,
        invocation: opts.invocation,
      });
      process.stdout.write(`${JSON.stringify(view, null, 2)}\n`);
    });
}
