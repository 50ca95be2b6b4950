// Translates discover's PytestView into the two small shapes later stages read: GraphInput (for the import-time
// model) and PytestSession (for the analyzers). Kept apart so neither stage depends on how discovery is done.
import type { PytestSession } from "../analyze/index.ts";
import { filterImportFailures, firstMissingPart, type PytestView, pytestRules } from "../discover/index.ts";
import { DEFAULT_BUILTIN_MODULES, type GraphInput, type ImportMode } from "../graph/index.ts";
import { type InterpreterTraits, readFileFacts } from "../python/index.ts";

function importMode(mode: string): ImportMode {
  return mode === "append" || mode === "importlib" ? mode : "prepend";
}

export function graphInputFromView(view: PytestView): GraphInput {
  const chains = new Map(view.conftests.map((c) => [c.file, c.conftests]));
  const pythonpath = view.options.pythonpath;
  return {
    rootdir: view.rootdir,
    importMode: importMode(view.options.importMode),
    pythonpath,
    interpreterSysPath: view.sysPath.slice(pythonpath.length),
    editableRoots: view.interpreter?.editableRoots ?? [],
    testFiles: view.testFiles,
    conftestsFor: (file) => chains.get(file) ?? [],
    initialConftests: view.initialConftests,
    visitedConftests: view.allConftests,
    distributions: (view.interpreter?.distributions ?? []).map((d) => ({
      name: d.name,
      topLevel: d.topLevel,
      version: d.version,
      location: d.location,
    })),
    invocationDir: view.invocationDir,
    interpreter: interpreterTraits(view),
    preloadedModules: preloadedByPytest(),
    startupImports: startupImports(view),
  };
}

/** What pytest has imported before any conftest: itself, pluggy and iniconfig. */
function preloadedByPytest(): string[] {
  return ["pytest", "_pytest", "pluggy", "iniconfig"];
}

/** What pytest imports from sys.path while it starts: pluggy and iniconfig always (`import pytest` does),
 *  `packaging.version` to check `minversion`, and `packaging.requirements` too for `required_plugins`
 *  (_pytest/config: _checkversion, _validate_plugins). A repository's own copy found there first (pytest-dev/pluggy
 *  or pypa/packaging with its src on PYTHONPATH or installed editable, a root `packaging/` under `python -m
 *  pytest`) is what pytest imports, and its failure is pytest's crash; otherwise it is imported from its files
 *  like any other. */
function startupImports(view: PytestView): string[] {
  const out: string[] = ["pluggy", "iniconfig"];
  if (view.options.minversion !== null || view.options.requiredPlugins.length > 0) out.push("packaging.version");
  if (view.options.requiredPlugins.length > 0) out.push("packaging.requirements");
  return out;
}

/** What `if` tests may ask of the process pytest runs in, besides the interpreter. */
export interface RunEnvironment {
  /** The environment pytest is started with. */
  environ: NodeJS.ProcessEnv;
  /** The arguments it is given (sys.argv[1:]). */
  argv: readonly string[];
  onEnvKey?: (key: string) => void;
}

/** The interpreter's version and platform for `if sys.version_info ...` tests (null parts without an interpreter),
 *  and the environment and arguments for `if os.environ.get(...)` / `if "--x" in sys.argv` tests. */
export function interpreterTraits(view: PytestView, run: RunEnvironment | null = null): InterpreterTraits | null {
  const i = view.interpreter;
  if (!i && !run) return null;
  const [major = 0, minor = 0, micro = 0] = (i?.version ?? "").split(".").map(Number);
  const environ = run ? { ...run.environ } : null;
  // pytest sets PYTEST_VERSION before it loads any conftest (8.2 and later).
  if (environ && i?.pytestVersion && !pytestBefore(i.pytestVersion, 8, 2)) environ.PYTEST_VERSION = i.pytestVersion;
  return {
    version: i ? [major, minor, micro] : null,
    platform: i?.platform ?? null,
    osName: i?.osName ?? null,
    ...(run ? { environ, argv: run.argv, ...(run.onEnvKey ? { onEnvKey: run.onEnvKey } : {}) } : {}),
  };
}

function pytestBefore(version: string, major: number, minor: number): boolean {
  const [a = 0, b = 0] = version.split(".").map((x) => Number.parseInt(x, 10));
  return a < major || (a === major && b < minor);
}

/** `-p NAME` arguments that are neither an entry point nor a module on sys.path (`python -m pytest` also puts
 *  the invocation directory first). */
