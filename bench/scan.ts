// `npm run bench:scan [-- --sizes 1000,10000 --seed 1 --python python3 --no-pytest --no-pyright
// --no-site-packages --pyright-timeout 1200 --repeat 3]`: on generated monorepos (cached under the OS temp dir by size, seed
// and generator version) and on a copy of the interpreter's site-packages (cached likewise), time remedy's scan() (cold, warm, one file
// changed) and, in the same run, its peers: `pytest --collect-only` and pyright's import diagnostics. Prints a
// table and writes the figures to bench/results/scan-<time>.json. bench/README.md says what each figure means.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type GenerateResult, generateMonorepo } from "./generate/generateMonorepo.ts";
import { type CliFigures, cliRuns, medianSeconds } from "./scanCli.ts";
import {
  type Interpreter,
  interpreter,
  type Measured,
  measure,
  type PyrightFigures,
  type PytestFigures,
  pyrightAvailable,
  pyrightCheck,
  pyrightVersion,
  pytestCollect,
  pytestSysPath,
  REPO,
} from "./scanPeers.ts";
import type { RemedyFigures } from "./scanRemedy.ts";
import { cachedSitePackages, TESTS_DIR } from "./sitePackagesTree.ts";

interface Options {
  sizes: number[];
  seed: number;
  python: string;
  pytest: boolean;
  pyright: boolean;
  sitePackages: boolean;
  /** pyright is killed after this many seconds (0: never). */
  pyrightTimeout: number;
  /** remedy's cold/warm/changed runs are repeated this often (fresh processes each); medians are reported. */
  repeat: number;
}

const USAGE =
  "use --sizes N,N|none --seed S --python PATH --no-pytest --no-pyright --no-site-packages --pyright-timeout S " +
  "--repeat N";

