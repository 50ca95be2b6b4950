// Corpus mutations: each case is its own copy of one project's tree (under /work/corpus/mut/, never the tree
// itself) with one seeded mutation of the agreement bench's kinds (bench/agreement/mutations.ts) applied to the
// project's own first-party modules, its test directories or its configuration; then the real pytest and a cold
// remedy scan on that copy, compared file by file as in the clean bench (compare.ts).
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";
import { outlines } from "../agreement/mutatedTree.ts";
import {
  applyModuleMutation,
  isModuleMutation,
  MUTATION_KINDS,
  type MutationKind,
  missingImport,
  type SubModule,
  writeTestFile,
} from "../agreement/mutations.ts";
import { listModules } from "../agreement/realPackages.ts";
import type { FileComparison } from "../agreement/score.ts";
import { Random } from "../generate/random.ts";
import { compareProject, type ProjectRun, type Remedy } from "./compare.ts";
import { CORPUS, type Project, type PytestMajor, treeDir, venvDir } from "./corpus.ts";

export const MUT_DIR = join(CORPUS, "mut");

const TEST_FILE = /^test_.*\.py$|_test\.py$|^conftest\.py$/;

/** What a project offers to mutate, read once from its clean tree. */
interface ProjectModel {
  /** First-party modules (outside test files and conftests) of a top-level package the tests import. */
  modules: SubModule[];
  /** Of those, the ones test files import directly. */
  testedModules: Set<string>;
  /** Directories (tree-relative) of the test files pytest collected cleanly. */
  testDirs: string[];
  /** Test files and conftests (tree-relative): where marker uses are looked for. */
  testFiles: string[];
  /** Directories (tree-relative) an editable install of the venv puts on sys.path, other than the invocation dir. */
  editable: string[];
}

/** Paths of the venv's .pth files that point inside the tree (editable installs of the project itself). */
export function editablePaths(p: Project, major: PytestMajor): string[] {
  const tree = treeDir(p);
  const site = join(venvDir(p, major), "lib");
  const out = new Set<string>();
  for (const py of existsSync(site) ? readdirSync(site) : []) {
    const dir = join(site, py, "site-packages");
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).filter((x) => x.endsWith(".pth"))) {
      for (const line of readFileSync(join(dir, f), "utf8").split("\n")) {
        const path = line.trim();
        if (path === tree || path.startsWith(`${tree}/`)) out.add(relative(tree, path));
      }
    }
  }
  return [...out].filter((r) => resolve(tree, r) !== resolve(tree, p.cwd));
}

function importedTops(
  files: string[],
  outline: ReturnType<typeof outlines>,
): { tops: Set<string>; dotted: Set<string> } {
  const tops = new Set<string>();
  const dotted = new Set<string>();
  for (const f of files) {
    for (const imp of outline[f]?.imports ?? []) {
      if (imp.level !== 0) continue;
      const mods = imp.module === null ? imp.names : [imp.module, ...imp.names.map((n) => `${imp.module}.${n}`)];
      for (const m of mods) {
        dotted.add(m);
        tops.add(m.split(".")[0]!);
      }
    }
  }
  return { tops, dotted };
}

function modelProject(p: Project, major: PytestMajor, clean: ProjectRun, rootRel: string): ProjectModel {
  const tree = treeDir(p);
  const editable = editablePaths(p, major);
  const roots = [...new Set([p.cwd, ...editable])].map((r) => resolve(tree, r));
  const collected = clean.rows.filter((r) => r.file !== "<session>" && !r.file.endsWith("conftest.py"));
  const testFiles = collected.map((r) => join(rootRel, r.file));
  const conftests: string[] = [];
  for (const d of new Set(testFiles.map((f) => dirname(f)))) {
    for (let x = d; x !== "." && x !== "/" && x !== ""; x = dirname(x))
      if (existsSync(join(tree, x, "conftest.py"))) conftests.push(join(x, "conftest.py"));
  }
  if (existsSync(join(tree, p.cwd, "conftest.py"))) conftests.push(join(p.cwd, "conftest.py"));
  const testSide = [...new Set([...testFiles, ...conftests])];
  const candidates: { dotted: string; file: string }[] = [];
  for (const root of roots) {
    for (const entry of readdirSync(root).sort()) {
      const path = join(root, entry);
      if (statSync(path).isDirectory()) candidates.push(...listModules(path, ""));
      else if (/^[A-Za-z_]\w*\.py$/.test(entry) && !TEST_FILE.test(entry) && !/^(setup|noxfile)\.py$/.test(entry))
        candidates.push({ dotted: entry.slice(0, -3), file: path });
    }
  }
  const firstParty = candidates.filter((m) => !TEST_FILE.test(basename(m.file)));
  const found = outlines([...testSide.map((f) => join(tree, f)), ...firstParty.map((m) => m.file)]);
  const { tops, dotted } = importedTops(
    testSide.map((f) => join(tree, f)),
    found,
  );
  const modules = firstParty
    .filter((m) => tops.has(m.dotted.split(".")[0]!))
    .map((m) => ({ ...m, outline: found[m.file] ?? null }));
  return {
    modules,
    testedModules: new Set(modules.filter((m) => dotted.has(m.dotted)).map((m) => m.dotted)),
    testDirs: [
      ...new Set(collected.filter((r) => r.outcome === "agree-collect").map((r) => dirname(join(rootRel, r.file)))),
    ].sort(),
    testFiles: testSide,
    editable,
  };
}

