// generateMonorepo(): writes a realistic, deterministic Python monorepo for the speed and agreement benches,
// optionally with seeded breakages (recorded in BREAKAGES.json). The clean tree collects without errors.
import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { applyBreakages, type BreakageKind, type BreakageRecord } from "./breakages.ts";
import { buildPlan } from "./buildPlan.ts";
import { Random } from "./random.ts";
import { renderConfig, renderReadme } from "./renderConfig.ts";
import { renderSource } from "./renderSource.ts";
import { renderConftest, renderSupport, renderTestModule } from "./renderTests.ts";
import { itemCount } from "./testSuites.ts";

export interface GenerateOptions {
  /** Target directory: must not exist or be empty. */
  dir: string;
  /** Number of Python files to write (100..10000). */
  modules: number;
  seed: number;
  breakages?: readonly BreakageKind[];
}

export interface GenerateResult {
  dir: string;
  /** Python files written. */
  modules: number;
  /** All files written (Python, config, README, BREAKAGES.json). */
  files: number;
  bytes: number;
  lines: number;
  testFiles: number;
  /** Test items pytest collects from the clean tree (parametrize expanded). */
  testItems: number;
  breakages: BreakageRecord[];
}

export class GenerateError extends Error {
  override name = "GenerateError";
}

export const MIN_MODULES = 100;
export const MAX_MODULES = 10000;

export function generateMonorepo(options: GenerateOptions): GenerateResult {
  const { dir, modules, seed } = options;
  if (!Number.isInteger(modules) || modules < MIN_MODULES || modules > MAX_MODULES) {
    throw new GenerateError(`--modules must be an integer from ${MIN_MODULES} to ${MAX_MODULES}, got ${modules}`);
  }
  if (!Number.isInteger(seed) || seed < 0)
    throw new GenerateError(`--seed must be a non-negative integer, got ${seed}`);
  if (existsSync(dir) && readdirSync(dir).length > 0) {
    throw new GenerateError(`${dir} is not empty: generate into a new or empty directory`);
  }
  const plan = buildPlan(modules, seed);
  const testItemsClean = plan.modules.reduce((n, m) => n + (m.tests ? itemCount(m.tests) : 0), 0);
  const records = options.breakages?.length
    ? applyBreakages(plan, options.breakages, new Random(`${seed}:breakages`))
    : [];

  const out = new Map<string, string>();
  for (const m of plan.modules) {
    if (m.kind === "test") out.set(m.file, renderTestModule(m, seed));
    else if (m.kind === "conftest") out.set(m.file, renderConftest(m, seed));
    else if (m.kind === "support") out.set(m.file, renderSupport(m));
    else if (m.area === "tests") out.set(m.file, m.file.split("/").length === 2 ? `"""Test suites."""\n` : "");
    else out.set(m.file, renderSource(m, seed));
  }
  const pyFiles = out.size;
  out.set(plan.configFile, renderConfig(plan));
  out.set("README.md", renderReadme(plan, modules));
  if (records.length > 0)
    out.set("BREAKAGES.json", `${JSON.stringify({ seed, modules, breakages: records }, null, 2)}\n`);

  let bytes = 0;
  let lines = 0;
  for (const [file, text] of [...out].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const path = join(dir, file);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    bytes += Buffer.byteLength(text);
    lines += text.split("\n").length - 1;
  }
  return {
    dir,
    modules: pyFiles,
    files: out.size,
    bytes,
    lines,
    testFiles: plan.modules.filter((m) => m.kind === "test").length,
    testItems: testItemsClean,
    breakages: records,
  };
}
