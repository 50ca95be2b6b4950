// The property every fix remedy offers must keep, checked on one mutated copy of a real tree (issue "remedy fix,
// verify and check"): `remedy fix --write --unsafe` (the product's own path: offer, re-check, apply) is run on the
// copy, then every written Python file must compile, every targeted finding be gone from a fresh scan, and the real
// pytest collect at least as many tests as before the fixes. Shared by the corpus bench (bench/fix/property.ts) and
// the in-test version on the repository's own trees (test/fix/fixProperty.test.ts), which CI can run.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fixRepository, scan } from "../../src/index.ts";
import { runCollection } from "../../src/verify/index.ts";
import { outlines } from "../agreement/mutatedTree.ts";
import { applyModuleMutation, type ModuleMutationKind, type SubModule } from "../agreement/mutations.ts";
import { listModules } from "../agreement/realPackages.ts";
import { Random } from "../generate/random.ts";

/** What a tree is collected and scanned with. */
export interface PropertyTree {
  dir: string;
  python: string;
  env: NodeJS.ProcessEnv;
  args: string[];
}

/** The mutations whose findings a codemod claims to fix: a moved or renamed definition (relocated-import,
 *  renamed-import), a module-level import cycle that fails (type-checking-import, function-import) and a marker
 *  nobody registered under --strict-markers (register-marker). */
export const FIXABLE_MUTATIONS = [
  "move-definition",
  "rename-definition",
  "cycle-module-import",
  "unknown-marker",
] as const;
export type FixableMutation = (typeof FIXABLE_MUTATIONS)[number];

export interface PropertyCase {
  mutation: string | null;
  fixes: number;
  /** Findings a codemod looked at and left, with why (unsafe, failed re-check, uncertain). */
  unfixed: string[];
  parseFailures: string[];
  /** Fixes whose targeted finding a scan after the writes still reports. */
  stillReported: string[];
  testsBefore: number;
  testsAfter: number;
  ok: boolean;
}

/** The tests the real pytest collects in the tree (through remedy's oracle runner). */
export async function collectedTests(tree: PropertyTree): Promise<number> {
  const report = await runCollection({
    python: tree.python,
    cwd: tree.dir,
    args: tree.args,
    env: tree.env,
    timeoutMs: 600_000,
  });
  return report.files.reduce((a, f) => a + f.items.length, 0);
}

function compiles(python: string, file: string): boolean {
  const c = spawnSync(python, ["-c", "import sys; compile(open(sys.argv[1],'rb').read(), sys.argv[1], 'exec')", file]);
  return c.status === 0;
}

/** Runs `remedy fix --write --unsafe` on an already mutated tree and checks the three properties. */
export async function checkFixProperty(tree: PropertyTree, mutation: string | null): Promise<PropertyCase> {
  const result: PropertyCase = {
    mutation,
    fixes: 0,
    unfixed: [],
    parseFailures: [],
    stillReported: [],
    testsBefore: 0,
    testsAfter: 0,
    ok: true,
  };
  const options = { python: tree.python, env: tree.env, args: tree.args, cache: false } as const;
  result.testsBefore = await collectedTests(tree);
  const run = await fixRepository(tree.dir, { ...options, write: true, unsafe: true, allowDirty: true });
  result.fixes = run.fixes.length;
  result.unfixed = run.unfixed.map((u) => `${u.codemod}: ${u.reason}`);
  for (const rel of run.outcome.written) {
    if (rel.endsWith(".py") && !compiles(tree.python, join(tree.dir, rel))) result.parseFailures.push(rel);
  }
  if (run.fixes.length > 0) {
    const after = await scan(tree.dir, options);
    const key = (f: { kind: string; file: string; name?: string | null }) => `${f.kind}|${f.file}|${f.name ?? ""}`;
    const present = new Set(after.findings.map(key));
    for (const fix of run.fixes) {
      const target = run.scan.findings.find((f) => f.id === fix.finding);
      if (target && present.has(key(target))) result.stillReported.push(`${fix.codemod} ${target.kind} ${target.file}`);
    }
    result.testsAfter = await collectedTests(tree);
  } else {
    result.testsAfter = result.testsBefore; // nothing written
  }
  result.ok =
    result.parseFailures.length === 0 && result.stillReported.length === 0 && result.testsAfter >= result.testsBefore;
  return result;
}

/** Directories of `root`'s first-party packages: `src/<pkg>` or `<pkg>` with an `__init__.py`, tests left out. */
export function firstPartyPackages(root: string): string[] {
  const out: string[] = [];
  for (const base of [join(root, "src"), root]) {
    if (!existsSync(base)) continue;
    for (const e of readdirSync(base).sort()) {
      const d = join(base, e);
      if (/^(tests?|docs|testing|bench.*|examples?|tasks|scripts|tools)$/.test(e) || e.startsWith(".")) continue;
      if (statSync(d).isDirectory() && existsSync(join(d, "__init__.py"))) out.push(d);
    }
  }
  return out;
}

const TEST_FILE = /^test_.*\.py$|_test\.py$/;

function testFiles(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir).sort()) {
    if (e.startsWith(".") || e === "__pycache__" || e === "node_modules") continue;
    const p = join(dir, e);
    if (statSync(p).isDirectory()) testFiles(p, out);
    else if (TEST_FILE.test(e)) out.push(p);
  }
  return out;
}

/** Puts a marker no configuration registers on the first module-level test function of a seeded test file. */
function addUnknownMarker(root: string, rng: Random): string | null {
  const candidates = testFiles(root).filter((f) => /^def test_/m.test(readFileSync(f, "utf8")));
  if (candidates.length === 0) return null;
  const file = candidates[rng.int(0, candidates.length - 1)]!;
  const text = readFileSync(file, "utf8");
  const marker = `remedy_property_${rng.int(100, 999)}`;
  // The import goes beside the test, not at the top: a `from __future__` import or a docstring must stay first.
  const head = /^import pytest$/m.test(text) ? "" : "import pytest\n\n\n";
  writeFileSync(file, text.replace(/^def test_/m, `${head}@pytest.mark.${marker}\ndef test_`));
  return `mark the first test of ${file.slice(root.length + 1)} with the unregistered ${marker}`;
}

/** Applies one seeded fixable mutation to the tree at `root` (trying the next kind when a kind finds no place);
 *  returns its description and the pytest arguments the case needs (--strict-markers for a marker). */
export function mutateForFixes(
  root: string,
  packages: string[],
  index: number,
  seed: string,
): { mutation: string | null; args: string[] } {
  const modules = packages.flatMap((p) => listModules(p, ""));
  const outline = outlines(modules.map((m) => m.file));
  const subtree = {
    dir: packages[0] ?? root,
    modules: modules.map((m) => ({ ...m, outline: outline[m.file] ?? null })),
    touched: [] as SubModule[],
  };
  const rng = new Random(`fixprop:${seed}:${index}`);
  for (let k = 0; k < FIXABLE_MUTATIONS.length; k++) {
    const kind = FIXABLE_MUTATIONS[(index + k) % FIXABLE_MUTATIONS.length]!;
    const r = rng.fork(String(k));
    if (kind === "unknown-marker") {
      const mutation = addUnknownMarker(root, r);
      if (mutation) return { mutation, args: ["--strict-markers"] };
    } else {
      const mutation = applyModuleMutation(kind as ModuleMutationKind, subtree, r);
      if (mutation) return { mutation, args: [] };
    }
  }
  return { mutation: null, args: [] };
}