const pick = <T>(xs: T[], rng: Random): T | null => (xs.length ? xs[rng.int(0, xs.length - 1)]! : null);

interface MarkerEdit {
  name: string;
  file: string;
  apply: (lines: string[]) => void;
}

/** Marker registrations of the project: `markers` of its ini-style or TOML configuration (one per line or on the
 *  `markers =` line itself), and `config.addinivalue_line("markers", "name...")` lines of its conftests. */
function markerRegistrations(copyCwd: string, conftests: string[]): MarkerEdit[] {
  const out: MarkerEdit[] = [];
  for (const cfg of ["pytest.ini", "pyproject.toml", "tox.ini", "setup.cfg"]) {
    const file = join(copyCwd, cfg);
    if (!existsSync(file)) continue;
    const ls = readFileSync(file, "utf8").split("\n");
    const toml = cfg.endsWith(".toml");
    ls.forEach((line, i) => {
      if (!/^\s*markers\s*=/.test(line)) return;
      const rhs = line.slice(line.indexOf("=") + 1);
      for (const m of rhs.matchAll(/(["'])([A-Za-z_]\w*)[^"']*\1\s*,?\s*/g)) {
        const text = m[0];
        out.push({
          name: m[2]!,
          file,
          apply: (x) => {
            x[i] = x[i]!.replace(text, "");
          },
        });
      }
      for (let j = i + 1; j < ls.length; j++) {
        const l = ls[j]!;
        if (toml ? /^\s*\]/.test(l) || /^\s*\[/.test(l) : !/^\s+\S/.test(l)) break;
        const name = /^\s*["']?([A-Za-z_]\w*)/.exec(l)?.[1];
        const at = j;
        if (name) out.push({ name, file, apply: (x) => void x.splice(at, 1) });
      }
    });
  }
  for (const file of conftests) {
    const ls = readFileSync(file, "utf8").split("\n");
    ls.forEach((line, i) => {
      const m = /^(\s*).*addinivalue_line\(\s*["']markers["']\s*,\s*f?["']([A-Za-z_]\w*).*\)\s*$/.exec(line);
      if (m)
        out.push({
          name: m[2]!,
          file,
          apply: (x) => {
            x[i] = `${m[1]}pass`;
          },
        });
    });
  }
  return out;
}

/** One mutation on the copy at `copyRoot` (the project's tree); its one-line description, or null. */
function mutate(
  kind: MutationKind,
  p: Project,
  model: ProjectModel,
  copyRoot: string,
  rng: Random,
): { description: string; touched: string[] } | null {
  const tree = treeDir(p);
  const inCopy = (f: string) => join(copyRoot, relative(tree, f));
  const t = {
    dir: copyRoot,
    modules: model.modules.map((m) => ({ ...m, file: inCopy(m.file) })),
    touched: [] as SubModule[],
  };
  const relCopy = (f: string) => join(p.name, relative(copyRoot, f));
  const touched = () => t.touched.map((m) => m.dotted);
  if (isModuleMutation(kind)) {
    const description = applyModuleMutation(kind, t, rng);
    return description ? { description, touched: touched() } : null;
  }
  const tested = t.modules.filter((m) => model.testedModules.has(m.dotted));
  switch (kind) {
    case "unregister-marker": {
      const registered = markerRegistrations(
        join(copyRoot, p.cwd),
        model.testFiles.filter((f) => f.endsWith("conftest.py")).map((f) => join(copyRoot, f)),
      );
      const text = model.testFiles.map((f) => readFileSync(join(copyRoot, f), "utf8")).join("\n");
      const used = registered.filter((r) => new RegExp(`\\bmark\\.${r.name}\\b`).test(text));
      const r = pick(used.length > 0 && rng.next() < 0.8 ? used : registered, rng);
      if (!r) return null;
      const ls = readFileSync(r.file, "utf8").split("\n");
      r.apply(ls);
      writeFileSync(r.file, ls.join("\n"));
      return { description: `unregister marker '${r.name}' in ${relCopy(r.file)}`, touched: [] };
    }
    case "failing-conftest": {
      const d = pick(model.testDirs, rng);
      const m = pick(tested.length ? tested : t.modules, rng);
      if (d === null || !m) return null;
      // The missing submodule goes under the module's package (`import pkg.mod.x` of a plain module would fail
      // with "'pkg.mod' is not a package", a message the scorer counts as a runtime cause).
      const pkg = m.file.endsWith("__init__.py") ? m.dotted : m.dotted.split(".").slice(0, -1).join(".") || m.dotted;
      const body = missingImport(m.dotted, rng, pkg);
      const file = join(copyRoot, d, "conftest.py");
      const existed = existsSync(file);
      writeFileSync(file, existed ? `${readFileSync(file, "utf8")}\n${body}` : body);
      return {
        description: `${existed ? "append to" : "add"} ${relCopy(file)}: ${body.trim()}`,
        touched: [m.dotted],
      };
    }
    case "duplicate-basename": {
      const d = pick(model.testDirs, rng);
      const m = pick(tested.length ? tested : t.modules, rng);
      if (d === null) return null;
      for (const sub of ["dup_a", "dup_b"])
        writeTestFile(join(copyRoot, d, sub, "test_dup_remedy.py"), m?.dotted ?? null, null);
      return {
        description: `add ${relCopy(join(copyRoot, d))}/dup_a/test_dup_remedy.py and dup_b/ (no __init__.py, same basename${m ? `, each 'import ${m.dotted}'` : ""})`,
        touched: m ? [m.dotted] : [],
      };
    }
  }
  return null;
}

const SKIP_COPY = /\/(\.remedy|\.pytest_cache|__pycache__|\.git|\.mypy_cache|\.tox|\.nox|\.venv)$/;

/** A real copy of the tree (no hard links; symlinks kept as they are). */
function copyTree(src: string, dest: string): void {
  rmSync(dirname(dest), { recursive: true, force: true });
  mkdirSync(dirname(dest), { recursive: true });
  cpSync(src, dest, { recursive: true, verbatimSymlinks: true, filter: (s) => !SKIP_COPY.test(s) });
}

export interface MutationCase {
  project: string;
  pytest: PytestMajor;
  index: number;
  kind: MutationKind;
  description: string;
  /** Modules the mutation edited or whose import it targets. */
  touched: string[];
  /** PYTHONPATH given to both sides (editable installs pointed at the copy). */
  pythonpath: string | null;
  run?: ProjectRun;
  failure?: string;
}

export interface SkippedProject {
  project: string;
  pytest: PytestMajor;
  reason: string;
}

export interface MutationBench {
  cases: MutationCase[];
  clean: ProjectRun[];
  skipped: SkippedProject[];
}

const nameHash = (s: string) => [...s].reduce((a, c) => a + c.charCodeAt(0), 0);

/** Runs `count` mutations per qualifying project and pytest version (the clean run qualifies it first). */
export async function runMutationBench(options: {
  remedy: Remedy;
  projects: Project[];
  majors: PytestMajor[];
  count: number;
  /** Only these case numbers (to reproduce one: the same seed gives the same mutation). */
  only?: number[];
  seed: number;
  timeoutMs: number;
  keep: boolean;
  log: (line: string) => void;
}): Promise<MutationBench> {
  const { remedy, count, seed, timeoutMs, log } = options;
  const out: MutationBench = { cases: [], clean: [], skipped: [] };
  for (const p of options.projects) {
    for (const major of options.majors) {
      const skip = (reason: string) => {
        out.skipped.push({ project: p.name, pytest: major, reason });
        log(`${p.name} pt${major}: skipped, ${reason}`);
      };
      let clean: ProjectRun;
      try {
        clean = await compareProject(remedy, p, major, p.pyFiles ?? 0, timeoutMs);
      } catch (e) {
        skip(`the clean run failed (${e instanceof Error ? e.message.slice(0, 200) : String(e)})`);
        continue;
      }
      out.clean.push(clean);
      if (clean.py.exit === 4 || clean.py.session) {
        skip(`start-up failure on the clean tree (pytest exit ${clean.py.exit}): it measures nothing`);
        continue;
      }
      if (!clean.identical) {
        skip("the clean verdict is not identical");
        continue;
      }
      // The tree-relative rootdir (file rows are relative to it).
      const tree = treeDir(p);
      const rootRel = relative(tree, resolve(tree, p.cwd));
      const model = modelProject(p, major, clean, rootRel);
      log(
        `${p.name} pt${major}: clean identical; ${model.modules.length} first-party modules, ${model.testDirs.length} test dirs${model.editable.length ? `, editable ${model.editable.join(", ")}` : ""}`,
      );
      const start = nameHash(p.name);
      for (let i = 0; i < count; i++) {
        if (options.only && !options.only.includes(i)) continue;
        const caseDir = join(MUT_DIR, `${p.name}-pt${major}-${String(i).padStart(3, "0")}`);
        const copyRoot = join(caseDir, p.name);
        copyTree(tree, copyRoot);
        // The same mutations under both pytest versions: the seed does not depend on the version.
        const rng = new Random(`realworld:${seed}:${p.name}:${i}`);
        let applied: { kind: MutationKind; description: string; touched: string[] } | null = null;
        for (let k = 0; k < MUTATION_KINDS.length && !applied; k++) {
          const kind = MUTATION_KINDS[(start + i + k) % MUTATION_KINDS.length]!;
          const r = mutate(kind, p, model, copyRoot, rng.fork(kind));
          if (r) applied = { kind, ...r };
        }
        if (!applied) {
          log(`${p.name} pt${major} #${i}: no mutation applies`);
          rmSync(caseDir, { recursive: true, force: true });
          continue;
        }
        const pythonpath = model.editable.length ? model.editable.map((e) => join(copyRoot, e)).join(":") : null;
        const env = { ...process.env, ...(pythonpath ? { PYTHONPATH: pythonpath } : {}) };
        const c: MutationCase = { project: p.name, pytest: major, index: i, ...applied, pythonpath };
        try {
          c.run = await compareProject(remedy, p, major, p.pyFiles ?? 0, timeoutMs, {
            tree: copyRoot,
            env,
            group: applied.kind,
            mutation: applied.description,
          });
          const s = c.run.score;
          log(
            `${p.name} pt${major} #${i} ${applied.kind}: ${applied.description} -> TP ${s.tp} FP ${s.fp} FN ${s.fn}, pytest ${c.run.py.ms} ms, remedy ${c.run.rm.ms} ms`,
          );
        } catch (e) {
          c.failure = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
          log(
            `${p.name} pt${major} #${i} ${applied.kind}: ${applied.description} -> failed: ${c.failure.slice(0, 300)}`,
          );
        }
        out.cases.push(c);
        if (!options.keep) rmSync(caseDir, { recursive: true, force: true });
      }
    }
  }
  return out;
}

interface Tally {
  cases: number;
  same: number;
  tp: number;
  fp: number;
  fn: number;
  runtime: number;
  minRatio: number;
}

function tally(cases: MutationCase[]): Tally {
  const ran = cases.filter((c) => c.run);
  const sum = (f: (r: ProjectRun) => number) => ran.reduce((a, c) => a + f(c.run!), 0);
  return {
    cases: cases.length,
    same: ran.filter((c) => c.run!.identical).length,
    tp: sum((r) => r.score.tp),
    fp: sum((r) => r.score.fp),
    fn: sum((r) => r.score.fn),
    runtime: sum((r) => r.score.runtime),
    minRatio: Math.min(...ran.map((c) => c.run!.py.ms / Math.max(1, c.run!.rm.ms))),
  };
}

function table(rows: { label: string[]; t: Tally }[], labels: string[]): string {
  const head = [...labels, "cases", "same", "TP", "FP", "FN", "runtime", "precision", "recall", "slowest ratio"];
  const body = rows.map(({ label, t }) => [
    ...label,
    String(t.cases),
    String(t.same),
    String(t.tp),
    String(t.fp),
    String(t.fn),
    String(t.runtime),
    (t.tp + t.fp === 0 ? 1 : t.tp / (t.tp + t.fp)).toFixed(3),
    (t.tp + t.fn === 0 ? 1 : t.tp / (t.tp + t.fn)).toFixed(3),
    Number.isFinite(t.minRatio) ? t.minRatio.toFixed(2) : "-",
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const line = (r: string[]) =>
    r.map((c, i) => (i < labels.length ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  return [line(head), ...body.map(line)].join("\n");
}

const show = (e: FileComparison["pytest"]) => (e ? `${e.type}: ${e.message}` : "collects");
const trim = (s: string, n = 300) => (s.length > n ? `${s.slice(0, n)}…` : s);

/** The tables per pytest version (by project and kind, by kind, by project, all) and every FP/FN. */
export function formatMutationBench(b: MutationBench, versions: Record<string, string>): string {
  const out: string[] = [];
  for (const s of b.skipped) out.push(`skipped ${s.project} pt${s.pytest}: ${s.reason}`);
  for (const major of [...new Set(b.cases.map((c) => c.pytest))].sort()) {
    const cs = b.cases.filter((c) => c.pytest === major);
    const projects = [...new Set(cs.map((c) => c.project))];
    const kinds = MUTATION_KINDS.filter((k) => cs.some((c) => c.kind === k));
    out.push(`\n== mutations, pytest ${versions[major] ?? major} ==`);
    const detail = projects.flatMap((p) =>
      kinds
        .filter((k) => cs.some((c) => c.project === p && c.kind === k))
        .map((k) => ({ label: [p, k], t: tally(cs.filter((c) => c.project === p && c.kind === k)) })),
    );
    out.push(table(detail, ["project", "kind"]));
    out.push("");
    out.push(
      table(
        kinds.map((k) => ({ label: [k], t: tally(cs.filter((c) => c.kind === k)) })),
        ["kind"],
      ),
    );
    out.push("");
    out.push(
      table(
        [
          ...projects.map((p) => ({ label: [p], t: tally(cs.filter((c) => c.project === p)) })),
          { label: ["all"], t: tally(cs) },
        ],
        ["project"],
      ),
    );
    const ratios = cs.filter((c) => c.run).map((c) => c.run!.py.ms / Math.max(1, c.run!.rm.ms));
    const slower = ratios.filter((r) => r < 1).length;
    ratios.sort((a, b) => a - b);
    out.push(
      `time ratio pytest/remedy (cold) per case: min ${ratios[0]?.toFixed(2)}, median ${ratios[Math.floor(ratios.length / 2)]?.toFixed(2)}; remedy slower than pytest in ${slower}/${ratios.length} cases`,
    );
  }
  const wrong = b.cases.flatMap((c) =>
    (c.run?.rows ?? []).filter((r) => r.outcome === "disagree").map((r) => ({ c, r })),
  );
  out.push(`\n== false positives / false negatives: ${wrong.length} files ==`);
  for (const { c, r } of wrong) {
    const what = [r.remedy ? "FP" : "", r.pytest ? "FN" : ""].filter(Boolean).join("+");
    out.push(`[${c.project} pt${c.pytest} #${c.index} ${c.kind}] ${what} ${r.file}`);
    out.push(`    mutation: ${c.description}${c.pythonpath ? ` (PYTHONPATH=${c.pythonpath})` : ""}`);
    out.push(`    pytest: ${trim(show(r.pytest))}`);
    out.push(`    remedy: ${trim(show(r.remedy))}`);
  }
  const runtime = b.cases.flatMap((c) =>
    (c.run?.rows ?? []).filter((r) => r.outcome === "runtime").map((r) => ({ c, r })),
  );
  if (runtime.length) {
    out.push(`\n== pytest errors out of static reach (runtime, not scored): ${runtime.length} files ==`);
    for (const { c, r } of runtime.slice(0, 40)) {
      out.push(`[${c.project} pt${c.pytest} #${c.index} ${c.kind}] ${r.file} (${r.cause}): ${c.description}`);
      out.push(`    pytest: ${trim(show(r.pytest))}`);
      out.push(`    remedy: ${trim(show(r.remedy))}`);
    }
  }
  const failed = b.cases.filter((c) => c.failure);
  if (failed.length) {
    out.push(`\n== cases that failed to run: ${failed.length} ==`);
    for (const c of failed)
      out.push(`[${c.project} pt${c.pytest} #${c.index} ${c.kind}] ${c.description}\n    ${trim(c.failure!, 600)}`);
  }
  return out.join("\n");
}
