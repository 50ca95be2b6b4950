// A module in the invocation directory named like a standard-library module that pytest's start-up imports
// (json.py, logging.py, copy.py, an email/ package...): `python -m pytest` puts that directory first on sys.path
// before pytest starts, so pytest imports the repository's file instead of the stdlib module and crashes before
// collecting anything (exit 1, or 3 when the crash happens inside the session: an INTERNALERROR). The `pytest`
// script does not put the directory on sys.path, so nothing happens there. Modules the interpreter imported before
// the directory went on sys.path (os, enum, types...) are not shadowed.
//
// Whether a name breaks pytest, and how, is asked of the interpreter itself: the real `pytest --collect-only` runs
// in an empty temporary directory holding only an empty module (or package) of that name, never the repository's
// code. Only for names of the invocation directory that are stdlib modules (rare), cached per interpreter in
// startup-shadows.json of the cache directory, with the key stdlibNames.ts uses.
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { StartupShadow } from "../analyze/index.ts";
import { writeAtomic } from "../cache/index.ts";
import type { PytestView } from "../discover/index.ts";
import { cacheDir, interpreterKey, readEntries } from "../discover/index.ts";

const FORMAT = 1;
const CACHE_FILE = "startup-shadows.json";
const STDLIB_DIR = /(?:^|\/)(?:python\d[\d.]*|lib-dynload)$/;
const IDENT = /^[A-Za-z_]\w*$/;

/** What pytest does with an empty shadow: null when it starts and collects as usual. */
type Outcome = { exitCode: number; message: string } | null;

interface StartupShadowsEntry {
  key: string;
  outcomes: Record<string, Outcome>;
}

const memo = new Map<string, StartupShadowsEntry>();

/** Top-level modules (`x.py`) and regular packages (`x/__init__.py`) of the directory. */
function topLevelModules(dir: string): { name: string; file: string; isPackage: boolean }[] {
  let entries: import("node:fs").Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const out: { name: string; file: string; isPackage: boolean }[] = [];
  for (const e of entries) {
    if (e.isFile() && e.name.endsWith(".py") && IDENT.test(e.name.slice(0, -3)))
      out.push({ name: e.name.slice(0, -3), file: e.name, isPackage: false });
    else if (
      e.isDirectory() &&
      IDENT.test(e.name) &&
      statSync(join(dir, e.name, "__init__.py"), { throwIfNoEntry: false })
    )
      out.push({ name: e.name, file: `${e.name}/__init__.py`, isPackage: true });
  }
  return out.sort((a, b) => (a.name < b.name ? -1 : 1));
}

/** The stdlib has a module or package of this name (a source file, a package, or an extension in lib-dynload). */
function inStdlib(name: string, stdlibDirs: string[], dynload: string[]): boolean {
  for (const d of stdlibDirs) {
    if (statSync(join(d, `${name}.py`), { throwIfNoEntry: false })) return true;
    if (statSync(join(d, name, "__init__.py"), { throwIfNoEntry: false })) return true;
  }
  return dynload.some((f) => f === `${name}.so` || (f.startsWith(`${name}.`) && f.endsWith(".so")));
}

/** pytest's last `Type: message` line (an INTERNALERROR's too). */
function lastError(output: string): string {
  const lines = output
    .split("\n")
    .map((l) => l.replace(/^INTERNALERROR>\s?/, "").trim())
    .filter((l) => /^[A-Za-z_][\w.]*(Error|Exception|Exit)\b.*:/.test(l));
  return lines[lines.length - 1] ?? output.trim().split("\n").pop() ?? "";
}

function tryShadow(executable: string, name: string, isPackage: boolean): Promise<Outcome> {
  const dir = mkdtempSync(join(tmpdir(), "remedy-shadow-"));
  writeFileSync(join(dir, "pytest.ini"), "[pytest]\n");
  if (isPackage) {
    mkdirSync(join(dir, name));
    writeFileSync(join(dir, name, "__init__.py"), "");
  } else writeFileSync(join(dir, `${name}.py`), "");
  const env: NodeJS.ProcessEnv = { ...process.env, PYTHONDONTWRITEBYTECODE: "1" };
  delete env.PYTEST_ADDOPTS;
  return new Promise((resolve) => {
    execFile(
      executable,
      ["-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider"],
      { cwd: dir, encoding: "utf8", env, timeout: 60_000 },
      (error, stdout, stderr) => {
        rmSync(dir, { recursive: true, force: true });
        const code = error ? (typeof error.code === "number" ? error.code : null) : 0;
        // 0 or 5 (nothing to collect): pytest started as usual. No exit code (killed, timed out): unknown.
        if (code === null || code === 0 || code === 5) return resolve(null);
        resolve({ exitCode: code, message: lastError(`${stdout}\n${stderr}`) });
      },
    );
  });
}

/** The invocation directory's modules that make `python -m pytest` crash at start-up. Empty for the `pytest`
 *  script, without an interpreter, or when no module there is named like a stdlib module. Never throws. */
export async function startupShadows(
  view: PytestView,
  invocationDir: string,
  invocation: "python-m" | "pytest",
  options: { cacheDir: string | null },
): Promise<StartupShadow[]> {
  const interp = view.interpreter;
  if (invocation !== "python-m" || !interp) return [];
  const stdlibDirs = view.sysPath.filter((p) => STDLIB_DIR.test(p) && !/-packages(?:\/|$)/.test(p));
  let dynload: string[] = [];
  for (const d of stdlibDirs.filter((p) => p.endsWith("lib-dynload"))) {
    try {
      dynload = dynload.concat(readdirSync(d));
    } catch {}
  }
  const candidates = topLevelModules(invocationDir).filter((m) => inStdlib(m.name, stdlibDirs, dynload));
  if (candidates.length === 0) return [];
  const dirOfCache = cacheDir(process.env, options.cacheDir);
  const file = dirOfCache === null ? null : join(dirOfCache, CACHE_FILE);
  const key = interpreterKey({ ...interp, sysPath: view.sysPath });
  const entries = readEntries<StartupShadowsEntry>(file, FORMAT);
  let entry = file === null ? memo.get(interp.executable) : entries[interp.executable];
  if (!entry || entry.key !== key || typeof entry.outcomes !== "object") entry = { key, outcomes: {} };
  const known = entry.outcomes;
  const asked = candidates.filter((c) => !(`${c.name}/${c.isPackage}` in known));
  if (asked.length > 0) {
    const outcomes = await Promise.all(asked.map((c) => tryShadow(interp.executable, c.name, c.isPackage)));
    asked.forEach((c, i) => {
      known[`${c.name}/${c.isPackage}`] = outcomes[i] ?? null;
    });
    if (file === null) memo.set(interp.executable, entry);
    else {
      entries[interp.executable] = entry;
      writeAtomic(file, JSON.stringify({ format: FORMAT, entries }));
    }
  }
  const out: StartupShadow[] = [];
  for (const c of candidates) {
    const outcome = known[`${c.name}/${c.isPackage}`];
    if (outcome) out.push({ name: c.name, file: join(invocationDir, c.file), ...outcome });
  }
  return out;
}
