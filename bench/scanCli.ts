// The `remedy` command as a user runs it, timed as whole processes (Node start-up and module loading included):
// cold (no .remedy/), warm (nothing changed), a stdlib import added to a module (the stored result is kept), and
// a first-party import added (the model runs again on the cached facts, decoded from disk by a process whose JIT
// starts cold). bench/scanRemedy.ts times scan() inside
// one process; these are the figures a person typing `remedy scan` sees.
import { readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type Interpreter, measure, REPO } from "./scanPeers.ts";

/** The text bench/scanRemedy.ts also appends for its "an import added" change: a stdlib import, which changes
 *  nothing the model decides (src/scan/inertImports.ts), so the stored result is kept. */
export const IMPORT_ADDED = "\nimport os.path\n";

/** An import the stored result cannot survive: a relative import of the module's own package, first-party, so
 *  the model and the analyzers run again on the cached facts of every other file. */
export const FIRST_PARTY_IMPORT_ADDED = "\nfrom . import __name__ as remedy_bench_package\n";

/** The first module (sorted walk) that is neither a test, a conftest nor an __init__, outside test directories. */
export function pickModule(d: string): string | null {
  for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const p = join(d, e.name);
    if (e.isDirectory() && !e.name.startsWith(".") && !e.name.startsWith("test") && !e.name.startsWith("remedy_")) {
      const found = pickModule(p);
      if (found) return found;
    } else if (e.isFile() && e.name.endsWith(".py") && !/^(test_|conftest|__init__)/.test(e.name)) return p;
  }
  return null;
}

export interface CliRun {
  seconds: number;
  exitCode: number | null;
  maxRssKb: number;
}

export interface CliFigures {
  cold: CliRun[];
  warm: CliRun[];
  importAdded: CliRun[];
  firstPartyImportAdded: CliRun[];
}

function remedyScan(dir: string, interp: Interpreter): CliRun {
  const m = measure(
    interp.executable,
    [process.execPath, join(REPO, "bin", "remedy.js"), "scan", dir, "--python", interp.executable, "--json"],
    dir,
  );
  return { seconds: m.seconds, exitCode: m.exitCode, maxRssKb: m.maxRssKb };
}

/** `repeat` rounds of cold, warm and import-added runs of the built CLI (`npm run bench:scan` builds it). The
 *  changed module is restored byte for byte (and mtime) after each round. */
export function cliRuns(dir: string, interp: Interpreter, repeat: number): CliFigures {
  const figures: CliFigures = { cold: [], warm: [], importAdded: [], firstPartyImportAdded: [] };
  const file = pickModule(dir);
  for (let i = 0; i < repeat; i++) {
    rmSync(join(dir, ".remedy"), { recursive: true, force: true });
    figures.cold.push(remedyScan(dir, interp));
    figures.warm.push(remedyScan(dir, interp));
    if (!file) continue;
    for (const [text, runs] of [
      [IMPORT_ADDED, figures.importAdded],
      [FIRST_PARTY_IMPORT_ADDED, figures.firstPartyImportAdded],
    ] as const) {
      const restore = appendRestorably(file, text);
      try {
        runs.push(remedyScan(dir, interp));
      } finally {
        restore();
      }
    }
  }
  return figures;
}

/** Appends `text` to `file` and returns what puts it back byte for byte, modification time included: a file
 *  modified within 2 s of a scan is never trusted by the cache (racy stamps), so a restored file with a new
 *  mtime would make the next cold and warm scans re-hash it, which no user's repository at rest does. */
export function appendRestorably(file: string, text: string): () => void {
  const original = readFileSync(file);
  const { atime, mtime } = statSync(file);
  writeFileSync(file, Buffer.concat([original, Buffer.from(text)]));
  return () => {
    writeFileSync(file, original);
    utimesSync(file, atime, mtime);
  };
}

/** The median of the runs' seconds (the lower middle one for an even count). */
export function medianSeconds(runs: { seconds: number }[]): number | undefined {
  const s = runs.map((r) => r.seconds).sort((a, b) => a - b);
  return s.length === 0 ? undefined : s[Math.floor((s.length - 1) / 2)];
}