function unimportablePlugins(view: PytestView): PytestSession["unimportablePlugins"] {
  const searchPath = [view.invocationDir, ...view.sysPath];
  return view.plugins
    .filter((p) => p.kind === "cli" && p.file === null && p.distribution === null)
    .flatMap((p) => {
      const missing = firstMissingPart(p.module, searchPath, NOTHING);
      return missing
        ? [{ name: p.name, message: `Error importing plugin "${p.name}": No module named '${missing}'` }]
        : [];
    });
}

const NOTHING: ReadonlySet<string> = new Set();

/** Warning filters whose category module pytest cannot import while it starts (src/discover/warningFilters.ts);
 *  none without an interpreter (its sys.path is unknown). */
function failingFilterImports(view: PytestView): PytestSession["filterImportFailures"] {
  const i = view.interpreter;
  if (!i) return [];
  const alwaysFound = new Set([...DEFAULT_BUILTIN_MODULES, ...i.distributions.flatMap((d) => d.topLevel)]);
  const major = Number.parseInt(i.pytestVersion ?? "9", 10);
  const failures = filterImportFailures(view.options.filterwarnings, view.options.pythonWarnings, {
    missingPart: (dotted) => firstMissingPart(dotted, view.sysPath, alwaysFound),
    pytestMajor: major,
  });
  const line = view.configKeys.find((k) => k.name === "filterwarnings")?.line ?? null;
  return failures.map((f) => ({ ...f, line: view.options.filterwarnings.includes(f.filter) ? line : null }));
}

/** pytest lists unrecognized arguments as written (`--other=3`); discover gives option names (`--other`). */
function asWritten(names: string[], view: PytestView): string[] {
  const tokens = [...view.options.addopts, ...view.args];
  return names.map((n) => tokens.find((t) => t === n || t.startsWith(`${n}=`)) ?? n);
}

/** The registry is complete only when every plugin and conftest source could be read. */
function registryComplete(view: PytestView): boolean {
  return !view.limitations.some((l) => l.includes("could not be read") || l.includes("plugin modules not found"));
}

/** Hooks with which a plugin can add or multiply a module's items. */
const ITEM_HOOKS = new Set(["pytest_pycollect_makeitem", "pytest_generate_tests", "pytest_collection_modifyitems"]);

/** Markers registered by an installed plugin whose module implements an item hook (read from its source, once per
 *  plugin module; a source that cannot be read counts as one that does). */
function markersAddingItems(view: PytestView): string[] {
  const hooks = new Map<string, boolean>();
  const adds = (file: string): boolean => {
    let has = hooks.get(file);
    if (has === undefined) {
      try {
        has = readFileFacts(file).pytest.dynamicHooks.some((h) => ITEM_HOOKS.has(h));
      } catch {
        has = true;
      }
      hooks.set(file, has);
    }
    return has;
  };
  return view.markers.filter((m) => m.kind === "plugin" && m.file !== null && adds(m.file)).map((m) => m.name);
}

export function sessionFromView(view: PytestView): PytestSession {
  const complete = registryComplete(view) && view.interpreter !== null;
  return {
    rootdir: view.rootdir,
    configfile: view.configfile,
    strictMarkers: view.strictMarkers,
    strictConfig: view.strictConfig,
    filterwarnings: view.options.filterwarnings,
    markers: view.markers.map((m) => ({ name: m.name, source: m.source })),
    configKeys: (view.configKeys ?? []).map((k) => ({ key: k.name, line: k.line })),
    unknownConfigKeys: complete ? (view.unknownConfigKeys?.map((k) => ({ key: k.name, line: k.line })) ?? null) : null,
    requiredPlugins: view.options.requiredPlugins,
    distributions: (view.interpreter?.distributions ?? []).map((d) => ({ name: d.name, version: d.version })),
    addopts: view.options.addopts,
    unrecognizedOptions: complete && view.unrecognizedOptions ? asWritten(view.unrecognizedOptions, view) : null,
    unimportablePlugins: unimportablePlugins(view),
    filterImportFailures: failingFilterImports(view),
    importMode: importMode(view.options.importMode),
    maxfail: view.options.maxfail,
    pythonFunctions: view.options.pythonFunctions,
    pythonClasses: view.options.pythonClasses,
    trailingCommaTuples: pytestRules(view.interpreter?.pytestVersion ?? null).trailingCommaTuples,
    markersAddingItems: markersAddingItems(view),
    testFiles: view.testFiles,
    ...(view.doctestModules ? { doctest: { doctestOnly: view.doctestOnly } } : {}),
    ...(view.options.markExpr !== null ? { markExpr: view.options.markExpr } : {}),
  };
}
