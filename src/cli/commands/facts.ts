// `remedy facts FILE...`: the source facts of each file as JSON (docs/facts.md defines every field).
import type { Command } from "commander";
import { facts } from "../../index.ts";
import { defaultPython } from "../pythonOption.ts";

export function registerFacts(program: Command): void {
  program
    .command("facts")
    .description("print the source facts of Python files as JSON (imports, bindings, reads, pytest facts)")
    .argument("<files...>", "Python source files")
    .option("--python <path>", "interpreter that confirms syntax errors with compile() (default: python3 on PATH)")
    .option("--no-python", "do not ask any interpreter")
    .option("--max-bytes <n>", "skip files larger than this", (v) => Number.parseInt(v, 10))
    .action(async (files: string[], opts: { python?: string | boolean; maxBytes?: number }) => {
      const result = await facts(files, { python: defaultPython(opts.python), maxBytes: opts.maxBytes });
      process.stdout.write(`${JSON.stringify(files.length === 1 ? result[0] : result, null, 2)}\n`);
    });
}
