// `npm run bench:agreement -- [--packages a,b] [--seed 1] [--count 2000] [--batch 200] [--generated 12]`:
// scores remedy against the real pytest, prints the tables and every disagreement, writes bench/results/*.json.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Command, CommanderError, InvalidArgumentError } from "commander";
import { runAgreement } from "./agreement.ts";
import { MUTATION_KINDS, type MutationKind } from "./mutations.ts";
import { DEFAULT_SITE, DEFAULT_STDLIB } from "./realPackages.ts";
import { type FileComparison, formatDisagreement, formatTable } from "./score.ts";

function integer(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError("not a non-negative integer");
  return n;
}

function kinds(value: string): MutationKind[] {
  const list = value.split(",").filter(Boolean);
  for (const k of list) {
    if (!(MUTATION_KINDS as readonly string[]).includes(k))
      throw new InvalidArgumentError(`unknown mutation '${k}' (one of: ${MUTATION_KINDS.join(", ")})`);
  }
  return list as MutationKind[];
}

const defaults = [...DEFAULT_SITE, ...DEFAULT_STDLIB.map((s) => `std:${s}`)].join(",");
const program = new Command("bench:agreement")
  .description("Score remedy's predictions against the real pytest --collect-only.")
  .option("--packages <list>", "packages of the clean tree (std:NAME for stdlib)", defaults)
  .option("--seed <n>", "random seed", integer, 1)
  .option("--count <n>", "mutations of real packages", integer, 2000)
  .option("--batch <n>", "mutations per pytest run", integer, 200)
  .option("--generated <n>", "generated monorepos (2 breakages of one kind each)", integer, 12)
  .option("--kinds <list>", `mutation kinds: ${MUTATION_KINDS.join(", ")}`, kinds)
  .option("--keep", "keep the temporary trees")
  .option("--out <file>", "JSON result file (default bench/results/agreement-<time>.json)")
  .exitOverride();

/** Disagreements with the same verdict pair are one pattern; the first occurrence stands for it. */
function patterns(rows: FileComparison[]): { count: number; example: FileComparison }[] {
  const strip = (m: string) => m.replace(/\bm\d{4}\./g, "mNNNN.").replace(/\bm\d{4}\//g, "mNNNN/");
  const map = new Map<string, { count: number; example: FileComparison }>();
  for (const r of rows) {
    const key = `${r.group}|${r.pytest?.type}:${strip(r.pytest?.message ?? "")}|${r.remedy?.type}:${strip(r.remedy?.message ?? "")}`;
    const p = map.get(key);
    if (p) p.count += 1;
    else map.set(key, { count: 1, example: r });
  }
  return [...map.values()].sort((a, b) => b.count - a.count);
}

try {
  program.parse(process.argv);
  const o = program.opts<{
    packages: string;
    seed: number;
    count: number;
    batch: number;
    generated: number;
    kinds?: MutationKind[];
    keep?: boolean;
    out?: string;
  }>();
  const result = await runAgreement({
    packages: o.packages.split(",").filter(Boolean),
    seed: o.seed,
    count: o.count,
    batch: Math.max(1, o.batch),
    generated: o.generated,
    kinds: o.kinds,
    keep: o.keep,
    log: (l) => console.error(l),
  });
  const s = result.scores;
  console.log("\n== clean real code ==");
  console.log(formatTable(s.clean));
  console.log(
    `\n== mutated real code (${result.mutations.length} mutations on ${result.mutatedPackages.join(", ")}) ==`,
  );
  console.log(formatTable(s.mutated));
  console.log("\n== generated monorepos ==");
  console.log(formatTable(s.generated));
  console.log("\n== all ==");
  console.log(formatTable(s.all.slice(-1)));
  const runtime = result.rows.filter((r) => r.outcome === "runtime");
  const causes = new Map<string, number>();
  for (const r of runtime) causes.set(r.cause!, (causes.get(r.cause!) ?? 0) + 1);
  console.log(`\nruntime failures (not scored): ${[...causes].map(([c, n]) => `${c} ${n}`).join(", ") || "none"}`);
  const dis = result.rows.filter((r) => r.outcome === "disagree");
  const pats = patterns(dis);
  console.log(`\n== ${dis.length} disagreements, ${pats.length} patterns (first example of each) ==`);
  for (const p of pats) console.log(`${p.count}x ${formatDisagreement(p.example)}`);
  console.log(
    `\ntotal ${(result.totalMs / 1000).toFixed(1)} s; skipped packages: ${result.skipped.map((x) => x.spec).join(", ") || "none"}`,
  );
  const out = o.out ?? join("bench", "results", `agreement-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
  mkdirSync(join(out, ".."), { recursive: true });
  writeFileSync(out, `${JSON.stringify(result, null, 1)}\n`);
  console.log(`written ${out}`);
} catch (e) {
  if (e instanceof CommanderError) process.exit(e.exitCode === 0 ? 0 : 2);
  throw e;
}
