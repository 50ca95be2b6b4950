// `npm run bench:realworld -- [--projects a,b] [--pytest 8|9|both] [--remedy DIR] [--timeout S] [--record]`:
// remedy against the real pytest on the real-world corpus (bench/realworld/manifest.json, built under
// /work/corpus by setup.ts). Prints a table per pytest version and every disagreement; writes the per-file
// comparisons to /work/corpus/results/<time>.json.
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Command } from "commander";
import type { FileError } from "../agreement/verdicts.ts";
import { compareProject, loadRemedy, type ProjectRun } from "./compare.ts";
import { CORPUS, PYTEST_MAJORS, type PytestMajor, readManifest, selectProjects, writeManifest } from "./corpus.ts";
import { formatMutationBench, type MutationBench, type MutationCase, runMutationBench } from "./mutate.ts";

const program = new Command("bench:realworld")
  .description("Compare remedy with the real pytest --collect-only on real open-source repositories.")
  .option("--projects <list>", "only these projects (comma-separated names from the manifest)")
  .option("--pytest <which>", "8, 9 or both", "both")
  .option("--remedy <dir>", "remedy checkout whose src/ (and bench/agreement scoring) to run", ".")
  .option("--timeout <s>", "pytest time limit per project, seconds", "900")
  .option("--record", "write the measured figures into manifest.json")
  .option("--out <file>", "result JSON (default /work/corpus/results/<time>.json)")
  .option("--mutations <n>", "instead: n seeded mutations per project whose clean verdict is identical (mutate.ts)")
  .option("--seed <s>", "seed of --mutations", "1")
  .option("--cases <list>", "with --mutations: only these case numbers (e.g. 3,7), to reproduce them")
  .option("--keep", "keep the mutated copies under /work/corpus/mut/")
  .option(
    "--from <files>",
    "print the tables of earlier result JSONs (comma-separated; later runs win) instead of running (with --mutations: mutation results)",
  )
  .parse();
const opts = program.opts<{
  projects?: string;
  pytest: string;
  remedy: string;
  timeout: string;
  record?: boolean;
  out?: string;
  from?: string;
  mutations?: string;
  seed: string;
  keep?: boolean;
  cases?: string;
}>();

const here = resolve(fileURLToPath(import.meta.url), "../../..");
let remedyRoot = resolve(opts.remedy === "." ? here : opts.remedy);
const majors: PytestMajor[] = opts.pytest === "both" ? PYTEST_MAJORS : [opts.pytest as PytestMajor];
const manifest = readManifest();
// Projects not set up yet (a `status` in the manifest) run only when named.
const projects = selectProjects(manifest, opts.projects).filter((p) => opts.projects || !p.status);

