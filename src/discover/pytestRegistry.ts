// What the installed pytest and its installed plugins register — ini keys (name, type, default, aliases), markers
// and command-line options (with whether each takes a value) — asked of pytest itself rather than guessed from
// its source: pytest's logging plugin registers log_cli_level & co. through a helper (add_option_ini) that no
// static reading of `parser.addini(...)` sees. pytest and installed plugins are not repository code: the probe
// runs pytest.main(--collect-only) in an empty temporary directory, with Parser.addini, OptionGroup.addoption and
// Config.addinivalue_line wrapped so that each registration is attributed to the module of the hook that made it
// (the nearest `pytest_*` frame: pytest_addoption, pytest_configure, pytest_cmdline_parse). Cached per
// interpreter in pytest-registry.json of the cache directory (interpreterCache.ts). pytestView asks it when the
// static reading leaves a question that decides an error (needsPytest there).
//
// Which plugins (decided here, once): the probe's answer must not depend on the repository's arguments, so that
// one cached answer per interpreter serves every invocation. It runs without -p, PYTEST_ADDOPTS and
// PYTEST_PLUGINS, and loads either every installed plugin or — when the run disables autoload
// (PYTEST_DISABLE_PLUGIN_AUTOLOAD, --disable-plugin-autoload) — pytest's own only (two cached variants; the
// second is also far cheaper). Every registration carries the module that made it, and remedy keeps those of the
// modules its plugin plan loads for the run's own environment and arguments (plugins.ts: `-p no:NAME` drops one,
// `-p NAME` adds one). A plugin the probe did not load (a `-p` module of the repository, an installed one named
// with -p while autoload is off, a plugin a conftest names) is read statically, as is everything when there is
// no interpreter (--no-python) or the probe fails (a broken plugin): pytest's and the plugins' sources then.
import { perInterpreter, runInEmptyDir } from "./interpreterCache.ts";
import type { StdlibInterpreter } from "./stdlibNames.ts";

const FORMAT = 1;
const CACHE_FILE = "pytest-registry.json";
const MARK = "REMEDY-PYTEST-REGISTRY ";

const PROBE = `
import json, sys
import pytest
from _pytest.config import Config
from _pytest.config import argparsing

ME = __name__
ini, markers, options, seen_options = {}, [], [], set()

def owner():
    """The module (and place) of the nearest pytest_* hook on the stack; else of the first caller outside
    pytest's config machinery."""
    f = sys._getframe(2)
    first = None
    while f is not None:
        mod = f.f_globals.get("__name__", "")
        if f.f_code.co_name.startswith("pytest_") and mod != ME:
            return mod, f.f_code.co_filename, f.f_lineno
        if first is None and mod not in (ME, "_pytest.config.argparsing"):
            first = (mod, f.f_code.co_filename, f.f_lineno)
        f = f.f_back
    return first or ("", None, None)

def wrap(cls, name, record):
    original = getattr(cls, name)
    def wrapper(self, *args, **kwargs):
        try:
            record(owner(), self, args, kwargs)
        except Exception:
            pass
        return original(self, *args, **kwargs)
    setattr(cls, name, wrapper)

def on_addini(who, parser, args, kwargs):
    name = args[0] if args else kwargs.get("name")
    ini.setdefault(name, {"module": who[0], "aliases": list(kwargs.get("aliases") or ())})

def on_addoption(who, group, args, kwargs):
    names = [a for a in args if isinstance(a, str)]
    if names and tuple(names) not in seen_options:
        seen_options.add(tuple(names))
        options.append({"names": names, "module": who[0]})

def on_addinivalue_line(who, config, args, kwargs):
    name = args[0] if args else kwargs.get("name")
    line = args[1] if len(args) > 1 else kwargs.get("line")
    if name == "markers":
        markers.append({"text": line, "module": who[0], "file": who[1], "line": who[2]})

wrap(argparsing.Parser, "addini", on_addini)
wrap(argparsing.OptionGroup, "addoption", on_addoption)
wrap(argparsing.OptionGroup, "_addoption", on_addoption)
wrap(Config, "addinivalue_line", on_addinivalue_line)

def jsonable(value):
    try:
        json.dumps(value)
        return True
    except Exception:
        return False

class Probe:
    @pytest.hookimpl(tryfirst=True)
    def pytest_collection(self, session):
        config = session.config
        parser = config._parser
        argparser = parser.optparser if hasattr(parser, "optparser") else parser._getparser()
        flags = {}
        for action in argparser._actions:
            for s in action.option_strings:
                flags[s] = action.nargs == 0
        keys = []
        for name, spec in parser._inidict.items():
            help_, type_, default = spec
            entry = ini.get(name, {"module": "", "aliases": []})
            keys.append({"name": name, "type": type_ or "string", "module": entry["module"],
                         "aliases": entry["aliases"], **({"default": default} if jsonable(default) else {})})
        opts = [{"names": o["names"], "module": o["module"],
                 "takesValue": None if o["names"][0] not in flags else not flags[o["names"][0]]} for o in options]
        plugins = sorted({getattr(p, "__name__", None) or type(p).__module__
                          for _, p in config.pluginmanager.list_name_plugin() if p is not None})
        out = {"version": pytest.__version__, "iniKeys": keys, "markers": markers, "options": opts,
               "pluginModules": plugins}
        sys.__stdout__.write("${MARK}" + json.dumps(out) + "\\n")
        sys.__stdout__.flush()

sys.exit(pytest.main(["--collect-only", "-q", sys.argv[1]], plugins=[Probe()]))
`;

