// One project under one pytest version: the real `pytest --collect-only` (remedy's own runCollection) and a cold
// remedy scan, one after the other in the same process (never in parallel, so the time ratio is fair), then
// the file-by-file comparison of bench/agreement (verdicts.ts, score.ts) and the figures of the table.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { ScanOptions, ScanResult } from "../../src/index.ts";
import type { CollectionReport, RunCollectionOptions } from "../../src/verify/index.ts";
import type { FileComparison, GroupScore } from "../agreement/score.ts";
import type { FileError, Verdicts } from "../agreement/verdicts.ts";
import { type Project, type PytestMajor, treeDir, venvPython } from "./corpus.ts";

/** The modules of a remedy checkout (its src/ and its agreement bench), loaded from that checkout. */
export interface Remedy {
  root: string;
  scan: (path: string, options?: ScanOptions) => Promise<ScanResult>;
  runCollection: (options: RunCollectionOptions) => Promise<CollectionReport>;
  pytestVerdicts: (report: CollectionReport, root: string) => Verdicts;
  remedyVerdicts: (result: ScanResult) => Verdicts;
  compareVerdicts: typeof import("../agreement/score.ts").compareVerdicts;
  score: (rows: FileComparison[], group: string) => GroupScore;
}

export async function loadRemedy(root: string): Promise<Remedy> {
  const abs = resolve(root);
  const load = (p: string) => import(pathToFileURL(join(abs, p)).href);
  const [index, verify, verdicts, score] = await Promise.all([
    load("src/index.ts"),
    load("src/verify/index.ts"),
    load("bench/agreement/verdicts.ts"),
    load("bench/agreement/score.ts"),
  ]);
  return {
    root: abs,
    scan: index.scan,
    runCollection: verify.runCollection,
    pytestVerdicts: verdicts.pytestVerdicts,
    remedyVerdicts: verdicts.remedyVerdicts,
    compareVerdicts: score.compareVerdicts,
    score: score.score,
  };
}

/** A "possible" finding (severity warning: remedy is not sure) on one test file, and whether pytest raised it. */
export interface PossibleRow {
  file: string;
  claim: FileError;
  raised: boolean;
}

export interface ProjectRun {
  project: string;
  pytest: PytestMajor;
  pytestVersion: string | null;
  /** The .py files of the tree, and the test files either side knows of. */
  pyFiles: number;
  testFiles: number;
  py: { exit: number; collected: number; errorFiles: number; ms: number; session: FileError | null };
  rm: {
    exit: number;
    collected: number;
    collectedLowerBound: boolean;
    errorFiles: number;
    ms: number;
    /** Wall time per scan stage (discover, graph, analyze), from onProgress. */
    stages: Record<string, number>;
    session: FileError | null;
    limitations: string[];
  };
  identical: boolean;
  countAgrees: boolean;
  score: GroupScore;
  possible: PossibleRow[];
  noise: number;
  /** Files collected by pytest whose item count remedy gets wrong (largest differences first). */
  countDiffs: { file: string; pytest: number; remedy: number; lowerBound: boolean }[];
  rows: FileComparison[];
  /** Set when a side could not run at all (timeout, crash). */
  failure?: string;
}

const importable = new Map<string, Set<string>>();

