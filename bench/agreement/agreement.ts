// The agreement bench: remedy's scan() against the real `pytest --collect-only` on clean real code, on mutated
// copies of it and on generated monorepos with breakages; returns every per-file comparison and the scores.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeCleanTree } from "./cleanTree.ts";
import { runGenerated } from "./generatedRuns.ts";
import { type MutationRecord, writeMutatedTree } from "./mutatedTree.ts";
import type { MutationKind } from "./mutations.ts";
import { canNest, listModules, packageSource } from "./realPackages.ts";
import { runTree } from "./runTree.ts";
import { type FileComparison, type GroupScore, scoresByGroup } from "./score.ts";

export interface AgreementOptions {
  /** Packages of the clean tree ("click", "std:json"). */
  packages: string[];
  seed: number;
  /** Mutations of real packages. */
  count: number;
  /** Sub-trees (mutations) per pytest run. */
  batch: number;
  /** Generated repositories (each with `perRepo` breakages of one kind). */
  generated: number;
  perRepo?: number;
  kinds?: readonly MutationKind[];
  /** Keep the temporary trees (their paths are in the result). */
  keep?: boolean;
  log?: (line: string) => void;
}

export interface RunTiming {
  run: string;
  files: number;
  pytestMs: number;
  remedyMs: number;
}

export interface AgreementResult {
  options: AgreementOptions;
  rows: FileComparison[];
  scores: { clean: GroupScore[]; mutated: GroupScore[]; generated: GroupScore[]; all: GroupScore[] };
  mutations: MutationRecord[];
  mutatedPackages: string[];
  skipped: { spec: string; reason: string }[];
  timings: RunTiming[];
  totalMs: number;
}

/** Packages whose clean copy agrees everywhere and that are small directories: mutations on them measure the
 *  mutation, not a disagreement the clean run already shows. */
function mutablePackages(rows: FileComparison[], tests: Map<string, string>, packages: string[]): string[] {
  const bad = new Set<string>();
  for (const r of rows) {
    const dotted = tests.get(r.file);
    if (dotted && (r.outcome === "disagree" || r.outcome === "runtime")) {
      const parts = dotted.split(".");
      bad.add(parts[0] === "std" ? `std:${parts[1]}` : parts[0]!);
    }
  }
  return packages.filter((spec) => {
    const src = packageSource(spec);
    if (src.endsWith(".py") || bad.has(spec) || !canNest(src)) return false;
    const n = listModules(src, "").length;
    return n >= 2 && n <= 40;
  });
}

export async function runAgreement(options: AgreementOptions): Promise<AgreementResult> {
  const started = performance.now();
  const log = options.log ?? (() => {});
  const timings: RunTiming[] = [];
  const rows: FileComparison[] = [];
  const dirs: string[] = [];

  const cleanRoot = mkdtempSync(join(tmpdir(), "agr-clean-"));
  dirs.push(cleanRoot);
  const clean = writeCleanTree(cleanRoot, options.packages);
  log(`clean: ${clean.tests.size} test files from ${clean.packages.length} packages in ${cleanRoot}`);
  const c = await runTree(cleanRoot, cleanRoot, () => ({ group: "clean", mutation: null }));
  rows.push(...c.rows);
  timings.push({ run: "clean", files: c.rows.length, pytestMs: c.pytestMs, remedyMs: c.remedyMs });

  const mutable = mutablePackages(c.rows, clean.tests, clean.packages);
  const mutations: MutationRecord[] = [];
  if (options.count > 0 && mutable.length === 0) throw new Error("no package qualifies for mutations");
  for (let first = 1; first <= options.count; first += options.batch) {
    const root = mkdtempSync(join(tmpdir(), "agr-mut-"));
    dirs.push(root);
    const n = Math.min(options.batch, options.count - first + 1);
    const tree = writeMutatedTree(root, {
      packages: mutable,
      kinds: options.kinds,
      count: n,
      first,
      seed: options.seed,
    });
    const bySub = new Map(tree.mutations.map((m) => [m.subtree, m]));
    mutations.push(...tree.mutations);
    const r = await runTree(root, root, (file) => {
      const m = bySub.get(file.split("/")[0]!);
      return {
        group: m?.kind ?? "mutated:other",
        mutation: m ? `${m.subtree} (${m.package}): ${m.description}` : null,
      };
    });
    rows.push(...r.rows);
    timings.push({
      run: `mutations ${first}-${first + n - 1}`,
      files: r.rows.length,
      pytestMs: r.pytestMs,
      remedyMs: r.remedyMs,
    });
    log(
      `mutations ${first}-${first + n - 1}: ${r.rows.length} files, pytest ${r.pytestMs} ms, remedy ${r.remedyMs} ms`,
    );
    if (!options.keep) rmSync(root, { recursive: true, force: true });
  }

  for (const g of await runGenerated({
    repos: options.generated,
    seed: options.seed,
    perRepo: options.perRepo,
    keep: options.keep,
  })) {
    rows.push(...g.rows);
    timings.push({ run: `generated seed ${g.seed}`, files: g.rows.length, pytestMs: g.pytestMs, remedyMs: g.remedyMs });
    log(`generated seed ${g.seed} (${g.kind}): ${g.rows.length} files`);
  }
  if (!options.keep) rmSync(cleanRoot, { recursive: true, force: true });

  const isGen = (r: FileComparison) => r.group.startsWith("gen:");
  const scores = {
    clean: scoresByGroup(rows.filter((r) => r.group === "clean")),
    mutated: scoresByGroup(rows.filter((r) => r.group !== "clean" && !isGen(r))),
    generated: scoresByGroup(rows.filter(isGen)),
    all: scoresByGroup(rows),
  };
  return {
    options,
    rows,
    scores,
    mutations,
    mutatedPackages: mutable,
    skipped: clean.skipped,
    timings,
    totalMs: Math.round(performance.now() - started),
  };
}
