// The standard-library modules already in sys.modules when pytest starts collecting: pytest, its plugins and
// importlib.metadata (which pytest uses to find plugins) import dozens of them (csv, email, zipfile, ...). Python
// never looks those up on sys.path again, so a directory that a conftest puts first on sys.path does not shadow
// them. Asked only when the import-time model meets a stdlib name that a repository file shadows (rare), by
// running the real pytest, --collect-only, in an empty temporary directory: a plugin written there records
// sys.modules at the pytest_collection hook. The repository's code is never run. Cached per interpreter in
// startup-modules.json of the cache directory, with the key stdlibNames.ts uses.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeAtomic } from "../cache/cacheFiles.ts";
import { cacheDir } from "./interpreter.ts";
import { interpreterKey, type StdlibInterpreter } from "./stdlibNames.ts";

const FORMAT = 1;
const CACHE_FILE = "startup-modules.json";
const MARK = "REMEDY-STARTUP-MODULES ";

/** Written as a plugin into the empty directory pytest runs in; prints the top-level names of sys.modules. */
const PLUGIN = `
import sys

def pytest_collection(session):
    names = sorted({name.split(".")[0] for name in list(sys.modules)})
    sys.__stdout__.write("${MARK}" + ",".join(names) + "\\n")
    sys.__stdout__.flush()
`;

interface CacheEntry {
  key: string;
  modules: string[];
}

function readEntries(file: string | null): Record<string, CacheEntry> {
  if (file === null) return {};
  try {
    const data = JSON.parse(readFileSync(file, "utf8"));
    return data?.format === FORMAT && data.entries && typeof data.entries === "object" ? data.entries : {};
  } catch {
    return {};
  }
}

const memo = new Map<string, CacheEntry>();

function runPytest(interp: StdlibInterpreter, env: NodeJS.ProcessEnv): Promise<string[] | null> {
  const dir = mkdtempSync(join(tmpdir(), "remedy-startup-"));
  writeFileSync(join(dir, "remedy_startup_probe.py"), PLUGIN);
  writeFileSync(join(dir, "pytest.ini"), "[pytest]\n");
  return new Promise((resolve) => {
    execFile(
      interp.executable,
      ["-m", "pytest", "--collect-only", "-q", "-p", "remedy_startup_probe", "-p", "no:cacheprovider", dir],
      { cwd: dir, encoding: "utf8", env: { ...env, PYTHONDONTWRITEBYTECODE: "1" }, timeout: 60_000 },
      (_error, stdout) => {
        rmSync(dir, { recursive: true, force: true });
        // Exit code 5 (no tests) is the normal end; only the recorded line matters.
        const line = (stdout ?? "").split("\n").find((l) => l.startsWith(MARK));
        resolve(line === undefined ? null : line.slice(MARK.length).split(",").filter(Boolean));
      },
    );
  });
}

/** The top-level names in sys.modules when pytest starts collecting (stdlib and others alike); null when pytest
 *  could not be run (then nothing is assumed loaded). Never throws. */
export async function startupModules(
  interp: StdlibInterpreter,
  options: { cacheDir: string | null; env?: NodeJS.ProcessEnv },
): Promise<Set<string> | null> {
  const env = options.env ?? process.env;
  const dirOfCache = cacheDir(env, options.cacheDir);
  const file = dirOfCache === null ? null : join(dirOfCache, CACHE_FILE);
  const key = interpreterKey(interp, env);
  const entries = readEntries(file);
  const known = file === null ? memo.get(interp.executable) : entries[interp.executable];
  if (known && known.key === key) return new Set(known.modules);
  const modules = await runPytest(interp, env);
  if (modules === null) return null;
  const entry = { key, modules };
  if (file === null) memo.set(interp.executable, entry);
  else {
    entries[interp.executable] = entry;
    writeAtomic(file, JSON.stringify({ format: FORMAT, entries }));
  }
  return new Set(modules);
}