/** Top-level names the venv's interpreter imports without the repository (stdlib, site-packages, builtins). */
function venvModules(python: string): Set<string> {
  let set = importable.get(python);
  if (!set) {
    const code =
      "import pkgutil, sys\nsys.path = [p for p in sys.path if p not in ('', '.')]\n" +
      "print('\\n'.join(sorted({m.name for m in pkgutil.iter_modules()} | set(sys.builtin_module_names))))";
    const out = execFileSync(python, ["-c", code], { cwd: "/", encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    set = new Set(out.split("\n").filter(Boolean));
    importable.set(python, set);
  }
  return set;
}

const bare = (t: string | null | undefined): string => (t ?? "").split(".").pop()!;

/** Possible findings (severity warning) on the test files they would block, each checked against pytest. */
function possibleRows(result: ScanResult, py: Verdicts, norm: (m: string) => string): PossibleRow[] {
  const rows: PossibleRow[] = [];
  for (const f of result.findings) {
    if (f.severity !== "warning" || f.category === "configuration") continue;
    const claim = {
      type: bare(f.cause?.exceptionType ?? f.exceptionType),
      message: norm(f.cause?.message ?? f.message),
    };
    const files = f.blocks.testFiles.length ? f.blocks.testFiles : [f.file];
    for (const file of files) {
      const p = py.files.get(file) ?? null;
      rows.push({ file, claim, raised: p !== null && p.type === claim.type && p.message === claim.message });
    }
  }
  return rows;
}

/** Where a run happens when it is not the project's own tree: a mutated copy (bench/realworld/mutate.ts). */
export interface RunPlace {
  /** The copy of the tree (p.cwd is taken inside it). */
  tree: string;
  /** The environment of both sides (PYTHONPATH pointing editable installs at the copy). */
  env: NodeJS.ProcessEnv;
  /** The rows' group and mutation description. */
  group: string;
  mutation: string;
}

export async function compareProject(
  remedy: Remedy,
  p: Project,
  major: PytestMajor,
  pyFiles: number,
  timeoutMs: number,
  place?: RunPlace,
): Promise<ProjectRun> {
  const python = venvPython(p, major);
  const cwd = resolve(place?.tree ?? treeDir(p), p.cwd);
  const env = place?.env;
  const base = { project: p.name, pytest: major, pyFiles };
  if (!existsSync(python)) throw new Error(`${p.name}: no venv at ${python} (run bench/realworld/setup.ts)`);

  const t0 = performance.now();
  const report = await remedy.runCollection({ python, cwd, args: p.args, timeoutMs, ...(env ? { env } : {}) });
  const pytestMs = Math.round(performance.now() - t0);
  const t1 = performance.now();
  // Cold: nothing read from nor written to the repository's .remedy/ cache.
  const stages: Record<string, number> = {};
  let stage: string | null = null;
  let stageStart = t1;
  const onProgress = (s: string) => {
    const now = performance.now();
    if (stage) stages[stage] = (stages[stage] ?? 0) + Math.round(now - stageStart);
    stage = s;
    stageStart = now;
  };
  const result = await remedy.scan(cwd, {
    python,
    args: p.args,
    cache: false,
    invocation: "python-m",
    onProgress,
    ...(env ? { env } : {}),
  });
  const remedyMs = Math.round(performance.now() - t1);
  if (stage) stages[stage] = (stages[stage] ?? 0) + Math.round(performance.now() - stageStart);

  const root = report.session?.rootdir ?? cwd;
  const py = remedy.pytestVerdicts(report, root);
  const rm = remedy.remedyVerdicts(result);
  const modules = venvModules(python);
  const tops = new Set(readdirSync(cwd).map((f) => f.replace(/\.py$/, "")));
  const rows = remedy.compareVerdicts(py, rm, {
    run: `${p.name}@pt${major}`,
    report,
    root,
    groupOf: () => (place ? { group: place.group, mutation: place.mutation } : { group: p.name, mutation: null }),
    isInstalled: (top) => modules.has(top),
    inRepo: (top) => tops.has(top),
  });
  const norm = (m: string) => m.split(root).join("<ROOT>");
  const possible = possibleRows(result, py, norm);
  const collected = report.files.reduce((n, f) => n + f.items.length, 0);
  const rmCollected = result.collection.tests - result.collection.blockedTests;
  const lowerBound = result.collection.testsLowerBound === true;
  const countAgrees = lowerBound
    ? rmCollected <= collected
    : Math.abs(rmCollected - collected) <= Math.max(1, collected * 0.01);
  const rmTests = new Map(result.testFiles.map((t) => [t.file, t]));
  const countDiffs = report.files
    .map((f) => {
      const file = f.relpath ?? f.path;
      const t = rmTests.get(file);
      return { file, pytest: f.items.length, remedy: t?.tests ?? 0, lowerBound: t?.testsLowerBound === true };
    })
    .filter((d) => (d.lowerBound ? d.remedy > d.pytest : d.remedy !== d.pytest))
    .sort((a, b) => Math.abs(b.pytest - b.remedy) - Math.abs(a.pytest - a.remedy));
  const errored = (v: Verdicts) => [...v.files.values()].filter((e) => e !== null).length;
  const identical =
    report.exitCode === result.pytestExitCode &&
    rows.every((r) => r.outcome === "agree-collect" || r.outcome === "agree-fail");
  const testFiles = new Set([...py.files.keys(), ...rm.files.keys()].filter((f) => !f.endsWith("conftest.py"))).size;
  return {
    ...base,
    pytestVersion: report.session?.pytestVersion ?? null,
    testFiles,
    py: { exit: report.exitCode, collected, errorFiles: errored(py), ms: pytestMs, session: py.session },
    rm: {
      exit: result.pytestExitCode,
      collected: rmCollected,
      collectedLowerBound: lowerBound,
      errorFiles: errored(rm),
      ms: remedyMs,
      stages,
      session: rm.session,
      limitations: result.limitations,
    },
    identical,
    countAgrees,
    score: remedy.score(rows, p.name),
    possible,
    noise: possible.filter((x) => !x.raised).length,
    countDiffs,
    rows,
  };
}