export interface ProbedIniKey {
  name: string;
  /** The type pytest coerces it to: string, args, linelist, paths, bool, int, float. */
  type: string;
  /** The module whose hook registered it ("_pytest.logging", "pytest_asyncio.plugin"). */
  module: string;
  aliases: string[];
  /** Its default, when JSON can hold it. */
  default?: unknown;
}

export interface ProbedMarker {
  text: string;
  module: string;
  file: string | null;
  line: number | null;
}

export interface ProbedOption {
  names: string[];
  module: string;
  /** Whether the option consumes a value (argparse nargs != 0); null when pytest's parser did not have it. */
  takesValue: boolean | null;
}

export interface PytestRegistry {
  /** The version of the pytest that answered. */
  version: string;
  iniKeys: ProbedIniKey[];
  markers: ProbedMarker[];
  options: ProbedOption[];
  /** Modules of every plugin registered in the probe's session (pytest's own, installed ones). */
  pluginModules: string[];
}

/** The variables that would change which plugins the probe loads: never passed on (see above). */
const PLUGIN_VARIABLES = ["PYTEST_ADDOPTS", "PYTEST_PLUGINS", "PYTEST_DISABLE_PLUGIN_AUTOLOAD"];

async function runProbe(
  interp: StdlibInterpreter,
  env: NodeJS.ProcessEnv,
  autoload: boolean,
): Promise<PytestRegistry | null> {
  const probeEnv: NodeJS.ProcessEnv = Object.fromEntries(
    Object.entries(env).filter(([k]) => !PLUGIN_VARIABLES.includes(k)),
  );
  if (!autoload) probeEnv.PYTEST_DISABLE_PLUGIN_AUTOLOAD = "1";
  const stdout = await runInEmptyDir(
    interp.executable,
    { "remedy_registry_probe.py": PROBE },
    (dir) => [`${dir}/remedy_registry_probe.py`, dir],
    probeEnv,
  );
  const line = stdout.split("\n").find((l) => l.startsWith(MARK));
  if (line === undefined) return null;
  try {
    return JSON.parse(line.slice(MARK.length)) as PytestRegistry;
  } catch {
    return null;
  }
}

/** What the installed pytest and plugins register, asked once per interpreter; null when pytest could not be run
 *  (not installed, a plugin that fails to load): then remedy reads their sources. Never throws. */
export function pytestRegistry(
  interp: StdlibInterpreter,
  options: { cacheDir: string | null; env?: NodeJS.ProcessEnv; autoload: boolean },
): Promise<PytestRegistry | null> {
  const env = options.env ?? process.env;
  return perInterpreter<PytestRegistry>(
    CACHE_FILE,
    FORMAT,
    interp,
    { ...options, variant: options.autoload ? undefined : "no-autoload" },
    (e) => Array.isArray(e.iniKeys) && Array.isArray(e.markers) && Array.isArray(e.options),
    () => runProbe(interp, env, options.autoload),
  );
}
