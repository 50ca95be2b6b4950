// The one way remedy runs the real pytest: `python -m pytest --collect-only` with the remedy_collect plugin, which
// records what pytest saw as JSON lines (terminal text is never parsed, except stderr's last line as a fallback).
// The run writes nothing into the repository: no bytecode, and pytest's cache goes to a scratch directory.
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { delimiter, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { CollectionReport } from "./collectionReport.ts";
import {
  CollectionTimeoutError,
  InterpreterCrashError,
  InterpreterNotFoundError,
  PytestNotInstalledError,
} from "./errors.ts";
import { readRecords } from "./readRecords.ts";
import { lastLine, runProcess } from "./runProcess.ts";

export interface RunCollectionOptions {
  /** Interpreter to run pytest with; default "python3". */
  python?: string;
  /** Directory pytest runs in (decides rootdir and sys.path, as when a user types `python -m pytest` there). */
  cwd: string;
  /** Paths and options passed to pytest after remedy's own. */
  args?: string[];
  /** Kill the run after this long; default 120 s. */
  timeoutMs?: number;
  /** Environment for pytest; default process.env. remedy's variables are added to it. */
  env?: NodeJS.ProcessEnv;
}

const PLUGIN_FILE = "remedy_collect.py";

/** The plugin directory: next to this module under tsx (src/verify/plugin), or the shipped copy from dist/verify. */
export function pluginDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const candidates = [join(here, "plugin"), join(here, "..", "..", "src", "verify", "plugin")];
  const found = candidates.find((dir) => existsSync(join(dir, PLUGIN_FILE)));
  if (!found) throw new Error(`remedy_collect plugin not found; looked in ${candidates.join(", ")}`);
  return found;
}

/** Run pytest's collection in `cwd` and return everything it saw. Throws a CollectionRunError when pytest could
 *  not run at all; pytest's own failures (collection errors, usage errors) are returned in the report. */
export async function runCollection(options: RunCollectionOptions): Promise<CollectionReport> {
  const python = options.python ?? "python3";
  const plugin = pluginDir();
  const scratch = await mkdtemp(join(tmpdir(), "remedy-collect-"));
  const outFile = join(scratch, "records.jsonl");
  const base = options.env ?? process.env;
  const env: NodeJS.ProcessEnv = {
    ...base,
    PYTHONPATH: base.PYTHONPATH ? `${plugin}${delimiter}${base.PYTHONPATH}` : plugin,
    PYTHONDONTWRITEBYTECODE: "1",
    REMEDY_COLLECT_OUT: outFile,
    REMEDY_COLLECT_PLUGIN_DIR: plugin,
    REMEDY_COLLECT_SCRATCH: scratch,
  };
  // The cache goes to the scratch directory rather than `-p no:cacheprovider`: disabling the plugin would turn
  // a user's `addopts = --ff` (an option of that plugin) into an "unrecognized arguments" usage error.
  const args = [
    "-m",
    "pytest",
    "--collect-only",
    "-q",
    "-p",
    "remedy_collect",
    "-o",
    `cache_dir=${join(scratch, "pytest_cache")}`,
    ...(options.args ?? []),
  ];
  const started = performance.now();
  try {
    const run = await runProcess(python, args, options.cwd, env, options.timeoutMs ?? 120_000);
    const durationMs = Math.round(performance.now() - started);
    if (run.spawnError) throw new InterpreterNotFoundError(python, run.spawnError.code ?? run.spawnError.message);
    if (run.timedOut) throw new CollectionTimeoutError(options.timeoutMs ?? 120_000);
    const stderrTail = lastLine(run.stderr);
    const records = existsSync(outFile) ? await readFile(outFile, "utf8") : "";
    const parts = readRecords(records);
    if (parts.session === null && /No module named pytest\b/.test(run.stderr)) {
      throw new PytestNotInstalledError(python, stderrTail ?? "No module named pytest");
    }
    // `import pytest` itself failed (a repository's own pluggy or iniconfig first on sys.path): exit 1 with a
    // traceback before any plugin ran. The traceback's last line is pytest's start-up error.
    if (run.exitCode === 1 && parts.session === null && parts.startupError === null) {
      parts.startupError = tracebackError(run.stderr);
    }
    // pytest exits 0-5; anything else (or a signal) before pytest's session ended means Python itself failed.
    const known = run.exitCode !== null && run.exitCode >= 0 && run.exitCode <= 5;
    if (!known || (run.exitCode === 1 && parts.sessionExitStatus === null && parts.startupError === null)) {
      throw new InterpreterCrashError(python, run.exitCode, run.signal, stderrTail);
    }
    const { sessionExitStatus: _, ...recorded } = parts;
    return {
      exitCode: run.exitCode!,
      ...recorded,
      stderrTail,
      stdout: run.stdout,
      stderr: run.stderr,
      durationMs,
    };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

/** The exception a Python traceback through pytest's start-up ends with (`pkg.Error: message` -> Error, message),
 *  or null. */
function tracebackError(stderr: string): { exceptionType: string; message: string } | null {
  const at = stderr.lastIndexOf("Traceback (most recent call last):");
  // Only a traceback through pytest's own start-up (`python -m pytest` runs pytest/__main__.py): anything else is
  // the interpreter failing (InterpreterCrashError).
  if (at < 0 || !/[/\\](?:pytest[/\\]__main__\.py|_pytest[/\\])/.test(stderr.slice(at))) return null;
  const last = stderr.slice(at).trimEnd().split("\n").at(-1) ?? "";
  const m = /^([A-Za-z_][\w.]*)(?:: (.*))?$/.exec(last);
  return m ? { exceptionType: (m[1] as string).split(".").at(-1) as string, message: m[2] ?? "" } : null;
}
