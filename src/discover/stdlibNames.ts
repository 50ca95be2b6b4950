// Which names the interpreter's standard library lacks: `from collections import Mapping` (gone in 3.10),
// `asyncio.coroutine` (gone in 3.11). One Python process answers every (module, name) pair not yet known; answers
// are cached per interpreter in stdlib-names.json of the cache directory (the repository's .remedy/, as
// interpreters.json; nothing is written without one), keyed by the interpreter's realpath, mtime and version, its
// stdlib directories and its site-packages directories (a .pth file can swap a stdlib module: setuptools'
// distutils). Only stdlib modules are imported (`sys.stdlib_module_names`, and only when the module imported
// comes from the stdlib directory); modules that act when imported (antigravity, this, idlelib, turtledemo,
// test, `__main__`) are never imported, and a module whose import fails gives "unknown" for every name.
import { type ChildProcess, spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { readFileSync, realpathSync } from "node:fs";
import { join } from "node:path";
import { writeAtomic } from "../cache/index.ts";
import { statOrNull } from "./fsStat.ts";
import { cacheDir } from "./interpreter.ts";

export type NameHow = "from" | "attr" | "star";
export interface NameQuery {
  module: string;
  name: string;
  /** `from M import name` (an attribute or an importable submodule), `M.name` read at import time, or `name`
   *  among what `from M import *` binds (`M.__all__`, else M's globals not starting with `_`). */
  how: NameHow;
}
/** "unknown": not a stdlib module, not imported (side effects), its import failed, or the process failed. */
export type NameAnswer = "present" | "missing" | "unknown";

/** What is needed of the interpreter (a subset of InterpreterInfo). */
export interface StdlibInterpreter {
  executable: string;
  version: string;
  sysPath: readonly string[];
  sitePackages: readonly string[];
}

export function queryKey(q: NameQuery): string {
  return `${q.how} ${q.module} ${q.name}`;
}

/** How the import-time model is told that the answer was "missing" (GraphInput.stdlibMissing): "M:name" for an
 *  attribute or from-import, "*M:name" for a name a star import of M does not bind. */
export function missingKey(q: NameQuery): string {
  return `${q.how === "star" ? "*" : ""}${q.module}:${q.name}`;
}

// Reads queries from argv (JSON chunks: [[module, name, how], ...]) or, with no argument, from stdin; prints one
// letter per query: p(resent), m(issing), u(nknown). "from": an attribute or a submodule found by find_spec (what
// `from M import name` tries); "attr": an attribute, and a submodule counts as present too (pytest's process may
// have imported it, which sets it on its package). Nothing it imports may print into the answer.
export const STDLIB_NAMES_SCRIPT = `
import importlib, importlib.util, json, os, sys, sysconfig, warnings
sys.path[:] = [p for p in sys.path if p not in ("", ".")]
warnings.simplefilter("ignore")
out = sys.stdout
sys.stdout = sys.stderr
raw = sys.argv[1:] or [sys.stdin.read()]
queries = [q for chunk in raw for q in json.loads(chunk)]
stdlib = os.path.realpath(sysconfig.get_paths()["stdlib"]) + os.sep
names = getattr(sys, "stdlib_module_names", None)
SKIP = {"antigravity", "this", "idlelib", "turtledemo", "test", "__main__", "builtins", "sys"}
modules = {}

def load(m):
    if m in modules:
        return modules[m]
    mod = None
    parts = m.split(".")
    if names is not None and parts[0] in names and parts[0] not in SKIP and not any(p.startswith("__") for p in parts):
        try:
            mod = importlib.import_module(m)
            f = getattr(mod, "__file__", None)
            f = f and os.path.realpath(f)
            if f is not None and (not f.startswith(stdlib) or os.sep + "site-packages" + os.sep in f[len(stdlib) - 1:]
                                  or os.sep + "dist-packages" + os.sep in f[len(stdlib) - 1:]):
                mod = None
        except BaseException:
            mod = None
    modules[m] = mod
    return mod

def answer(m, n, how):
    mod = load(m)
    if mod is None:
        return "u"
    try:
        if how == "star":
            exported = getattr(mod, "__all__", None)
            if exported is None:
                exported = [k for k in vars(mod) if not k.startswith("_")]
            return "p" if n in exported else "m"
        if hasattr(mod, n):
            return "p"
        if hasattr(mod, "__path__") and importlib.util.find_spec(m + "." + n) is not None:
            return "p"
        return "m"
    except BaseException:
        return "u"

out.write("".join(answer(*q) for q in queries))
out.flush()
`;

const FORMAT = 1;
const SCRIPT_HASH = createHash("sha256").update(STDLIB_NAMES_SCRIPT).digest("hex").slice(0, 16);
const CACHE_FILE = "stdlib-names.json";
/** argv chunks stay below Linux's 128 KiB per argument; beyond ARG_BUDGET the queries go through stdin. */
const CHUNK = 100_000;
const ARG_BUDGET = 1_000_000;
const STDLIB_DIR = /(?:^|\/)(?:python\d[\d.]*(?:\.zip)?|lib-dynload)$/;

interface StdlibNamesEntry {
  key: string;
  answers: Record<string, NameAnswer>;
}

const mtime = (p: string) => statOrNull(p)?.mtimeMs ?? -1;

/** What the answers depend on: a change to any part makes every cached answer stale. */
export function interpreterKey(interp: StdlibInterpreter, env: NodeJS.ProcessEnv = process.env): string {
  let real = interp.executable;
  try {
    real = realpathSync(interp.executable);
  } catch {}
  const stdlibDirs = interp.sysPath.filter((p) => STDLIB_DIR.test(p) && !/-packages(?:\/|$)/.test(p));
  const dirs = [...stdlibDirs, ...interp.sitePackages].map((d) => `${d}@${mtime(d)}`);
  const vars = ["PYTHONPATH", "PYTHONHOME", "PYTHONNOUSERSITE", "PYTHONUSERBASE"].map((v) => env[v] ?? "");
  return [FORMAT, SCRIPT_HASH, real, mtime(real), interp.version, ...dirs, ...vars].join("|");
}

/** The entries of a per-interpreter cache file (`{format, entries}`), or none when it is missing, unreadable or
 *  of another format. */
export function readEntries<T>(file: string | null, format: number): Record<string, T> {
  if (file === null) return {};
  try {
    const data = JSON.parse(readFileSync(file, "utf8"));
    return data?.format === format && data.entries && typeof data.entries === "object" ? data.entries : {};
  } catch {
    return {};
  }
}

/** Answers kept for the process when there is no cache directory (scans with the cache disabled). */
const memo = new Map<string, StdlibNamesEntry>();

export interface StdlibNamesOptions {
  /** The repository's cache directory (null: nothing is read or written; $REMEDY_CACHE_DIR wins, as for
   *  interpreters.json). */
  cacheDir: string | null;
  env?: NodeJS.ProcessEnv;
  /** Kill the process after this many ms (every answer then "unknown"). */
  timeoutMs?: number;
}

/** A store of answers for one interpreter, and (when needed) the one process that completes it. */
export class StdlibNames {
  private readonly file: string | null;
  private readonly key: string;
  private readonly entries: Record<string, StdlibNamesEntry>;
  private readonly answers: Record<string, NameAnswer>;
  private child: ChildProcess | null = null;
  private output: Promise<string | null> | null = null;

  constructor(
    private readonly interp: StdlibInterpreter,
    private readonly options: StdlibNamesOptions,
  ) {
    const env = options.env ?? process.env;
    const dir = cacheDir(env, options.cacheDir);
    this.file = dir === null ? null : join(dir, CACHE_FILE);
    this.key = interpreterKey(interp, env);
    this.entries = readEntries<StdlibNamesEntry>(this.file, FORMAT);
    const entry = this.file === null ? memo.get(interp.executable) : this.entries[interp.executable];
    this.answers = entry && entry.key === this.key ? { ...entry.answers } : {};
  }

  /** The answer already known for `q`, without asking (undefined: never asked). */
  known(q: NameQuery): NameAnswer | undefined {
    return this.answers[queryKey(q)];
  }

  /** Whether nothing is known yet for this interpreter (a first scan): then starting the process early pays. */
  empty(): boolean {
    return Object.keys(this.answers).length === 0;
  }

  /** Starts the Python process now (it waits for its queries on stdin), so that its start-up overlaps with other
   *  work. Without a later ask() it is ended by close(). */
  prestart(): void {
    if (this.child) return;
    this.startProcess([]);
  }

  /** The answer to every query; asks the interpreter (one process) only about the pairs not known. Never throws. */
  async ask(queries: readonly NameQuery[]): Promise<Map<string, NameAnswer>> {
    const unknown: NameQuery[] = [];
    const seen = new Set<string>();
    for (const q of queries) {
      const k = queryKey(q);
      if (this.answers[k] === undefined && !seen.has(k)) {
        seen.add(k);
        unknown.push(q);
      }
    }
    if (unknown.length > 0) {
      const letters = await this.run(unknown);
      const got: Record<string, NameAnswer> = {};
      unknown.forEach((q, i) => {
        const c = letters?.[i];
        got[queryKey(q)] = c === "p" ? "present" : c === "m" ? "missing" : "unknown";
      });
      // A process that failed as a whole is not remembered: the next scan asks again.
      if (letters !== null && letters.length === unknown.length) this.remember(got);
      Object.assign(this.answers, got);
    } else this.close();
    return new Map(queries.map((q) => [queryKey(q), this.answers[queryKey(q)] ?? "unknown"]));
  }

  /** Ends a prestarted process that got no queries. */
  close(): void {
    if (this.child && this.output === null) {
      this.child.stdin?.end("[]");
      this.child = null;
    }
  }

  private remember(got: Record<string, NameAnswer>): void {
    const entry: StdlibNamesEntry = { key: this.key, answers: { ...this.answers, ...got } };
    if (this.file === null) {
      memo.set(this.interp.executable, entry);
      return;
    }
    this.entries[this.interp.executable] = entry;
    writeAtomic(this.file, JSON.stringify({ format: FORMAT, entries: this.entries }));
  }

  private startProcess(args: string[]): ChildProcess {
    const env = this.options.env ?? process.env;
    const child = spawn(this.interp.executable, ["-c", STDLIB_NAMES_SCRIPT, ...args], {
      env: { ...env, PYTHONDONTWRITEBYTECODE: "1" },
      stdio: ["pipe", "pipe", "ignore"],
    });
    child.on("error", () => {});
    child.stdin?.on("error", () => {});
    this.child = child;
    return child;
  }

  private run(queries: NameQuery[]): Promise<string | null> {
    const json = queries.map((q) => [q.module, q.name, q.how]);
    let child = this.child;
    let viaStdin = true;
    if (!child) {
      // Not prestarted: small query lists go as arguments (no stdin round trip), large ones through stdin.
      const text = JSON.stringify(json);
      viaStdin = text.length > ARG_BUDGET;
      child = this.startProcess(viaStdin ? [] : chunks(json));
    }
    const proc = child;
    this.output = new Promise<string | null>((resolve) => {
      let out = "";
      const timer = setTimeout(() => proc.kill("SIGKILL"), this.options.timeoutMs ?? 30_000);
      proc.stdout?.setEncoding("utf8");
      proc.stdout?.on("data", (d: string) => {
        out += d;
      });
      proc.on("error", () => {
        clearTimeout(timer);
        resolve(null);
      });
      proc.on("close", (code) => {
        clearTimeout(timer);
        resolve(code === 0 ? out : null);
      });
    });
    if (viaStdin) proc.stdin?.end(JSON.stringify(json));
    else proc.stdin?.end();
    return this.output;
  }
}

function chunks(json: unknown[][]): string[] {
  const out: string[] = [];
  let part: unknown[][] = [];
  let size = 2;
  for (const q of json) {
    const n = JSON.stringify(q).length + 1;
    if (size + n > CHUNK && part.length > 0) {
      out.push(JSON.stringify(part));
      part = [];
      size = 2;
    }
    part.push(q);
    size += n;
  }
  if (part.length > 0) out.push(JSON.stringify(part));
  return out;
}

/** One-shot form: the answer to every query for `interp`, asked in at most one process. */
export function askStdlibNames(
  interp: StdlibInterpreter,
  queries: readonly NameQuery[],
  options: StdlibNamesOptions,
): Promise<Map<string, NameAnswer>> {
  return new StdlibNames(interp, options).ask(queries);
}
