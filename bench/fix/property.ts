// Property bench for the codemods on mutated real code: each case is a copy of one corpus project with one seeded
// mutation of the agreement bench's kinds (moved or renamed definitions, cycles) applied to its package; every fix
// remedy offers is applied, and then every written Python file must compile, the targeted findings be gone, and
// the real pytest (the project's pytest 9 venv) collect at least as many tests as before the fixes.
// Usage: node --import tsx bench/fix/property.ts [project,...] [mutations per project]   (default structlog 5; not pluggy:
// pytest itself imports pluggy, so a mutated pluggy crashes pytest before collection)
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { editedTexts, offerFixes } from "../../src/fix/index.ts";
import { scan } from "../../src/scan/index.ts";
import { outlines } from "../agreement/mutatedTree.ts";
import { applyModuleMutation, type ModuleMutationKind, type SubModule } from "../agreement/mutations.ts";
import { listModules } from "../agreement/realPackages.ts";
import { Random } from "../generate/random.ts";

const KINDS: ModuleMutationKind[] = [
  "move-definition",
  "rename-definition",
  "cycle-type-checking",
  "cycle-function-import",
];
const SKIP = /\/(\.git|\.remedy|__pycache__|\.pytest_cache|\.tox|\.nox|\.venv)$/;

export interface PropertyCase {
  project: string;
  index: number;
  mutation: string | null;
  fixes: number;
  unfixed: number;
  parseFailures: string[];
  stillReported: string[];
  testsBefore: number;
  testsAfter: number;
  ok: boolean;
}

function collected(dir: string, python: string, env: NodeJS.ProcessEnv): number {
  const r = spawnSync(python, ["-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider"], {
    cwd: dir,
    env: { ...env, PYTHONDONTWRITEBYTECODE: "1" },
    encoding: "utf8",
    timeout: 600_000,
  });
  const out = `${r.stdout}${r.stderr}`;
  const last = out.trim().split("\n").at(-1) ?? "";
  const perFile = [...out.matchAll(/^\S+\.py: (\d+)$/gm)].reduce((a, m) => a + Number(m[1]), 0);
  return Number(/(\d+) tests? collected/.exec(last)?.[1] ?? perFile);
}

/** The project's package directories: src/<pkg> or <pkg> with an __init__.py, tests excluded. */
function packages(tree: string): string[] {
  const out: string[] = [];
  for (const base of [join(tree, "src"), tree]) {
    if (!existsSync(base)) continue;
    for (const e of readdirSync(base)) {
      const d = join(base, e);
      if (!/^(tests?|docs|testing|bench.*)$/.test(e) && statSync(d).isDirectory() && existsSync(join(d, "__init__.py")))
        out.push(d);
    }
  }
  return out;
}

export async function propertyCase(project: string, index: number, seed = 1): Promise<PropertyCase> {
  const tree = join("/work/corpus/src", project);
  const python = join("/work/corpus/venv", `${project}-pt9`, "bin", "python");
  const base = mkdtempSync(join(tmpdir(), `remedy-fixprop-${project}-`));
  const copy = join(base, project);
  const result: PropertyCase = {
    project,
    index,
    mutation: null,
    fixes: 0,
    unfixed: 0,
    parseFailures: [],
    stillReported: [],
    testsBefore: 0,
    testsAfter: 0,
    ok: true,
  };
  try {
    cpSync(tree, copy, { recursive: true, verbatimSymlinks: true, filter: (s) => !SKIP.test(s) });
    const env = { ...process.env, PYTHONPATH: existsSync(join(copy, "src")) ? join(copy, "src") : copy };
    const pkgs = packages(copy);
    const modules = pkgs.flatMap((p) => listModules(p, ""));
    const outline = outlines(modules.map((m) => m.file));
    const t = {
      dir: pkgs[0] ?? copy,
      modules: modules.map((m) => ({ ...m, outline: outline[m.file] ?? null })),
      touched: [] as SubModule[],
    };
    const rng = new Random(`fixprop:${seed}:${project}:${index}`);
    for (let k = 0; k < KINDS.length && !result.mutation; k++)
      result.mutation = applyModuleMutation(KINDS[(index + k) % KINDS.length]!, t, rng.fork(String(k)));
    if (!result.mutation) return result;
    result.testsBefore = collected(copy, python, env);
    const before = await scan(copy, { cache: false, python, env });
    if (process.env.FIXPROP_DEBUG)
      console.log(
        before.findings.map((f) => `${f.kind} ${f.file}:${f.line}`),
        before.collection,
      );
    const { fixes, unfixed } = offerFixes(before, (p) => readFileSync(p, "utf8"));
    result.fixes = fixes.length;
    result.unfixed = unfixed.length;
    if (fixes.length === 0) {
      result.testsAfter = result.testsBefore; // nothing written
      return result;
    }
    const texts = editedTexts(
      fixes.flatMap((f) => f.edits),
      (p) => readFileSync(p, "utf8"),
    );
    for (const [file, text] of texts) writeFileSync(file, text);
    for (const file of texts.keys()) {
      if (!file.endsWith(".py")) continue;
      const c = spawnSync(python, [
        "-c",
        "import sys; compile(open(sys.argv[1],'rb').read(), sys.argv[1], 'exec')",
        file,
      ]);
      if (c.status !== 0) result.parseFailures.push(file);
    }
    const after = await scan(copy, { cache: false, python, env });
    const ids = new Set(after.findings.map((f) => `${f.kind}|${f.file}|${f.name}`));
    for (const f of fixes) {
      const target = before.findings.find((x) => x.id === f.finding)!;
      if (ids.has(`${target.kind}|${target.file}|${target.name}`)) result.stillReported.push(f.id);
    }
    result.testsAfter = collected(copy, python, env);
    result.ok =
      result.parseFailures.length === 0 && result.stillReported.length === 0 && result.testsAfter >= result.testsBefore;
    return result;
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const projects = (process.argv[2] ?? "structlog").split(",");
  const count = Number(process.argv[3] ?? 5);
  const all: PropertyCase[] = [];
  for (const p of projects) {
    for (let i = 0; i < count; i++) {
      const started = performance.now();
      const c = await propertyCase(p, i);
      all.push(c);
      console.log(
        `${p} #${i} ${c.mutation ?? "(no mutation)"}: ${c.fixes} fixes, ${c.unfixed} unfixed, pytest ${c.testsBefore} -> ${c.testsAfter}${c.ok ? "" : ` FAILED parse=${c.parseFailures.length} still=${c.stillReported.join(",")}`} (${Math.round(performance.now() - started)} ms)`,
      );
    }
  }
  const fixed = all.filter((c) => c.fixes > 0);
  console.log(
    `cases ${all.length}, with fixes ${fixed.length}, all properties hold ${all.filter((c) => c.ok).length}/${all.length}, tests regained ${fixed.reduce((a, c) => a + c.testsAfter - c.testsBefore, 0)}`,
  );
}
