// The standard-library modules already in sys.modules when pytest starts collecting: pytest, its plugins and
// importlib.metadata (which pytest uses to find plugins) import dozens of them (csv, email, zipfile, ...). Python
// never looks those up on sys.path again, so a directory that a conftest puts first on sys.path does not shadow
// them. Asked only when the import-time model meets a stdlib name that a repository file shadows (rare), by
// running the real pytest, --collect-only, in an empty temporary directory: a plugin written there records
// sys.modules twice, before the initial conftests load and when collection starts (pytest's debugging and
// faulthandler plugins import pdb, code and faulthandler in between). The repository's code is never run. Cached
// per interpreter in startup-modules.json of the cache directory (interpreterCache.ts).
import { perInterpreter, runInEmptyDir } from "./interpreterCache.ts";
import type { StdlibInterpreter } from "./stdlibNames.ts";

const FORMAT = 1;
const CACHE_FILE = "startup-modules.json";
const MARK = "REMEDY-STARTUP-MODULES ";

/** Written as a plugin into the empty directory pytest runs in; prints the top-level names of sys.modules. */
const PLUGIN = `
import sys
import pytest

def _record(when):
    names = sorted({name.split(".")[0] for name in list(sys.modules)})
    sys.__stdout__.write("${MARK}" + when + " " + ",".join(names) + "\\n")
    sys.__stdout__.flush()

@pytest.hookimpl(tryfirst=True)
def pytest_load_initial_conftests(early_config, parser, args):
    _record("initial")

@pytest.hookimpl(tryfirst=True)
def pytest_collection(session):
    _record("collection")
`;

/** Top-level module names in sys.modules when the initial conftests start loading, and when collection starts. */
export interface StartupModules {
  initial: Set<string>;
  collection: Set<string>;
}

interface StartupModulesEntry {
  key: string;
  initial: string[];
  collection: string[];
}

function runPytest(
  interp: StdlibInterpreter,
  env: NodeJS.ProcessEnv,
): Promise<Omit<StartupModulesEntry, "key"> | null> {
  return runInEmptyDir(
    interp.executable,
    { "remedy_startup_probe.py": PLUGIN },
    (dir) => ["-m", "pytest", "--collect-only", "-q", "-p", "remedy_startup_probe", "-p", "no:cacheprovider", dir],
    env,
  ).then((stdout) => {
    const recorded = (when: string) => {
      const line = stdout.split("\n").find((l) => l.startsWith(`${MARK}${when} `));
      return line === undefined
        ? null
        : line
            .slice(MARK.length + when.length + 1)
            .split(",")
            .filter(Boolean);
    };
    const initial = recorded("initial");
    const collection = recorded("collection");
    return initial && collection ? { initial, collection } : null;
  });
}

/** What sys.modules holds at pytest's start-up (stdlib and others alike); null when pytest could not be run (then
 *  nothing is assumed loaded). Never throws. */
export async function startupModules(
  interp: StdlibInterpreter,
  options: { cacheDir: string | null; env?: NodeJS.ProcessEnv },
): Promise<StartupModules | null> {
  const env = options.env ?? process.env;
  const entry = await perInterpreter<Omit<StartupModulesEntry, "key">>(
    CACHE_FILE,
    FORMAT,
    interp,
    options,
    (e) => Array.isArray(e.initial) && Array.isArray(e.collection),
    () => runPytest(interp, env),
  );
  return entry && { initial: new Set(entry.initial), collection: new Set(entry.collection) };
}
