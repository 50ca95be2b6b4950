// `npm run bench:generate -- --modules 2000 --seed 1 --out /tmp/mono2000 [--break delete-definition,...]`:
// writes a synthetic monorepo and prints what it wrote. Usage errors print one line and exit 2.
import { Command, CommanderError, InvalidArgumentError } from "commander";
import { BREAKAGE_KINDS, BreakageError, type BreakageKind } from "./breakages.ts";
import { GenerateError, generateMonorepo } from "./generateMonorepo.ts";

function integer(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n)) throw new InvalidArgumentError("not an integer");
  return n;
}

function kinds(value: string): BreakageKind[] {
  const list = value.split(",").filter(Boolean);
  for (const k of list) {
    if (!(BREAKAGE_KINDS as readonly string[]).includes(k)) {
      throw new InvalidArgumentError(`unknown breakage '${k}' (one of: ${BREAKAGE_KINDS.join(", ")})`);
    }
  }
  return list as BreakageKind[];
}

const program = new Command("bench:generate")
  .description("Write a deterministic synthetic Python monorepo for remedy's benches.")
  .requiredOption("--modules <n>", "Python files to write (100..10000)", integer)
  .option("--seed <n>", "random seed", integer, 1)
  .requiredOption("--out <dir>", "target directory (new or empty)")
  .option("--break <kinds>", `comma-separated breakages: ${BREAKAGE_KINDS.join(", ")}`, kinds, [])
  .exitOverride();

try {
  program.parse(process.argv);
  const o = program.opts<{ modules: number; seed: number; out: string; break: BreakageKind[] }>();
  const started = performance.now();
  const r = generateMonorepo({ dir: o.out, modules: o.modules, seed: o.seed, breakages: o.break });
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `${r.dir}: ${r.modules} modules, ${r.files} files, ${(r.bytes / 1e6).toFixed(1)} MB, ${r.lines} lines, ` +
      `${r.testFiles} test files, ${r.testItems} test items (clean), generated in ${seconds.toFixed(2)} s`,
  );
  for (const b of r.breakages) console.log(`  ${b.kind}: ${b.detail} (${b.affected.length} files affected)`);
} catch (error) {
  if (error instanceof CommanderError) process.exit(error.exitCode === 0 ? 0 : 2);
  if (error instanceof GenerateError || error instanceof BreakageError) {
    console.error(`bench:generate: ${error.message}`);
    process.exit(2);
  }
  throw error;
}
