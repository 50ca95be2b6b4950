// Asks a Python interpreter once what it sees (probeScript.ts) and caches the answer in interpreters.json of the
// cache directory it is given (the repository's .remedy/, or $REMEDY_CACHE_DIR): remedy writes nothing outside
// the repository unless told to, and never in the shared OS temp dir, where another user could plant a forged
// answer. Without a cache directory the answer is kept for the process only. An entry is keyed by the interpreter's
// realpath, its mtime and PYTHONPATH, and is re-asked when any site-packages directory's mtime changed
// (pip install/uninstall changes it while the interpreter binary stays the same).
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, realpathSync, renameSync, writeFileSync } from "node:fs";
import { delimiter, isAbsolute, join, resolve } from "node:path";
import { RemedyError } from "../errors.ts";
import { statOrNull } from "./fsStat.ts";
import { PROBE_SCRIPT } from "./probeScript.ts";

export interface EntryPoint {
  group: string;
  name: string;
  value: string;
}

export interface Distribution {
  name: string;
  version: string;
  /** The .dist-info / .egg-info directory. */
  location: string | null;
  topLevel: string[];
  entryPoints: EntryPoint[];
}

export interface InterpreterInfo {
  /** What was asked for (option value) and what it resolved to. */
  requested: string;
  realpath: string;
  executable: string;
  version: string;
  implementation: string;
  /** sys.platform and os.name. */
  platform: string;
  osName: string;
  prefix: string;
  basePrefix: string;
  /** sys.path without the '' entry. */
  sysPath: string[];
  sitePackages: string[];
  /** Directory of the `_pytest` package it would import, or null when pytest is not installed. */
  pytestDir: string | null;
  distributions: Distribution[];
  /** Directories holding top-level packages that setuptools' editable finders import (after sys.path). Absent
   *  from probes of older remedy versions. */
  editableRoots?: string[];
}

export class InterpreterError extends RemedyError {
  override name = "InterpreterError";
}

const CACHE_FORMAT = 1;
const SCRIPT_HASH = createHash("sha256").update(PROBE_SCRIPT).digest("hex").slice(0, 16);

interface InterpreterEntry {
  key: string;
  siteMtimes: Record<string, number>;
  info: InterpreterInfo;
}

/** Where interpreter answers and installed sources' facts are kept: $REMEDY_CACHE_DIR when set, else the
 *  directory the caller gives (the repository's .remedy/), else nowhere (null). */
export function cacheDir(env: NodeJS.ProcessEnv = process.env, repositoryCache: string | null = null): string | null {
  return env.REMEDY_CACHE_DIR || repositoryCache;
}

const probed = new Map<string, { key: string; siteMtimes: Record<string, number>; info: InterpreterInfo }>();

/** Finds `name` as a shell would: a path when it contains a slash, else the first match on PATH. */
export function findExecutable(name: string, cwd: string = process.cwd(), env = process.env): string | null {
  const candidates = name.includes("/")
    ? [isAbsolute(name) ? name : resolve(cwd, name)]
    : (env.PATH ?? "")
        .split(delimiter)
        .filter(Boolean)
        .map((d) => join(d, name));
  for (const c of candidates) {
    const st = statOrNull(c);
    if (st?.isFile() && st.mode & 0o111) return c;
  }
  return null;
}

const mtime = (p: string) => statOrNull(p)?.mtimeMs ?? -1;

function readCache(file: string): Record<string, InterpreterEntry> {
  try {
    const data = JSON.parse(readFileSync(file, "utf8"));
    return data?.format === CACHE_FORMAT ? data.entries : {};
  } catch {
    return {};
  }
}

function writeCache(file: string, entries: Record<string, InterpreterEntry>): void {
  try {
    mkdirSync(join(file, ".."), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify({ format: CACHE_FORMAT, entries }));
    renameSync(tmp, file);
  } catch {
    // A read-only home only costs a re-ask next time.
  }
}

/** The probe's JSON object, or null when the output is anything else (not a Python, a wrapper printing text). */
function parseAnswer(stdout: string | undefined): Omit<InterpreterInfo, "requested" | "realpath"> | null {
  try {
    const value = JSON.parse(stdout ?? "");
    return value && typeof value === "object" && typeof value.version === "string" && Array.isArray(value.sysPath)
      ? value
      : null;
  } catch {
    return null;
  }
}

