// Child process of bench/scan.ts: `node --import tsx bench/scanRemedy.ts <tree> <python>` times remedy's scan()
// on one tree (cold, warm, one file changed) in a fresh process, so that the peak RSS the parent measures is this
// tree's alone, and prints the figures as one JSON line on stdout.
import { existsSync, rmSync } from "node:fs";
import { join } from "node:path";
import { appendRestorably, FIRST_PARTY_IMPORT_ADDED, IMPORT_ADDED, pickModule } from "./scanCli.ts";

/** The part of remedy's ScanResult this bench reads (kept structural so the bench runs before scan() exists). */
interface ScanSummary {
  rootdir: string;
  pytestExitCode: number;
  collection: { tests: number; blockedTests: number };
  findings: unknown[];
}

export interface RemedyRun {
  seconds: number;
  /** User + system CPU time of this process during the scan (worker threads included; the interpreter's child
   *  processes, ~0.1-0.3 s on a cold scan, are not). On a loaded machine it moves less than the wall time. */
  cpuSeconds: number;
  pytestExitCode: number;
  /** Tests remedy predicts pytest collects (those of test files nothing blocks). */
  tests: number;
  findings: number;
}

export interface RemedyFigures {
  available: boolean;
  cold?: RemedyRun;
  /** maxRSS of this process (getrusage RUSAGE_SELF, kB) right after the cold scan. */
  maxRssKbAfterCold?: number;
  warm?: RemedyRun;
  changed?: (RemedyRun & { what: string; file: string })[];
  /** The same import added, scanned through a ScanSession that has scanned the tree once (watch mode). */
  watchChanged?: RemedyRun & { what: string; file: string };
}

type Scan = (path: string, options?: { python?: string | null; session?: object }) => Promise<ScanSummary>;

async function timed(run: () => Promise<ScanSummary>): Promise<RemedyRun> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const r = await run();
  const used = process.cpuUsage(cpu);
  return {
    seconds: (performance.now() - started) / 1000,
    cpuSeconds: (used.user + used.system) / 1e6,
    pytestExitCode: r.pytestExitCode,
    // What pytest would collect: the tests of test files nothing blocks (pytest's "N tests collected").
    tests: r.collection.tests - r.collection.blockedTests,
    findings: r.findings.length,
  };
}

/** Appends `text` to one module, scans, restores the file byte for byte (and its mtime) and scans it again. */
async function oneFileChanged(dir: string, text: string, run: () => Promise<ScanSummary>) {
  const file = pickModule(dir);
  if (!file) throw new Error(`no module to change under ${dir}`);
  const restore = appendRestorably(file, text);
  try {
    return { file: file.slice(dir.length + 1), ...(await timed(run)) };
  } finally {
    restore();
    // Untimed: the stored scan is the unchanged tree's again, so each change is measured against it alone (not
    // against the previous change, whose undoing would count as a removal).
    await run();
  }
}

async function main(): Promise<void> {
  const [dir, python] = process.argv.slice(2);
  if (!dir || !python) throw new Error("usage: scanRemedy.ts <tree> <python>");
  // The compiled library (what the `remedy` command runs; `npm run bench:scan` builds it first): from source, tsx
  // would also transpile inside the fact-extraction worker threads, during the timed scan.
  const built = new URL("../dist/index.js", import.meta.url);
  const remedy = (await import(existsSync(built) ? built.href : "../src/index.ts").catch(() => ({}))) as {
    scan?: unknown;
    ScanSession?: new () => { decodeAhead?: (rootdir: string) => Promise<void> };
  };
  if (typeof remedy.scan !== "function") {
    console.log(JSON.stringify({ available: false } satisfies RemedyFigures));
    return;
  }
  const scan = remedy.scan as Scan;
  const run = () => scan(dir, { python });
  // Cold: no cache in the tree (remedy keeps it in <tree>/.remedy/).
  rmSync(join(dir, ".remedy"), { recursive: true, force: true });
  const cold = await timed(run);
  const maxRssKbAfterCold = process.resourceUsage().maxRSS;
  const warm = await timed(run);
  // A comment leaves the module's facts as they were, and a new module-level name nothing uses or a new stdlib
  // import changes nothing the model sees (all reuse the stored result); a first-party import changes what the
  // module does (the model and the analyzers run again on cached facts).
  const changed = [];
  for (const [what, text] of [
    ["a comment added", "\n# remedy bench: one file changed\n"],
    ["a module-level name added", "\nREMEDY_BENCH_CHANGED = 1\n"],
    ["a stdlib import added", IMPORT_ADDED],
    ["a first-party import added", FIRST_PARTY_IMPORT_ADDED],
  ] as const) {
    changed.push({ what, ...(await oneFileChanged(dir, text, run)) });
  }
  // Watch mode (`remedy scan --watch`, a ScanSession): its first scan, the decoding it does while idle, then an
  // added first-party import (the model runs again on facts the session has decoded).
  let watchChanged: RemedyFigures["watchChanged"];
  if (remedy.ScanSession) {
    const session = new remedy.ScanSession();
    const inSession = () => scan(dir, { python, session });
    const first = await inSession();
    // What a watch does while it waits for the first edit (the first scan reused the stored result).
    await session.decodeAhead?.(first.rootdir);
    watchChanged = {
      what: "a first-party import added",
      ...(await oneFileChanged(dir, FIRST_PARTY_IMPORT_ADDED, inSession)),
    };
  }
  console.log(
    JSON.stringify({
      available: true,
      cold,
      maxRssKbAfterCold,
      warm,
      changed,
      ...(watchChanged ? { watchChanged } : {}),
    } satisfies RemedyFigures),
  );
}

await main();
