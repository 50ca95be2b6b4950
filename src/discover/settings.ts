// pytest's effective settings for one invocation: the config file's values (typed as getini types them), `-o`
// overrides, then `addopts` + the command line parsed as pytest parses them, and the strictness they imply.
import { resolve } from "node:path";
import type { ConfigDict } from "./configFile.ts";
import { ConfigError } from "./errors.ts";
import { IniReader } from "./iniValues.ts";
import { emptyArgs, type PluginOptions, type PytestArgs, parsePytestArgs } from "./pytestArgs.ts";
import { NEWEST_RULES, type PytestRules } from "./pytestRules.ts";
import type { Setup } from "./rootdir.ts";

export const DEFAULT_NORECURSEDIRS = [
  "*.egg",
  ".*",
  "_darcs",
  "build",
  "CVS",
  "dist",
  "node_modules",
  "venv",
  "{arch}",
];
export const DEFAULT_PYTHON_FILES = ["test_*.py", "*_test.py"];

export interface PytestOptions {
  /** Raw `markers` lines of the config file. */
  markers: string[];
  addopts: string[];
  testpaths: string[];
  pythonFiles: string[];
  pythonClasses: string[];
  pythonFunctions: string[];
  /** Absolute `pythonpath` entries, in the order pytest puts them at the front of sys.path. */
  pythonpath: string[];
  norecursedirs: string[];
  /** Absolute confcutdir (the --confcutdir option, else the config file's directory, else the rootdir). */
  confcutdir: string;
  importMode: string;
  requiredPlugins: string[];
  /** `minversion`: pytest refuses to start when it is older (a usage error). */
  minversion: string | null;
  filterwarnings: string[];
  /** -W / --pythonwarnings from the command line and addopts. */
  pythonWarnings: string[];
  markExpr: string | null;
  /** -p arguments from addopts and the command line, in order. */
  plugins: string[];
  maxfail: number | null;
  /** The ini values as given (null when unset, and always with pytest 8, which has none): strict_markers,
   *  strict_config, strict. */
  strictMarkersIni: boolean | null;
  strictConfigIni: boolean | null;
  strictIni: boolean | null;
  /** Strictness flags found in `addopts`; pytest 9.0 does not apply them (observed on 9.0.3), 8 and 9.1 do. */
  addoptsStrictFlags: string[];
}

export interface Settings {
  options: PytestOptions;
  /** Command line (CLI args) and addopts parsed together, addopts first. */
  args: PytestArgs;
  strictMarkers: boolean;
  strictConfig: boolean;
  /** Config keys with their lines (for "Unknown config option" predictions). */
  configKeys: { name: string; line: number | null }[];
}

/** Applies `-o key=value` overrides (the command line's, including --strict-* there) to the config dict. */
export function applyOverrides(config: ConfigDict, overrides: string[]): ConfigDict {
  const out: ConfigDict = new Map(config);
  for (const o of overrides) {
    const eq = o.indexOf("=");
    if (eq < 0)
      throw new ConfigError("<command line>", null, `-o/--override-ini expects option=value style (got: '${o}').`);
    out.set(o.slice(0, eq), { value: o.slice(eq + 1), mode: "ini", line: null });
  }
  return out;
}

/** The override_ini entries the command line implies: -o values plus --strict-markers/--strict-config/--strict. */
export function cliOverrides(cli: PytestArgs): string[] {
  const out = [...cli.overrideIni];
  if (cli.strictMarkers) out.push("strict_markers=true");
  if (cli.strictConfig) out.push("strict_config=true");
  if (cli.strict) out.push("strict=true");
  return out;
}