/** One line (at most 120 characters, controls escaped) of what a program printed, for an error message: the
 *  last of stderr (where an error is), the first of stdout (a program echoing its arguments echoes the probe). */
function excerpt(text: string, first = false): string {
  const lines = text.trim().split("\n");
  const line = (first ? lines[0] : lines[lines.length - 1]) ?? "";
  const safe = JSON.stringify(line.length > 120 ? `${line.slice(0, 120)}...` : line);
  return safe.slice(1, -1);
}

/** Why the probe got no answer, without ever quoting the probe script (Node's error message holds the command). */
function notAnAnswer(
  executable: string,
  error: (Error & { code?: unknown; signal?: unknown; killed?: boolean }) | null,
  stdout: string | undefined,
  stderr: string | undefined,
): string {
  if (error && error.code === "ENOENT") return `interpreter not found: ${executable}`;
  if (error?.killed) return `the interpreter ${executable} did not answer within 60 s`;
  const err = stderr?.trim() ?? "";
  const out = stdout?.trim() ?? "";
  let why: string;
  if (error && typeof error.code === "number")
    why = `it exited with code ${error.code}${err ? `: ${excerpt(err)}` : out ? `, printing "${excerpt(out, true)}"` : ""}`;
  else if (error) why = `it could not be run (${error.code ?? error.signal ?? "error"})`;
  else if (out === "") why = `it printed nothing${err ? ` (stderr: ${excerpt(err)})` : ""}`;
  else {
    const n = out.split("\n").length;
    why = `it printed ${n === 1 ? "" : `${n} lines starting `}"${excerpt(out, true)}" instead of the answer to remedy's probe`;
  }
  // A Python that fails on the probe still names its exception on stderr's last line: say so rather than guess.
  if (/^\w+(Error|Exception):/.test(excerpt(err))) return `cannot ask the interpreter ${executable}: ${excerpt(err)}`;
  return `${executable} is not a Python interpreter: ${why}`;
}

/** Asynchronous so that a scan can extract facts while the interpreter starts and answers (~0.3 s). */
function probe(executable: string, env: NodeJS.ProcessEnv): Promise<Omit<InterpreterInfo, "requested" | "realpath">> {
  return new Promise((resolvePromise, reject) => {
    execFile(
      executable,
      ["-c", PROBE_SCRIPT],
      {
        encoding: "utf8",
        // remedy's own PYTHONPATH is passed on: it is part of what pytest would see.
        env: { ...env, PYTHONDONTWRITEBYTECODE: "1" },
        timeout: 60_000,
        maxBuffer: 64 * 1024 * 1024,
      },
      (error, stdout, stderr) => {
        const answer = parseAnswer(stdout);
        if (!error && answer) return resolvePromise(answer);
        reject(new InterpreterError(notAnAnswer(executable, error, stdout, stderr)));
      },
    ).stdin?.end();
  });
}

/** What `python` sees, asked once per interpreter state. Throws InterpreterError when it cannot be run. */
export async function inspectInterpreter(
  python: string,
  cwd: string = process.cwd(),
  env = process.env,
  repositoryCache: string | null = null,
): Promise<InterpreterInfo> {
  const found = findExecutable(python, cwd, env);
  if (found === null) throw new InterpreterError(`interpreter not found: ${python}`);
  const realpath = realpathSync(found);
  // The variables that change what the interpreter puts on sys.path are part of the key.
  const vars = ["PYTHONPATH", "PYTHONHOME", "PYTHONNOUSERSITE", "PYTHONSAFEPATH", "PYTHONUSERBASE"].map(
    (v) => env[v] ?? "",
  );
  const key = [CACHE_FORMAT, SCRIPT_HASH, realpath, mtime(realpath), ...vars].join("|");
  const dir = cacheDir(env, repositoryCache);
  const file = dir === null ? null : join(dir, "interpreters.json");
  const entries = file === null ? {} : readCache(file);
  const hit = entries[found] ?? probed.get(found);
  if (hit && hit.key === key && Object.entries(hit.siteMtimes).every(([d, m]) => mtime(d) === m)) {
    return { ...hit.info, requested: python };
  }
  const info: InterpreterInfo = { requested: python, realpath, ...(await probe(found, env)) };
  const siteMtimes = Object.fromEntries(info.sitePackages.map((d) => [d, mtime(d)]));
  entries[found] = { key, siteMtimes, info };
  probed.set(found, entries[found]);
  if (file !== null) writeCache(file, entries);
  return info;
}
