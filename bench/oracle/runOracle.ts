// Runs the reference extractor (bench/oracle/facts.py) over many files in a few batch python processes and
// returns its FileFacts per path: the differential check and the benchmark share this one way of calling it.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { FileFacts } from "../../src/python/facts.ts";

export const ORACLE_SCRIPT = fileURLToPath(new URL("./facts.py", import.meta.url));

export interface OracleOptions {
  python?: string;
  /** Parallel python processes (the files are split into this many contiguous chunks). */
  jobs?: number;
  /** Extra arguments for facts.py, e.g. ["--no-compile"]. */
  args?: string[];
}

/** Runs facts.py once with `--stdin`, feeding `files`; calls `onLine` for each output line as it arrives. */
export function runOracleProcess(
  files: string[],
  args: string[],
  python = "python3",
  onLine: (line: string) => void = () => {},
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(python, [ORACLE_SCRIPT, "--stdin", ...args], { stdio: ["pipe", "pipe", "pipe"] });
    const err: Buffer[] = [];
    let pending = "";
    child.stdout.setEncoding("utf8");
    child.stdout.on("data", (chunk: string) => {
      const lines = (pending + chunk).split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines) if (line !== "") onLine(line);
    });
    child.stderr.on("data", (b: Buffer) => err.push(b));
    child.on("error", (e) => reject(new Error(`cannot run the oracle with ${python}: ${e.message}`)));
    child.on("close", (code) => {
      if (pending !== "") onLine(pending);
      if (code === 0) resolve();
      else reject(new Error(`the oracle exited with ${code}: ${Buffer.concat(err).toString("utf8").slice(-2000)}`));
    });
    child.stdin.end(files.map((f) => `${f}\n`).join(""));
  });
}

/** Streams the oracle's facts for every file to `onFacts` as they come (the whole corpus is ~135 MB of JSON). */
export async function streamOracle(
  files: string[],
  options: OracleOptions,
  onFacts: (facts: FileFacts) => void,
): Promise<void> {
  const jobs = Math.max(1, Math.min(options.jobs ?? 1, files.length));
  const size = Math.ceil(files.length / jobs);
  const chunks = Array.from({ length: jobs }, (_, i) => files.slice(i * size, (i + 1) * size));
  await Promise.all(
    chunks.map((c) =>
      runOracleProcess(c, options.args ?? [], options.python, (line) => onFacts(JSON.parse(line) as FileFacts)),
    ),
  );
}

/** The oracle's facts for every file, keyed by the path as given. */
export async function runOracle(files: string[], options: OracleOptions = {}): Promise<Map<string, FileFacts>> {
  const facts = new Map<string, FileFacts>();
  await streamOracle(files, options, (f) => facts.set(f.path, f));
  return facts;
}
