// `npm run bench:diff`: the scanner against the CPython-ast oracle on every .py file of the interpreter's lib
// directory. Any disagreement is a scanner bug or a gap in docs/facts.md; this is how the scanner earns trust.
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { FileFacts } from "../src/python/facts.ts";
import { readFileFacts } from "../src/python/index.ts";
import { compareFacts, type Difference } from "./compareFacts.ts";
import { DEFAULT_CORPUS_ROOT, listPythonFiles, sampleFiles } from "./corpus.ts";
import { streamOracle } from "./oracle/runOracle.ts";

export interface DifferentialOptions {
  root?: string;
  /** Compare a deterministic sample of this many files instead of all. */
  sample?: number;
  seed?: number;
  python?: string;
  jobs?: number;
}

export interface DifferentialResult {
  compared: number;
  equal: number;
  different: number;
  /** Files by the oracle's status. */
  statuses: Record<string, number>;
  differences: Difference[];
}

export async function runDifferential(options: DifferentialOptions = {}): Promise<DifferentialResult> {
  const all = listPythonFiles(options.root ?? DEFAULT_CORPUS_ROOT);
  const files = options.sample === undefined ? all : sampleFiles(all, options.sample, options.seed ?? 1);
  const differences: Difference[] = [];
  const statuses: Record<string, number> = {};
  const seen = new Set<string>();
  const oracleOptions = { jobs: options.jobs ?? 2, ...(options.python ? { python: options.python } : {}) };
  // Compared as the oracle streams its answers: the scanner's work overlaps python's, and no big map is kept.
  await streamOracle(files, oracleOptions, (expected) => {
    const file = expected.path;
    seen.add(file);
    statuses[expected.status] = (statuses[expected.status] ?? 0) + 1;
    let actual: FileFacts;
    try {
      // The oracle has no size limit of its own that matters here; the corpus's largest file is ~4 MB.
      actual = readFileFacts(file, { maxBytes: Number.MAX_SAFE_INTEGER });
    } catch (e) {
      differences.push({ file, path: "(crash)", oracle: expected.status, scanner: String((e as Error).stack ?? e) });
      return;
    }
    const d = compareFacts(expected, actual);
    if (d) differences.push(d);
  });
  const missing = files.filter((f) => !seen.has(f));
  if (missing.length > 0) throw new Error(`the oracle gave no facts for ${missing.length} files, e.g. ${missing[0]}`);
  differences.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return {
    compared: files.length,
    equal: files.length - differences.length,
    different: differences.length,
    statuses,
    differences,
  };
}

function brief(v: unknown): string {
  const s = JSON.stringify(v);
  return s === undefined ? String(v) : s.length > 300 ? `${s.slice(0, 300)}...` : s;
}

export function formatResult(result: DifferentialResult, show: number): string {
  const lines = [
    `files compared:  ${result.compared}  (${Object.entries(result.statuses)
      .map(([k, v]) => `${k} ${v}`)
      .join(", ")})`,
    `files equal:     ${result.equal}`,
    `files different: ${result.different}`,
  ];
  const byField = new Map<string, number>();
  for (const d of result.differences) {
    const field = d.path.replace(/\[\d+\].*$/, "").replace(/^(pytest\.\w+|\w+).*$/, "$1");
    byField.set(field, (byField.get(field) ?? 0) + 1);
  }
  if (byField.size > 0) {
    const counts = [...byField].sort((a, b) => b[1] - a[1]).map(([f, n]) => `${f} ${n}`);
    lines.push(`by first differing field: ${counts.join(", ")}`);
  }
  for (const d of result.differences.slice(0, show)) {
    lines.push("", `${d.file}`, `  at ${d.path}`, `  oracle:  ${brief(d.oracle)}`, `  scanner: ${brief(d.scanner)}`);
  }
  if (result.different > show) lines.push("", `... and ${result.different - show} more (see the JSON file)`);
  return lines.join("\n");
}

function parseArgs(argv: string[]): DifferentialOptions & { out?: string; show: number } {
  const opts: DifferentialOptions & { out?: string; show: number } = { show: 20 };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === "--sample") opts.sample = Number(value());
    else if (a === "--seed") opts.seed = Number(value());
    else if (a === "--root") opts.root = value();
    else if (a === "--out") opts.out = value();
    else if (a === "--show") opts.show = Number(value());
    else if (a === "--python") opts.python = value();
    else if (a === "--jobs") opts.jobs = Number(value());
    else throw new Error(`unknown option ${a} (use --sample N --seed S --root DIR --out FILE --show N --jobs N)`);
  }
  return opts;
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const result = await runDifferential(opts);
  console.log(formatResult(result, opts.show));
  const here = dirname(fileURLToPath(import.meta.url));
  const out = opts.out ?? join(here, "results", `differential-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify({ options: opts, ...result }, null, 2)}\n`);
  console.log(`\n${((Date.now() - started) / 1000).toFixed(1)} s; all differences in ${out}`);
  process.exitCode = result.different > 0 ? 1 : 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((e: unknown) => {
    console.error((e as Error).message);
    process.exitCode = 2;
  });
}