export function resolveSettings(
  setup: Setup,
  invocationDir: string,
  cliArgs: string[],
  rules: PytestRules = NEWEST_RULES,
  pluginOptions?: PluginOptions,
): Settings {
  const cli = parsePytestArgs(cliArgs);
  // In pytest 9 --strict-markers/--strict-config/--strict are `-o` overrides; in pytest 8 they are plain options.
  const overridesOf = (a: PytestArgs) => (rules.strictIni ? cliOverrides(a) : a.overrideIni);
  const cliOverrideList = overridesOf(cli);
  // addopts is read with the command line's overrides only (`-o addopts=...` works, one level).
  const addopts = new IniReader(applyOverrides(setup.config, cliOverrideList), setup.configfile, invocationDir).list(
    "addopts",
    "args",
    [],
  );
  const fromAddopts = parsePytestArgs(addopts);
  // pytest 9.1 applies the overrides addopts gives (before the command line's, which win); 9.0 and 8 do not.
  const overrideList = rules.addoptsOverrides ? [...overridesOf(fromAddopts), ...cliOverrideList] : cliOverrideList;
  const config = applyOverrides(setup.config, overrideList);
  const ini = new IniReader(config, setup.configfile, invocationDir);
  const args = parsePytestArgs(cliArgs, parsePytestArgs(addopts, emptyArgs(), pluginOptions), pluginOptions);
  const addoptsStrictFlags = [
    ...(fromAddopts.strictMarkers ? ["--strict-markers"] : []),
    ...(fromAddopts.strictConfig ? ["--strict-config"] : []),
    ...(fromAddopts.strict ? ["--strict"] : []),
  ];
  // pytest 8 has no strict_* ini options (unknown keys there: never read, so never a bad-value error).
  const strictIni = rules.strictIni ? ini.bool("strict") : null;
  const strictMarkersIni = rules.strictIni ? ini.bool("strict_markers") : null;
  const strictConfigIni = rules.strictIni ? ini.bool("strict_config") : null;
  // pytest 9 falls back to `strict` when strict_markers/strict_config are unset; pytest 8 reads its flags (from the
  // command line, PYTEST_ADDOPTS and addopts), `--strict` being an alias of `--strict-markers`.
  const strictMarkers = rules.strictIni ? (strictMarkersIni ?? strictIni ?? false) : args.strictMarkers || args.strict;
  const strictConfig = rules.strictIni ? (strictConfigIni ?? strictIni ?? false) : args.strictConfig;
  const confcutdir = args.confcutdir
    ? resolve(invocationDir, args.confcutdir)
    : setup.configfile
      ? resolve(setup.configfile, "..")
      : setup.rootdir;
  const options: PytestOptions = {
    markers: ini.list("markers", "linelist", []),
    addopts,
    testpaths: ini.list("testpaths", "args", []),
    pythonFiles: ini.list("python_files", "args", DEFAULT_PYTHON_FILES),
    pythonClasses: ini.list("python_classes", "args", ["Test"]),
    pythonFunctions: ini.list("python_functions", "args", ["test"]),
    pythonpath: ini.list("pythonpath", "paths", []),
    norecursedirs: ini.list("norecursedirs", "args", DEFAULT_NORECURSEDIRS),
    confcutdir,
    importMode: args.importMode ?? "prepend",
    requiredPlugins: ini.list("required_plugins", "args", []),
    minversion: ini.string("minversion"),
    filterwarnings: ini.list("filterwarnings", "linelist", []),
    pythonWarnings: args.pythonWarnings,
    markExpr: args.markExpr,
    plugins: args.plugins,
    maxfail: args.maxfail,
    strictMarkersIni,
    strictConfigIni,
    strictIni,
    addoptsStrictFlags,
  };
  // pytest 9 checks the keys `-o` sets as it checks the file's ("Unknown config option").
  const configKeys = [...setup.config.entries()].map(([name, v]) => ({ name, line: v.line }));
  if (rules.overrideKeysChecked) {
    for (const o of overrideList) {
      const name = o.slice(0, o.indexOf("="));
      if (!configKeys.some((k) => k.name === name)) configKeys.push({ name, line: null });
    }
  }
  return { options, args, strictMarkers, strictConfig, configKeys };
}
