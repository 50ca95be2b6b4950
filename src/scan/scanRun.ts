// One scan's settled options and where it keeps what it learns: shared by every phase (scan.ts).
import { statSync } from "node:fs";
import { resolve } from "node:path";
import { cacheDirOf, ensureCacheDir } from "../cache/index.ts";
import { findExecutable, type Invocation } from "../discover/index.ts";
import type { FileFacts } from "../python/index.ts";
import { ScanCache, scanKey } from "./scanCache.ts";
import type { ScanSession } from "./scanSession.ts";

export type ScanStage = "discover" | "graph" | "analyze";

export interface ScanOptions {
  /** Interpreter pytest would run with (default python3 on PATH); null: ask none. */
  python?: string | null;
  /** pytest arguments, as after `pytest` on the command line. */
  args?: string[];
  /** Called as each stage starts (the CLI shows it on stderr for long scans). */
  onProgress?: (stage: ScanStage, detail: string) => void;
  /** Source facts provider (default: remedy's scanner, cached per path). */
  getFacts?: (path: string) => FileFacts;
  /** Read and write the cache in <dir>/.remedy/ (default true); false reads nothing from it and writes nothing. */
  cache?: boolean;
  /** `python -m pytest` (default: the invocation directory is on sys.path) or the `pytest` script. */
  invocation?: Invocation;
  /** Keeps decoded facts between scans in this process (watch mode): a rescan decodes nothing it has. */
  session?: ScanSession;
  /** The environment pytest would run with (default: this process's). `if os.environ.get(...)` tests are decided
   *  with it, and pytest's own variables (PYTEST_ADDOPTS...) read from it. */
  env?: NodeJS.ProcessEnv;
  /** Files larger than this many bytes are not read, and the result says so (default 64 MiB: the scanner reads
   *  about 60 MB/s, so a big generated module costs a fraction of a second). */
  maxBytes?: number;
}

/** remedy scan's default --max-bytes. */
export const SCAN_MAX_BYTES = 64 * 1024 * 1024;

/** Why the cache at <root>/.remedy cannot be used (it exists and is no directory), or null. */
export function cacheBlocked(root: string): string | null {
  const dir = cacheDirOf(root);
  const st = statSync(dir, { throwIfNoEntry: false });
  return st && !st.isDirectory() ? `${dir} is not a directory: scanned without the cache (remove or rename it)` : null;
}

/** The repository's .remedy/, made when needed; null when `root` is no directory (nothing is created then). */
export function repositoryCacheDir(root: string): string | null {
  if (!statSync(root, { throwIfNoEntry: false })?.isDirectory()) return null;
  const dir = cacheDirOf(root);
  ensureCacheDir(dir);
  return dir;
}

/** What every phase of one scan shares: the options settled once (the cache directory among them). */
export interface ScanRun {
  started: number;
  root: string;
  options: ScanOptions;
  progress: (stage: ScanStage, detail: string) => void;
  environ: NodeJS.ProcessEnv;
  maxBytes: number;
  /** Why .remedy cannot be used, or null. */
  blockedCache: string | null;
  useCache: boolean;
  /** Where this scan keeps what it learns (interpreter answers, facts of installed sources), or nowhere. */
  cacheDir: string | null;
  /** The last scan's result and stamps (empty when there is none or the cache is off). */
  previous: ScanCache;
}

export function startRun(path: string, options: ScanOptions): ScanRun {
  const root = resolve(path);
  const environ = options.env ?? process.env;
  // A custom facts provider is not what the cache holds: such scans neither read nor write it. Nor does a scan
  // whose .remedy is something other than a directory (a file of that name): it says so in its limitations.
  const blockedCache = cacheBlocked(root);
  const maxBytes = options.maxBytes ?? SCAN_MAX_BYTES;
  const useCache = (options.cache ?? true) && !options.getFacts && blockedCache === null;
  const key = scanKey({
    root,
    python: options.python,
    args: options.args ?? [],
    invocation: options.invocation ?? "python-m",
    executable: options.python === null ? null : findExecutable(options.python ?? "python3", root),
    env: environ,
    maxBytes,
  });
  return {
    started: performance.now(),
    root,
    options,
    progress: options.onProgress ?? (() => {}),
    environ,
    maxBytes,
    blockedCache,
    useCache,
    cacheDir: useCache ? repositoryCacheDir(root) : null,
    previous: ScanCache.forDir(root, key, useCache, environ),
  };
}

export const elapsed = (run: ScanRun) => Math.round(performance.now() - run.started);
