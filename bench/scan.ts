// `npm run bench:scan [-- --sizes 1000,10000 --seed 1 --python python3]`: on generated monorepos (cached under
// the OS temp dir by size, seed and generator version), time `pytest --collect-only` and remedy's scan().
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type GenerateResult, generateMonorepo } from "./generate/generateMonorepo.ts";

interface Options {
  sizes: number[];
  seed: number;
  python: string;
}

function parseArgs(argv: string[]): Options {
  const opts: Options = { sizes: [1000, 10000], seed: 1, python: "python3" };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = argv[++i];
    if (v === undefined) throw new Error(`${a} needs a value`);
    if (a === "--sizes") opts.sizes = v.split(",").map(Number);
    else if (a === "--seed") opts.seed = Number(v);
    else if (a === "--python") opts.python = v;
    else throw new Error(`unknown option ${a} (use --sizes N,N --seed S --python PATH)`);
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

interface PytestRun {
  seconds: number;
  exitCode: number | null;
  collected: number | null;
  errors: number;
}

function pytestCollect(dir: string, python: string): Promise<PytestRun> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(python, ["-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider"], {
      cwd: dir,
      env: { ...process.env, PYTHONDONTWRITEBYTECODE: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let tail = "";
    const keep = (d: Buffer) => {
      tail = (tail + d.toString()).slice(-4000);
    };
    child.stdout.on("data", keep);
    child.stderr.on("data", keep);
    child.on("error", reject);
    child.on("close", (exitCode) => {
      const collected = /(\d+) tests? collected/.exec(tail);
      const errors = /(\d+) errors?/.exec(tail);
      resolve({
        seconds: (performance.now() - started) / 1000,
        exitCode,
        collected: collected ? Number(collected[1]) : tail.includes("no tests collected") ? 0 : null,
        errors: errors ? Number(errors[1]) : 0,
      });
    });
  });
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  for (const size of opts.sizes) {
    const tree = cachedTree(size, opts.seed);
    const s = tree.stats;
    const made = tree.seconds === null ? "cached" : `generated in ${tree.seconds.toFixed(1)} s`;
    console.log(`\n== ${size} modules (seed ${opts.seed}): ${tree.dir}`);
    console.log(
      `   ${s.modules} .py files, ${s.files} files, ${(s.bytes / 1e6).toFixed(1)} MB, ${s.lines} lines, ` +
        `${s.testFiles} test files, ${s.testItems} test items; ${made}`,
    );
    const py = await pytestCollect(tree.dir, opts.python);
    console.log(
      `   pytest --collect-only: ${py.seconds.toFixed(2)} s, exit ${py.exitCode}, ${py.collected ?? "?"} collected, ` +
        `${py.errors} errors`,
    );

    // ---- remedy scan() is timed here -------------------------------------------------------------------------
    const remedy = (await import("../src/index.ts").catch(() => ({}))) as { scan?: unknown };
    if (typeof remedy.scan !== "function") {
      console.log("   remedy scan: not available");
      continue;
    }
    const scan = remedy.scan as (path: string, options?: { python?: string | null }) => Promise<ScanSummary>;
    // Cold: no cache in the tree (remedy keeps it in <tree>/.remedy/).
    rmSync(join(tree.dir, ".remedy"), { recursive: true, force: true });
    const started = performance.now();
    const result = await scan(tree.dir, { python: opts.python });
    const seconds = (performance.now() - started) / 1000;
    const peakMb = process.resourceUsage().maxRSS / 1024;
    console.log(
      `   remedy scan: ${seconds.toFixed(2)} s (${(py.seconds / seconds).toFixed(1)}x faster than pytest), ` +
        `predicts exit ${result.pytestExitCode} and ${result.collection.tests} tests, ${result.findings.length} findings` +
        (result.pytestExitCode === py.exitCode && result.collection.tests === py.collected
          ? " (agrees)"
          : " (DISAGREES)"),
    );
    console.log(`   remedy scan peak RSS (this process, cold scan included): ${peakMb.toFixed(0)} MB`);
    const warm = await timed(() => scan(tree.dir, { python: opts.python }));
    console.log(`   remedy scan, warm (nothing changed): ${warm.seconds.toFixed(2)} s${same(warm.result, result)}`);
    // A comment leaves the module's facts as they were (the stored result is reused); a new module-level name
    // changes them (the model and the analyzers run again on cached facts).
    for (const [what, text] of [
      ["a comment added", "\n# remedy bench: one file changed\n"],
      ["a module-level name added", "\nREMEDY_BENCH_CHANGED = 1\n"],
    ] as const) {
      const changed = await oneFileChanged(tree.dir, text, () => scan(tree.dir, { python: opts.python }));
      console.log(
        `   remedy scan, one file changed (${what}: ${changed.file}): ${changed.seconds.toFixed(2)} s` +
          same(changed.result, result),
      );
    }
    // ----------------------------------------------------------------------------------------------------------
  }
}

async function timed(run: () => Promise<ScanSummary>): Promise<{ seconds: number; result: ScanSummary }> {
  const started = performance.now();
  const result = await run();
  return { seconds: (performance.now() - started) / 1000, result };
}

const same = (a: ScanSummary, b: ScanSummary) =>
  a.pytestExitCode === b.pytestExitCode && a.collection.tests === b.collection.tests ? "" : " (RESULT DIFFERS)";

/** Appends `text` to one module that is neither a test nor a conftest, scans, and restores the file. */
async function oneFileChanged(dir: string, text: string, run: () => Promise<ScanSummary>) {
  const pick = (d: string): string | null => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = join(d, e.name);
      if (e.isDirectory() && !e.name.startsWith(".") && !e.name.startsWith("test")) {
        const found = pick(p);
        if (found) return found;
      } else if (e.isFile() && e.name.endsWith(".py") && !/^(test_|conftest|__init__)/.test(e.name)) return p;
    }
    return null;
  };
  const file = pick(dir);
  if (!file) throw new Error(`no module to change under ${dir}`);
  const original = readFileSync(file);
  writeFileSync(file, Buffer.concat([original, Buffer.from(text)]));
  try {
    return { file: file.slice(dir.length + 1), ...(await timed(run)) };
  } finally {
    writeFileSync(file, original);
  }
}

/** The part of remedy's ScanResult this bench reads (kept structural so the bench runs before scan() exists). */
interface ScanSummary {
  pytestExitCode: number;
  collection: { tests: number };
  findings: unknown[];
}

await main();
