// `npm run bench:facts`: how fast the scanner turns source bytes into facts, against CPython's own ast as a peer
// (parse + the same fact extraction inside Python), over the interpreter's library. Target: 40 MB/s.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { extractFacts } from "../src/python/index.ts";
import { DEFAULT_CORPUS_ROOT, listPythonFiles, sampleFiles } from "./corpus.ts";
import { runOracleProcess } from "./oracle/runOracle.ts";

const TARGET_MB_PER_S = 40;

interface Options {
  root: string;
  sample?: number;
  seed: number;
  runs: number;
  python: string;
}

function parseArgs(argv: string[]): Options {
  const opts: Options = { root: DEFAULT_CORPUS_ROOT, seed: 1, runs: 3, python: "python3" };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const v = argv[++i];
    if (v === undefined) throw new Error(`${a} needs a value`);
    if (a === "--root") opts.root = v;
    else if (a === "--sample") opts.sample = Number(v);
    else if (a === "--seed") opts.seed = Number(v);
    else if (a === "--runs") opts.runs = Number(v);
    else if (a === "--python") opts.python = v;
    else throw new Error(`unknown option ${a} (use --root DIR --sample N --seed S --runs N --python PATH)`);
  }
  return opts;
}

interface Timing {
  wall: number;
  /** CPU time of this process: on a shared machine it says more than wall time about the code itself. */
  cpu: number;
}

/** Single-threaded passes of extractFacts over sources already in memory; the best is the lowest wall time. */
function timeScanner(sources: { path: string; bytes: Uint8Array }[], runs: number): { best: Timing; all: Timing[] } {
  const all: Timing[] = [];
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    const cpu = process.cpuUsage();
    for (const s of sources) extractFacts(s.bytes, s.path, { maxBytes: Number.MAX_SAFE_INTEGER });
    const used = process.cpuUsage(cpu);
    all.push({ wall: (performance.now() - start) / 1000, cpu: (used.user + used.system) / 1e6 });
  }
  return { best: all.reduce((a, b) => (b.wall < a.wall ? b : a)), all };
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  const listed = listPythonFiles(opts.root);
  const files = opts.sample === undefined ? listed : sampleFiles(listed, opts.sample, opts.seed);
  const sources = files.map((path) => ({ path, bytes: new Uint8Array(readFileSync(path)) }));
  const bytes = sources.reduce((n, s) => n + s.bytes.length, 0);
  const mb = bytes / 1e6;
  console.log(`corpus: ${files.length} files, ${mb.toFixed(1)} MB under ${opts.root}`);

  const scanner = timeScanner(sources, opts.runs);
  console.log(`scanner runs (wall s): ${scanner.all.map((t) => t.wall.toFixed(2)).join(", ")}`);
  // Python times decode + parse + fact extraction itself, after reading every file: no start-up, no I/O.
  let summary = "";
  await runOracleProcess(files, ["--time"], opts.python, (line) => {
    summary = line;
  });
  const peer = JSON.parse(summary) as { bytes: number; seconds: number; cpuSeconds: number };
  const py: Timing = { wall: peer.seconds, cpu: peer.cpuSeconds };

  const cell = (v: string, w: number) => v.padStart(w);
  const row = (name: string, t: Timing) =>
    `| ${name.padEnd(30)} | ${cell(t.wall.toFixed(2), 8)} | ${cell((mb / t.wall).toFixed(1), 7)} | ${cell(t.cpu.toFixed(2), 7)} | ${cell((mb / t.cpu).toFixed(1), 10)} |`;
  const ratio = py.wall / scanner.best.wall;
  console.log(
    [
      "",
      `| ${"extractor".padEnd(30)} | ${cell("wall s", 8)} | ${cell("MB/s", 7)} | ${cell("cpu s", 7)} | ${cell("MB/cpu-s", 10)} |`,
      `| ${"-".repeat(30)} | ${"-".repeat(8)} | ${"-".repeat(7)} | ${"-".repeat(7)} | ${"-".repeat(10)} |`,
      row(`scanner (best of ${opts.runs}, 1 thread)`, scanner.best),
      row("CPython ast + facts (1 proc)", py),
      "",
      `scanner / ast speed: ${ratio.toFixed(2)}x wall, ${(py.cpu / scanner.best.cpu).toFixed(2)}x cpu; target ${TARGET_MB_PER_S} MB/s ${
        mb / scanner.best.wall >= TARGET_MB_PER_S ? "met" : "NOT met"
      } (wall)`,
    ].join("\n"),
  );
  const out = join(
    dirname(fileURLToPath(import.meta.url)),
    "results",
    `facts-${new Date().toISOString().replace(/[:.]/g, "-")}.json`,
  );
  mkdirSync(dirname(out), { recursive: true });
  const record = { files: files.length, bytes, scanner: scanner.all, python: py, ratio };
  writeFileSync(out, `${JSON.stringify(record, null, 2)}\n`);
}

main().catch((e: unknown) => {
  console.error((e as Error).message);
  process.exitCode = 2;
});
