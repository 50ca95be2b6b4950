// The `remedy` command: parses arguments, calls the library API (src/index.ts), prints, sets the exit code.
// Exit codes: 0 nothing blocks collection, 1 something does, 2 usage or configuration error.
import { Command, CommanderError } from "commander";
import { RemedyError, VERSION } from "../index.ts";
import { registerAudit } from "./commands/audit.ts";
import { registerCheck } from "./commands/check.ts";
import { registerConfig } from "./commands/config.ts";
import { registerFacts } from "./commands/facts.ts";
import { registerFix } from "./commands/fix.ts";
import { registerHistory } from "./commands/history.ts";
import { registerPlan } from "./commands/plan.ts";
import { registerReport } from "./commands/report.ts";
import { registerRules } from "./commands/rules.ts";
import { registerScan } from "./commands/scan.ts";
import { registerVerify } from "./commands/verify.ts";

/** Every command with its arguments and options (also what the README's flag reference is generated from). */
export function buildProgram(): Command {
  const program = new Command("remedy")
    .version(VERSION)
    .description("Find, explain, plan, fix and verify what stops a pytest suite from being collected.")
    .exitOverride()
    .showHelpAfterError();
  registerFacts(program);
  registerScan(program);
  registerAudit(program);
  registerReport(program);
  registerPlan(program);
  registerFix(program);
  registerVerify(program);
  registerCheck(program);
  registerHistory(program);
  registerConfig(program);
  registerRules(program);
  return program;
}

export async function main(argv: string[]): Promise<void> {
  // `remedy facts ... | head`: a reader that stops early is not an error (no stack trace, the pipe decides).
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw error;
  });
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: "user" });
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode === 0 ? 0 : 2;
      return;
    }
    if (error instanceof RemedyError) {
      process.stderr.write(`remedy: ${error.message}\n`);
      process.exitCode = 2;
      return;
    }
    throw error;
  }
}