if (opts.mutations !== undefined) {
  if (!opts.from) console.log(`remedy checkout: ${remedyRoot} at ${checkoutCommit(remedyRoot)}`);
  if (opts.from) {
    // Earlier mutation results merged: a later file's case (project, pytest, number) replaces an earlier one.
    const merged: MutationBench = { cases: [], clean: [], skipped: [] };
    const key = (c: { project: string; pytest: string; index?: number }) => `${c.project}|${c.pytest}|${c.index ?? ""}`;
    for (const file of opts.from.split(",").filter(Boolean)) {
      const data = JSON.parse(readFileSync(file, "utf8")) as MutationBench & { remedyCommit?: string };
      console.log(`from ${file} (remedy ${data.remedyCommit ?? "?"})`);
      const later = new Set(data.cases.map(key));
      merged.cases = [...merged.cases.filter((c) => !later.has(key(c))), ...data.cases];
      const cleanLater = new Set(data.clean.map(key));
      merged.clean = [...merged.clean.filter((c) => !cleanLater.has(key(c))), ...data.clean];
      const skipLater = new Set(data.skipped.map(key));
      merged.skipped = [...merged.skipped.filter((c) => !skipLater.has(key(c))), ...data.skipped];
    }
    const order = (c: MutationCase) => projects.findIndex((p) => p.name === c.project) * 10_000 + c.index;
    merged.cases = merged.cases
      .filter((c) => projects.some((p) => p.name === c.project) && majors.includes(c.pytest))
      .sort((a, b) => order(a) - order(b));
    merged.skipped = merged.skipped.filter((s) => majors.includes(s.pytest));
    console.log(formatMutationBench(merged, manifest.pytest));
    process.exit(0);
  }
  const bench = await runMutationBench({
    remedy: await loadRemedy(remedyRoot),
    projects,
    majors,
    count: Number(opts.mutations),
    ...(opts.cases ? { only: opts.cases.split(",").map(Number) } : {}),
    seed: Number(opts.seed),
    timeoutMs: Number(opts.timeout) * 1000,
    keep: opts.keep === true,
    log: (l) => process.stderr.write(`${l}\n`),
  });
  console.log(formatMutationBench(bench, manifest.pytest));
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const out = opts.out ?? join(CORPUS, "results", `mut-${stamp}.json`);
  mkdirSync(join(out, ".."), { recursive: true });
  const meta = { date: new Date().toISOString(), remedy: remedyRoot, remedyCommit: checkoutCommit(remedyRoot) };
  writeFileSync(out, JSON.stringify({ ...meta, seed: Number(opts.seed), ...bench }, null, 1));
  console.log(`\nfull results: ${out}`);
  process.exit(0);
}

let runs: ProjectRun[] = [];
let failures: { project: string; pytest: PytestMajor; error: string }[] = [];

/** Possible findings are observable only when pytest collected: after a start-up failure nothing was imported. */
const observable = (r: ProjectRun) => r.py.session === null;
const noiseOf = (r: ProjectRun) => (observable(r) ? r.possible.filter((x) => !x.raised).length : 0);

const show = (e: FileError | null) => (e ? `${e.type}: ${e.message}` : "collects");
const trim = (s: string, n = 300) => (s.length > n ? `${s.slice(0, n)}…` : s);

/** The checkout's commit, with "+dirty" when its src/ has uncommitted changes. */
function checkoutCommit(dir: string): string {
  try {
    const head = execFileSync("git", ["-C", dir, "rev-parse", "--short", "HEAD"], { encoding: "utf8" }).trim();
    const dirty = execFileSync("git", ["-C", dir, "status", "--porcelain", "--", "src"], { encoding: "utf8" }).trim();
    return dirty ? `${head}+dirty` : head;
  } catch {
    return "unknown";
  }
}
let remedyCommit = opts.from ? "" : checkoutCommit(remedyRoot);

interface ResultFile {
  date: string;
  remedy: string;
  remedyCommit?: string;
  runs: ProjectRun[];
  failures: typeof failures;
}

if (opts.from) {
  // Earlier runs, merged: the last file's run of a (project, pytest) pair wins; a success beats a failure.
  const byKey = new Map<string, ProjectRun>();
  const failed = new Map<string, (typeof failures)[number]>();
  for (const file of opts.from.split(",").filter(Boolean)) {
    const data = JSON.parse(readFileSync(file, "utf8")) as ResultFile;
    remedyRoot = data.remedy;
    if (data.remedyCommit && !remedyCommit.split(", ").includes(data.remedyCommit))
      remedyCommit = remedyCommit ? `${remedyCommit}, ${data.remedyCommit}` : data.remedyCommit;
    for (const r of data.runs) {
      byKey.set(`${r.project}|${r.pytest}`, r);
      failed.delete(`${r.project}|${r.pytest}`);
    }
    for (const f of data.failures)
      if (!byKey.has(`${f.project}|${f.pytest}`)) failed.set(`${f.project}|${f.pytest}`, f);
  }
  const order = (name: string) => manifest.projects.findIndex((p) => p.name === name);
  const wanted = new Set(projects.map((p) => p.name));
  runs = [...byKey.values()]
    .filter((r) => wanted.has(r.project) && majors.includes(r.pytest))
    .sort((a, b) => order(a.project) - order(b.project));
  failures = [...failed.values()].filter((f) => wanted.has(f.project));
}