function parseArgs(argv: string[]): Options {
  const opts: Options = {
    sizes: [1000, 10000],
    seed: 1,
    python: "python3",
    pytest: true,
    pyright: true,
    sitePackages: true,
    pyrightTimeout: 1200,
    repeat: 3,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--no-pytest") opts.pytest = false;
    else if (a === "--no-pyright") opts.pyright = false;
    else if (a === "--no-site-packages") opts.sitePackages = false;
    else if (a === "--sizes" || a === "--seed" || a === "--python" || a === "--pyright-timeout" || a === "--repeat") {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value (${USAGE})`);
      if (a === "--sizes") opts.sizes = v === "none" ? [] : v.split(",").map(Number);
      else if (a === "--seed") opts.seed = Number(v);
      else if (a === "--pyright-timeout") opts.pyrightTimeout = Number(v);
      else if (a === "--repeat") opts.repeat = Math.max(1, Number(v));
      else opts.python = v;
    } else throw new Error(`unknown option ${a} (${USAGE})`);
  }
  return opts;
}

/** A hash of the generator's own source: a cached tree is reused only if the generator has not changed. */
function generatorVersion(): string {
  const dir = join(dirname(fileURLToPath(import.meta.url)), "generate");
  const hash = createHash("sha256");
  for (const f of readdirSync(dir).sort()) hash.update(f).update(readFileSync(join(dir, f)));
  return hash.digest("hex").slice(0, 10);
}

interface Tree {
  dir: string;
  stats: GenerateResult;
  seconds: number | null;
}

function cachedTree(size: number, seed: number): Tree {
  const dir = join(tmpdir(), `remedy-bench-mono-${size}-s${seed}-${generatorVersion()}`);
  const statsFile = `${dir}.json`;
  if (existsSync(statsFile) && existsSync(dir)) {
    return { dir, stats: JSON.parse(readFileSync(statsFile, "utf8")), seconds: null };
  }
  // Trees made by an older generator for this size and seed are stale: remove them before writing the new one.
  const prefix = `remedy-bench-mono-${size}-s${seed}-`;
  for (const f of readdirSync(tmpdir())) if (f.startsWith(prefix)) rmSync(join(tmpdir(), f), { recursive: true });
  const started = performance.now();
  const stats = generateMonorepo({ dir, modules: size, seed });
  const seconds = (performance.now() - started) / 1000;
  writeFileSync(statsFile, JSON.stringify(stats));
  return { dir, stats, seconds };
}

/** What bench/scan.ts records for one tree. */
interface TreeFigures {
  tree: string;
  kind: "generated" | "site-packages";
  dir: string;
  /** .py files; MB and lines of the source (generated trees: of every file written, the config and README too). */
  files: number;
  mb: number;
  lines: number;
  testFiles: number;
  remedy: RemedyFigures & { process?: Omit<Measured, "stdout" | "stderr">; coldRuns?: number[] };
  /** The \`remedy scan\` command as whole processes (bench/scanCli.ts). */
  cli: CliFigures | null;
  pytest: PytestFigures | null;
  pyright: PyrightFigures | null;
  /** Why pyright has no figures (killed after --pyright-timeout, no JSON). */
  pyrightError?: string;
}

/** One fresh child process (bench/scanRemedy.ts) timing scan() cold, warm and with one file changed, under the
 *  same rusage wrapper as the peers. */
function remedyChild(dir: string, interp: Interpreter): { figures: RemedyFigures; m: Measured } {
  const m = measure(
    interp.executable,
    [process.execPath, "--import", "tsx", join(REPO, "bench", "scanRemedy.ts"), dir, interp.executable],
    REPO,
  );
  const last = m.stdout.trim().split("\n").pop() ?? "";
  try {
    return { figures: JSON.parse(last) as RemedyFigures, m };
  } catch {
    // src/ may be mid-edit: say so and go on with the peers.
    console.log(`   remedy's scan exited ${m.exitCode}:\n${(m.stderr || m.stdout).slice(-3000)}`);
    return { figures: { available: false }, m };
  }
}

/** `repeat` children: the one with the median cold time gives the figures, warm and changed times are medians
 *  over all, peak RSS the largest. A shared machine moves single runs by 10% or more. */
function remedyScan(dir: string, interp: Interpreter, repeat: number): TreeFigures["remedy"] {
  const runs = Array.from({ length: repeat }, () => remedyChild(dir, interp));
  const ok = runs.filter((r) => r.figures.cold).sort((a, b) => a.figures.cold!.seconds - b.figures.cold!.seconds);
  const mid = ok[Math.floor((ok.length - 1) / 2)] ?? runs[0]!;
  const median = <T extends { seconds: number }>(pick: (f: RemedyFigures) => T | undefined): T | undefined => {
    const xs = ok.map((r) => pick(r.figures)).filter((x): x is T => x !== undefined);
    return xs.sort((a, b) => a.seconds - b.seconds)[Math.floor((xs.length - 1) / 2)];
  };
  const changed = mid.figures.changed?.map((c, i) => median((f) => f.changed?.[i]) ?? c);
  const watchChanged = median((f) => f.watchChanged);
  return {
    ...mid.figures,
    ...(mid.figures.warm ? { warm: median((f) => f.warm) } : {}),
    ...(changed ? { changed } : {}),
    ...(watchChanged ? { watchChanged } : {}),
    coldRuns: ok.map((r) => r.figures.cold!.seconds),
    process: {
      seconds: mid.m.seconds,
      cpuSeconds: mid.m.cpuSeconds,
      exitCode: mid.m.exitCode,
      timedOut: mid.m.timedOut,
      maxRssKb: Math.max(...runs.map((r) => r.m.maxRssKb)),
    },
  };
}

async function benchTree(
  t: Pick<TreeFigures, "tree" | "kind" | "dir" | "files" | "mb" | "lines" | "testFiles">,
  opts: Options,
  interp: Interpreter,
  sysPath: () => string[],
): Promise<TreeFigures> {
  const remedy = remedyScan(t.dir, interp, opts.repeat);
  const r = remedy.cold;
  if (r) {
    const runs = remedy.coldRuns ?? [];
    const spread = runs.length > 1 ? `median of ${runs.length}: ${runs.map((x) => x.toFixed(2)).join(", ")} s; ` : "";
    console.log(
      `   remedy scan: cold ${r.seconds.toFixed(2)} s (${spread}CPU ${r.cpuSeconds.toFixed(2)} s), predicts exit ${r.pytestExitCode} and ${r.tests} tests collected, ` +
        `${r.findings} findings; peak RSS ${mb(remedy.process?.maxRssKb)} ` +
        `(process wall ${remedy.process?.seconds.toFixed(2)} s, Node start-up and transpiling included)`,
    );
    console.log(`   remedy scan, warm (nothing changed): ${remedy.warm?.seconds.toFixed(2)} s${same(remedy.warm, r)}`);
    for (const c of remedy.changed ?? []) {
      console.log(`   remedy scan, one file changed (${c.what}: ${c.file}): ${c.seconds.toFixed(2)} s${same(c, r)}`);
    }
    const w = remedy.watchChanged;
    if (w)
      console.log(
        `   remedy scan --watch, one file changed (${w.what}: ${w.file}): ${w.seconds.toFixed(2)} s${same(w, r)}`,
      );
  } else console.log("   remedy scan: not available");
  const cli = r ? cliRuns(t.dir, interp, opts.repeat) : null;
  if (cli) {
    const show = (xs: { seconds: number }[]) =>
      `${medianSeconds(xs)?.toFixed(2)} s (${xs.map((x) => x.seconds.toFixed(2)).join(", ")})`;
    console.log(
      `   remedy command (whole process, Node start-up included; median of ${opts.repeat}): cold ${show(cli.cold)}, ` +
        `warm ${show(cli.warm)}, a stdlib import added ${show(cli.importAdded)}, ` +
        `a first-party import added ${show(cli.firstPartyImportAdded)}`,
    );
  }

  let pytest: PytestFigures | null = null;
  if (opts.pytest) {
    pytest = pytestCollect(t.dir, interp.executable);
    const agrees = r
      ? r.pytestExitCode === pytest.exitCode && r.tests === pytest.collected
        ? "; remedy agrees"
        : "; remedy DISAGREES"
      : "";
    console.log(
      `   pytest --collect-only: ${pytest.seconds.toFixed(2)} s (CPU ${pytest.cpuSeconds.toFixed(2)} s)${ratio(pytest.seconds, r)}, exit ${pytest.exitCode}, ` +
        `${pytest.collected ?? "?"} collected, ${pytest.errors} errors, peak RSS ${mb(pytest.maxRssKb)}${agrees}`,
    );
  }

  let pyright: PyrightFigures | null = null;
  let pyrightError: string | undefined;
  if (opts.pyright) {
    try {
      pyright = pyrightCheck(t.dir, sysPath(), interp, opts.pyrightTimeout || undefined);
    } catch (e) {
      pyrightError = (e as Error).message;
      console.log(`   pyright: ${pyrightError}`);
    }
  }
  if (pyright) {
    const rules = Object.entries(pyright.byRule)
      .map(([k, n]) => `${k} ${n}`)
      .join(", ");
    console.log(
      `   pyright: ${pyright.seconds.toFixed(2)} s${ratio(pyright.seconds, r)}, ${pyright.filesAnalyzed} files, ` +
        `${pyright.importDiagnostics} import diagnostics (errors: ${rules || "none"}), peak RSS ${mb(pyright.maxRssKb)}`,
    );
  }
  return { ...t, remedy, cli, pytest, pyright, ...(pyrightError ? { pyrightError } : {}) };
}

const mb = (kb: number | undefined) => (kb === undefined ? "?" : `${(kb / 1024).toFixed(0)} MB`);
const ratio = (peer: number, r: { seconds: number } | undefined) =>
  r ? ` (${(peer / r.seconds).toFixed(1)}x remedy's cold scan)` : "";
const same = (
  a: { pytestExitCode: number; tests: number } | undefined,
  b: { pytestExitCode: number; tests: number },
) => (a && a.pytestExitCode === b.pytestExitCode && a.tests === b.tests ? "" : " (RESULT DIFFERS)");

function table(rows: TreeFigures[]): string {
  const head = [
    "tree",
    "files",
    "MB",
    "lines",
    "cold s",
    "warm s",
    "1 changed s",
    "watch: 1st-party import s",
    "command cold/warm/import/1st-party s",
    "remedy RSS",
    "pytest s",
    "pytest/remedy",
    "pytest RSS",
    "pyright s",
    "pyright/remedy",
    "pyright RSS",
    "pyright import diags",
  ];
  const f = (n: number | undefined, d = 2) => (n === undefined ? "-" : n.toFixed(d));
  const body = rows.map((t) => {
    const cold = t.remedy.cold?.seconds;
    const changed = t.remedy.changed?.map((c) => c.seconds.toFixed(2)).join("/");
    const x = (s: number | undefined) => (s === undefined || cold === undefined ? "-" : `${(s / cold).toFixed(1)}x`);
    return [
      t.tree,
      String(t.files),
      t.mb.toFixed(1),
      String(t.lines),
      f(cold),
      f(t.remedy.warm?.seconds),
      changed ?? "-",
      f(t.remedy.watchChanged?.seconds),
      t.cli
        ? [t.cli.cold, t.cli.warm, t.cli.importAdded, t.cli.firstPartyImportAdded]
            .map((xs) => f(medianSeconds(xs)))
            .join("/")
        : "-",
      t.remedy.process ? mb(t.remedy.process.maxRssKb) : "-",
      f(t.pytest?.seconds),
      x(t.pytest?.seconds),
      t.pytest ? mb(t.pytest.maxRssKb) : "-",
      t.pyrightError?.startsWith("killed after") ? `>${t.pyrightError.split(" ")[2]}` : f(t.pyright?.seconds),
      x(t.pyright?.seconds),
      t.pyright ? mb(t.pyright.maxRssKb) : "-",
      t.pyright ? String(t.pyright.importDiagnostics) : "-",
    ];
  });
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  return [line(head), ...body.map(line)].join("\n");
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  const interp = interpreter(opts.python);
  if (opts.pyright && !pyrightAvailable()) {
    console.log("pyright is not installed (npm ci installs it): skipping it");
    opts.pyright = false;
  }
  const versions = {
    node: process.version,
    python: interp.version,
    pytest: interp.pytest,
    pyright: opts.pyright ? pyrightVersion() : null,
    cpus: cpus().length,
    commit: execFileSync("git", ["rev-parse", "--short", "HEAD"], { cwd: REPO, encoding: "utf8" }).trim(),
  };
  console.log(
    `Python ${interp.version} (${interp.executable}), pytest ${interp.pytest}, ${versions.pyright ?? "no pyright"}, ` +
      `Node ${process.version}, ${versions.cpus} CPUs`,
  );
  const rows: TreeFigures[] = [];
  for (const size of opts.sizes) {
    const tree = cachedTree(size, opts.seed);
    const s = tree.stats;
    const made = tree.seconds === null ? "cached" : `generated in ${tree.seconds.toFixed(1)} s`;
    console.log(`\n== ${size} modules (seed ${opts.seed}): ${tree.dir}`);
    console.log(
      `   ${s.modules} .py files, ${s.files} files, ${(s.bytes / 1e6).toFixed(1)} MB, ${s.lines} lines, ` +
        `${s.testFiles} test files, ${s.testItems} test items; ${made}`,
    );
    const base = { kind: "generated", dir: tree.dir, files: s.modules, mb: s.bytes / 1e6, lines: s.lines } as const;
    rows.push(
      await benchTree({ ...base, tree: `mono-${size}`, testFiles: s.testFiles }, opts, interp, () =>
        pytestSysPath(tree.dir, [tree.dir], []),
      ),
    );
  }
  if (opts.sitePackages) {
    const tree = cachedSitePackages(interp.sitePackages, opts.seed);
    const s = tree.stats;
    const made = tree.seconds === null ? "cached" : `copied in ${tree.seconds.toFixed(1)} s`;
    console.log(`\n== site-packages copy (of ${s.source}): ${tree.dir}`);
    console.log(
      `   ${s.modules} .py files (${s.files} files in all), ${(s.bytes / 1e6).toFixed(1)} MB of Python, ` +
        `${s.lines} lines, ${s.testFiles} test files (one import each); ${made}`,
    );
    const base = { kind: "site-packages", dir: tree.dir, files: s.modules, mb: s.bytes / 1e6, lines: s.lines } as const;
    rows.push(
      await benchTree({ ...base, tree: "site-packages", testFiles: s.testFiles }, opts, interp, () =>
        pytestSysPath(tree.dir, [join(tree.dir, TESTS_DIR)], ["."]),
      ),
    );
  }
  console.log(`\n${table(rows)}`);
  console.log(
    "(cold s: median of --repeat fresh processes; ratios: the peer's wall time over that cold scan(); 1 changed: a " +
      "comment / a module-level name / a stdlib import / a first-party import; watch: the first-party import " +
      "through a ScanSession; command: `remedy scan` as whole processes, medians)",
  );
  const resultsDir = join(REPO, "bench", "results");
  mkdirSync(resultsDir, { recursive: true });
  const file = join(resultsDir, `scan-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
  writeFileSync(file, `${JSON.stringify({ options: opts, versions, trees: rows }, null, 2)}\n`);
  console.log(`Figures written to ${file.slice(REPO.length + 1)}`);
}

await main();
