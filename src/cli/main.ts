// The `remedy` command: parses arguments, calls the library API (src/index.ts), prints, sets the exit code.
import { Command } from "commander";
import { VERSION } from "../index.ts";

export async function main(argv: string[]): Promise<void> {
  const program = new Command("remedy").version(VERSION).description("Diagnose and fix pytest collection errors.");
  await program.parseAsync(argv, { from: "user" });
}