console.log(`remedy checkout: ${remedyRoot}${remedyCommit ? ` at ${remedyCommit}` : ""}`);
const remedy = opts.from ? null : await loadRemedy(remedyRoot);
for (const p of remedy ? projects : []) {
  for (const major of majors) {
    process.stderr.write(`${p.name} pytest ${major}… `);
    try {
      const r = await compareProject(remedy!, p, major, p.pyFiles ?? 0, Number(opts.timeout) * 1000);
      runs.push(r);
      const stages = Object.entries(r.rm.stages)
        .map(([k, v]) => `${k} ${v}`)
        .join(", ");
      process.stderr.write(
        `pytest ${r.py.ms} ms, remedy ${r.rm.ms} ms (${stages}), ${r.identical ? "identical" : "differs"}\n`,
      );
    } catch (e) {
      const error = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
      failures.push({ project: p.name, pytest: major, error });
      process.stderr.write(`failed: ${trim(error)}\n`);
    }
  }
}

function table(list: ProjectRun[]): string {
  const head = [
    "project",
    ".py",
    "tests",
    "pt exit",
    "pt items",
    "pt err",
    "rm exit",
    "rm items",
    "rm err",
    "same",
    "TP",
    "FP",
    "FN",
    "runtime",
    "poss",
    "noise",
    "count",
    "pt ms",
    "rm ms",
    "ratio",
  ];
  const body = list.map((r) => [
    r.project,
    String(r.pyFiles),
    String(r.testFiles),
    String(r.py.exit),
    String(r.py.collected),
    String(r.py.errorFiles),
    String(r.rm.exit),
    `${r.rm.collectedLowerBound ? "≥" : ""}${r.rm.collected}`,
    String(r.rm.errorFiles),
    r.identical ? "yes" : "NO",
    String(r.score.tp),
    String(r.score.fp),
    String(r.score.fn),
    String(r.score.runtime),
    observable(r) ? String(r.possible.length) : "-",
    observable(r) ? String(noiseOf(r)) : "-",
    r.countAgrees ? "ok" : "off",
    String(r.py.ms),
    String(r.rm.ms),
    (r.py.ms / Math.max(1, r.rm.ms)).toFixed(2),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const line = (row: string[]) =>
    row.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  return [line(head), ...body.map(line)].join("\n");
}

function totals(list: ProjectRun[]): string {
  const n = list.length;
  const same = list.filter((r) => r.identical).length;
  const testFiles = list.filter(observable).reduce((a, r) => a + r.testFiles, 0);
  const noise = list.reduce((a, r) => a + noiseOf(r), 0);
  const counts = list.filter((r) => r.countAgrees).length;
  const ratios = list.map((r) => r.py.ms / Math.max(1, r.rm.ms));
  const fp = list.reduce((a, r) => a + r.score.fp, 0);
  const fn = list.reduce((a, r) => a + r.score.fn, 0);
  const tp = list.reduce((a, r) => a + r.score.tp, 0);
  return [
    `identical verdict: ${same}/${n} projects (${((100 * same) / Math.max(1, n)).toFixed(0)}%)`,
    `files: TP ${tp}, FP ${fp}, FN ${fn}; test counts within 1%: ${counts}/${n}`,
    `noise: ${noise} possible findings pytest does not raise = ${((50 * noise) / Math.max(1, testFiles)).toFixed(2)} per 50 test files (${testFiles} test files of projects without a start-up failure)`,
    `time ratio pytest/remedy (cold): min ${Math.min(...ratios).toFixed(2)}, median ${ratios.sort((a, b) => a - b)[Math.floor(n / 2)]?.toFixed(2)}`,
  ].join("\n");
}

for (const major of majors) {
  const list = runs.filter((r) => r.pytest === major);
  if (!list.length) continue;
  const version = list.find((r) => r.pytestVersion)?.pytestVersion ?? manifest.pytest[major];
  console.log(`\n== pytest ${version} ==`);
  console.log(table(list));
  console.log(totals(list));
}

console.log("\n== disagreements ==");
for (const r of runs) {
  for (const row of r.rows.filter((x) => x.outcome === "disagree")) {
    console.log(`[${r.project} pt${r.pytest}] ${row.file}`);
    console.log(`    pytest: ${trim(show(row.pytest))}`);
    console.log(`    remedy: ${trim(show(row.remedy))}`);
  }
  if (!r.countAgrees) {
    console.log(
      `[${r.project} pt${r.pytest}] test count: pytest ${r.py.collected}, remedy ${r.rm.collectedLowerBound ? "at least " : ""}${r.rm.collected} (${r.countDiffs.length} files differ)`,
    );
    for (const d of r.countDiffs.slice(0, 5))
      console.log(`    ${d.file}: pytest ${d.pytest}, remedy ${d.lowerBound ? "at least " : ""}${d.remedy}`);
  }
}
const runtime = runs.flatMap((r) => r.rows.filter((x) => x.outcome === "runtime").map((x) => ({ r, x })));
if (runtime.length) {
  console.log(`\n== pytest errors out of static reach (runtime causes, not scored): ${runtime.length} ==`);
  const byCause = new Map<string, number>();
  for (const { r, x } of runtime) {
    const k = `${r.project} pt${r.pytest} ${x.cause}`;
    byCause.set(k, (byCause.get(k) ?? 0) + 1);
  }
  for (const [k, n] of byCause) console.log(`  ${k}: ${n}`);
  const shown = new Map<string, number>();
  for (const { r, x } of runtime) {
    const k = `${r.project} pt${r.pytest}`;
    if ((shown.get(k) ?? 0) >= 5) continue;
    shown.set(k, (shown.get(k) ?? 0) + 1);
    console.log(`[${k}] ${x.file} (${x.cause})`);
    console.log(`    pytest: ${trim(show(x.pytest))}`);
    console.log(`    remedy: ${trim(show(x.remedy))}`);
  }
}
const noisy = runs.flatMap((r) => (observable(r) ? r.possible.filter((x) => !x.raised).map((x) => ({ r, x })) : []));
if (noisy.length) {
  console.log(`\n== possible findings pytest does not raise (noise): ${noisy.length} ==`);
  for (const { r, x } of noisy.slice(0, 200))
    console.log(`[${r.project} pt${r.pytest}] ${x.file}: ${trim(show(x.claim), 200)}`);
}
if (failures.length) {
  console.log("\n== runs that failed ==");
  for (const f of failures) console.log(`[${f.project} pt${f.pytest}] ${trim(f.error, 600)}`);
}

if (!opts.from) {
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const out = opts.out ?? join(CORPUS, "results", `${stamp}.json`);
  mkdirSync(join(out, ".."), { recursive: true });
  writeFileSync(
    out,
    JSON.stringify({ date: new Date().toISOString(), remedy: remedyRoot, remedyCommit, runs, failures }, null, 1),
  );
  console.log(`\nper-file comparisons: ${out}`);
}

if (opts.record) {
  const fresh = readManifest();
  for (const r of runs) {
    const p = fresh.projects.find((q) => q.name === r.project)!;
    p.measured ??= {};
    p.measured[r.pytest] = {
      date: new Date().toISOString().slice(0, 10),
      pytestExit: r.py.exit,
      collected: r.py.collected,
      testFiles: r.testFiles,
      cleanTestFiles: r.testFiles - r.py.errorFiles,
      errorFiles: r.py.errorFiles,
    };
  }
  writeManifest(fresh);
}
