// Mutations on generated monorepos (bench/generate): one tree per repository, each with a few seeded breakages
// of one kind, so every test file's verdict is attributed to that kind ("gen:<kind>").
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BREAKAGE_KINDS, type BreakageKind } from "../generate/breakages.ts";
import { generateMonorepo } from "../generate/generateMonorepo.ts";
import { runTree } from "./runTree.ts";
import type { FileComparison } from "./score.ts";

export interface GeneratedRun {
  seed: number;
  kind: BreakageKind;
  breakages: number;
  rows: FileComparison[];
  pytestMs: number;
  remedyMs: number;
}

/** `repos` repositories of `modules` modules, kinds cycling, `perRepo` breakages each; seeds from `seed`. */
export async function runGenerated(options: {
  repos: number;
  seed: number;
  modules?: number;
  perRepo?: number;
  keep?: boolean;
}): Promise<GeneratedRun[]> {
  const out: GeneratedRun[] = [];
  for (let i = 0; i < options.repos; i++) {
    const kind = BREAKAGE_KINDS[i % BREAKAGE_KINDS.length]!;
    const seed = options.seed * 1000 + i;
    const dir = mkdtempSync(join(tmpdir(), `agr-gen-${seed}-`));
    const gen = generateMonorepo({
      dir,
      modules: options.modules ?? 120,
      seed,
      breakages: Array(options.perRepo ?? 2).fill(kind),
    });
    const mutation = gen.breakages.map((b) => `${b.kind} ${b.module ?? b.file}:${b.name} -> ${b.detail}`).join("; ");
    const run = `generateMonorepo({modules: ${options.modules ?? 120}, seed: ${seed}, breakages: [${gen.breakages.map((b) => b.kind).join(",")}]})`;
    const r = await runTree(dir, run, () => ({ group: `gen:${kind}`, mutation }));
    out.push({ seed, kind, breakages: gen.breakages.length, ...r });
    if (!options.keep) rmSync(dir, { recursive: true, force: true });
  }
  return out;
}
