// pytestView: what pytest would decide about a repository, determined statically — rootdir and configfile,
// settings, the test files it collects, the conftests it loads, the markers/ini keys/options registered, sys.path.
import { dirname, resolve, sep } from "node:path";
import { RemedyError } from "../errors.ts";
import { collectTestFiles } from "./collectFiles.ts";
import { ConftestIndex } from "./conftestChain.ts";
import { conftestPlugins } from "./conftestPlugins.ts";
import { isDir } from "./fsStat.ts";
import { findInitialConftests, initialPaths } from "./initialPaths.ts";
import { findExecutable, type InterpreterInfo, inspectInterpreter } from "./interpreter.ts";
import { buildRegistry, type IniKeyEntry, type OptionEntry } from "./markerRegistry.ts";
import { type PluginSource, planPlugins } from "./plugins.ts";
import { type PluginOptions, parsePytestArgs } from "./pytestArgs.ts";
import { type PytestRegistry, pytestRegistry } from "./pytestRegistry.ts";
import { pytestRules } from "./pytestRules.ts";
import { determineSetup } from "./rootdir.ts";
import { resolveSettings } from "./settings.ts";
import { shlexSplit } from "./shlex.ts";
import { SourceReader } from "./sourceFacts.ts";
import type { PytestView, PytestViewOptions } from "./types.ts";
import { unknownMarkPolicy } from "./warningFilters.ts";

async function interpreterFor(
  python: string | null | undefined,
  cwd: string,
  env: NodeJS.ProcessEnv,
  limitations: string[],
  repositoryCache: string | null,
): Promise<InterpreterInfo | null> {
  if (python === null) {
    limitations.push(
      "no interpreter asked (--no-python): sys.path, installed plugins and pytest's version are unknown",
    );
    return null;
  }
  if (python === undefined && findExecutable("python3", cwd, env) === null) {
    limitations.push("no python3 on PATH: sys.path, installed plugins and pytest's version are unknown");
    return null;
  }
  return inspectInterpreter(python ?? "python3", cwd, env, repositoryCache);
}

function optionArity(options: OptionEntry[]): PluginOptions {
  const map: PluginOptions = new Map();
  for (const o of options) for (const name of o.names) map.set(name, o.takesValue);
  return map;
}

/** Ini keys pytest 9 registers as `aliases=` of another key, when read statically (the facts give only the
 *  canonical name; the installed pytest, when asked, names its aliases itself). */
const INI_ALIASES = ["xfail_strict"];

/** Config keys no loaded plugin registers (pytest warns "Unknown config option", an error with strict config). */
function unknownKeys(
  keys: { name: string; line: number | null }[],
  iniKeys: IniKeyEntry[],
  known: boolean,
  probed: boolean,
) {
  if (!known) return null;
  const registered = new Set([
    ...iniKeys.flatMap((k) => [k.name, ...(k.aliases ?? [])]),
    ...(probed ? [] : INI_ALIASES),
  ]);
  return keys.filter((k) => !registered.has(k.name));
}

/** The command line as pytest sees it: PYTEST_ADDOPTS first, then the arguments. */
function commandLine(options: PytestViewOptions): { env: NodeJS.ProcessEnv; envAddopts: string[]; cliArgs: string[] } {
  const env = options.env ?? process.env;
  const envAddopts = env.PYTEST_ADDOPTS ? shlexSplit(env.PYTEST_ADDOPTS) : [];
  return { env, envAddopts, cliArgs: [...envAddopts, ...(options.args ?? [])] };
}

/** Whether the static reading of pytest's and the plugins' sources leaves a question whose answer decides an
 *  error, which the installed pytest then answers (pytestRegistry.ts). Asking costs a pytest start-up with every
 *  installed plugin (seconds with hypothesis), so it is done only then (once per interpreter, cached): a config
 *  key (or `-o` key) no source registers (pytest's logging plugin registers log_cli_level through a helper the
 *  static reading misses); an option in addopts/args no source registers, or whose arity it could not read;
 *  markers that decide errors (strict markers, or the unknown-mark warning made an error); a plugin whose source
 *  could not be read. Otherwise the static registry stands: what it registers, pytest registers. */
function needsPytest(view: PytestView): boolean {
  const used = new Set([...view.options.addopts, ...view.args].map((t) => t.split("=")[0] ?? t));
  return (
    (view.unknownConfigKeys?.length ?? 0) > 0 ||
    (view.unrecognizedOptions?.length ?? 0) > 0 ||
    view.cliOptions.some((o) => o.takesValue === null && o.names.some((n) => used.has(n))) ||
    view.strictMarkers ||
    view.unknownMarkWarning.action === "error" ||
    !view.registryComplete
  );
}

/** pytest's rootdir, which needs no interpreter (config files and arguments only): a scan walks it while the
 *  interpreter is still being asked. pytestView computes the same. */
export function pytestRootdir(path: string, options: PytestViewOptions = {}): string {
  const cli = parsePytestArgs(commandLine(options).cliArgs);
  // The installed pytest's version is not known yet: the newest rules (pytestView corrects it when they differ).
  return determineSetup(resolve(path), cli.paths, cli.configFile, cli.rootdir).rootdir;
}

export async function pytestView(path: string, options: PytestViewOptions = {}): Promise<PytestView> {
  const invocationDir = resolve(path);
  if (!isDir(invocationDir)) throw new RemedyError(`not a directory: ${path}`);
  const limitations: string[] = [];
  const { env, envAddopts, cliArgs } = commandLine(options);
  if (envAddopts.length > 0) limitations.push(`PYTEST_ADDOPTS is set and was applied: ${env.PYTEST_ADDOPTS}`);
  const interpreter = await interpreterFor(options.python, invocationDir, env, limitations, options.cacheDir ?? null);
  const pytestDist = interpreter?.distributions.find((d) => d.name.toLowerCase() === "pytest") ?? null;
  if (interpreter && !pytestDist) limitations.push(`pytest is not installed for ${interpreter.executable}`);
  const rules = pytestRules(pytestDist?.version ?? null);
  if (!pytestDist) {
    limitations.push("pytest's version is unknown: its configuration rules are assumed to be pytest 9.1's");
  }

  const cli = parsePytestArgs(cliArgs);
  const setup = determineSetup(invocationDir, cli.paths, cli.configFile, cli.rootdir, rules);
  // Plugins come first: the options they register decide which tokens of addopts/args are paths (`-n 4`).
  // Sources of the interpreter's own installation (pytest, plugins) are kept in the per-user cache.
  const installedRoots = interpreter ? [interpreter.prefix, interpreter.basePrefix, ...interpreter.sitePackages] : [];
  const under = (p: string, dir: string) => p === dir || p.startsWith(dir.endsWith(sep) ? dir : dir + sep);
  const sources = new SourceReader(
    (p) => under(p, invocationDir) || under(p, setup.rootdir) || !installedRoots.some((r) => under(p, r)),
    env,
    options.cacheDir ?? null,
  );
  const early = resolveSettings(setup, invocationDir, cliArgs, rules);
  // pytest inserts `pythonpath` entries first; `python -m` had already put the invocation directory before the
  // interpreter's own entries.
  const cwdEntry = (options.invocation ?? "python-m") === "python-m" ? [invocationDir] : [];
  // An editable install's finder runs after every sys.path entry: its packages' parent directories come last.
  const editable = interpreter?.editableRoots ?? [];
  const sysPath = [...early.options.pythonpath, ...cwdEntry, ...(interpreter?.sysPath ?? []), ...editable];
  const autoload = !env.PYTEST_DISABLE_PLUGIN_AUTOLOAD && !early.args.disablePluginAutoload;
  // `python -m pytest` has the invocation directory first on sys.path when it imports `-p NAME` modules.
  const plan = planPlugins(interpreter, early.options.plugins, autoload, [invocationDir, ...sysPath]);
  const canAsk = interpreter !== null && pytestDist !== null;
  if (!interpreter) {
    limitations.push("ini keys, markers and options of pytest and its plugins are read from their sources");
  }
  const staticView = buildView(null, [...limitations]);
  if (!canAsk || !needsPytest(staticView)) return staticView;
  // What pytest and the installed plugins register, asked of the installed pytest (cached per interpreter).
  const probed = await pytestRegistry(interpreter, { cacheDir: options.cacheDir ?? null, env, autoload });
  if (probed) return buildView(probed, limitations);
  limitations.push(
    `the installed pytest could not be asked what it registers (${interpreter.executable} -m pytest failed in an ` +
      "empty directory): ini keys, markers and options of pytest and its plugins are read from their sources",
  );
  return buildView(null, limitations);

  function buildView(probed: PytestRegistry | null, limitations: string[]): PytestView {
    const pluginOptions = optionArity(buildRegistry(plan.plugins, null, [], [], sources, probed).options);
    const known = resolveSettings(setup, invocationDir, cliArgs, rules, pluginOptions);
    const conftests = new ConftestIndex(known.options.confcutdir, known.args.noconftest);
    // pytest loads the initial conftests from the paths it knows before conftests add their own options.
    const initialConftests = findInitialConftests(invocationDir, setup.rootdir, known, conftests);
    const conftestOptions = buildRegistry(
      [],
      null,
      [],
      initialConftests.map((path) => ({ path, atStartup: true })),
      sources,
    );
    for (const [name, takesValue] of optionArity(conftestOptions.options)) pluginOptions.set(name, takesValue);
    const settings = resolveSettings(setup, invocationDir, cliArgs, rules, pluginOptions);
    const { options: opts, args } = settings;
    // Only pytest 9.0 ignores them (8 reads them as options, 9.1 applies addopts' overrides).
    if (opts.addoptsStrictFlags.length > 0 && rules.strictIni && !rules.addoptsOverrides) {
      limitations.push(
        `addopts has ${opts.addoptsStrictFlags.join(", ")}: pytest 9.0 does not apply strictness flags from addopts ` +
          "(observed on 9.0.3); use strict_markers/strict_config/strict in the config file",
      );
    }
    if (args.pyargs) limitations.push("--pyargs: arguments are module names; remedy treats them as paths");
    const initial = initialPaths(invocationDir, setup.rootdir, args.paths, opts.testpaths);
    const initialList = initial.list;

    const collected = collectTestFiles({
      initialPaths: initialList,
      pythonFiles: opts.pythonFiles,
      norecursedirs: opts.norecursedirs,
      collectInVirtualenv: args.collectInVirtualenv,
      doctestModules: args.doctestModules,
      ignore: args.ignore.map((p) => resolve(invocationDir, p)),
      ignoreGlob: args.ignoreGlob.map((p) => resolve(invocationDir, p)),
      conftests,
      sources,
    });
    const doctestOnly = new Set(collected.doctestOnly);
    const perFile = collected.testFiles.map((file) => ({ file, conftests: conftests.chain(dirname(file)) }));
    const allConftests = [
      ...new Set([...initialConftests, ...collected.directories.flatMap((d) => conftests.chain(d))]),
    ];

    const fromConftests = conftestPlugins(allConftests, sources, opts.importMode, [...sysPath, invocationDir]);
    const plugins: (PluginSource & { atStartup?: boolean })[] = [
      ...plan.plugins,
      ...fromConftests.map((c) => ({ ...c.plugin, atStartup: initialConftests.includes(c.conftest) })),
    ];
    const registry = buildRegistry(
      plugins,
      setup.configfile,
      opts.markers.map((text) => ({ text, line: settings.configKeys.find((k) => k.name === "markers")?.line ?? null })),
      allConftests.map((c) => ({ path: c, atStartup: initialConftests.includes(c) })),
      sources,
      probed,
    );
    const dynamicConftests = allConftests
      .map((conftest) => ({ conftest, hooks: sources.read(conftest)?.dynamicHooks ?? [] }))
      .filter((d) => d.hooks.length > 0);
    for (const conftest of allConftests) {
      const computed = sources.read(conftest)?.computedCollectIgnore ?? [];
      if (computed.length > 0) {
        limitations.push(
          `${conftest} computes ${computed.join(", ")}: the files it ignores cannot be known statically`,
        );
      }
    }
    for (const d of dynamicConftests) {
      limitations.push(`${d.conftest} defines ${d.hooks.join(", ")}: what it changes cannot be known statically`);
    }
    if (registry.assumedBuiltins) {
      limitations.push("pytest's own source was not found: its built-in markers are assumed to be pytest 9.0's");
    }
    if (sources.unavailable) {
      limitations.push(
        `conftest and plugin sources could not be read (${sources.unavailable}): collect_ignore, conftest/plugin markers, ini keys and options are missing`,
      );
    } else if (registry.unread.length > 0) {
      limitations.push(`plugin modules not found on sys.path: ${registry.unread.join(", ")}`);
    }

    sources.save();
    return {
      invocationDir,
      args: options.args ?? [],
      rootdir: setup.rootdir,
      configfile: setup.configfile,
      rootdirReason: setup.reason,
      ignoredConfigFiles: setup.ignoredConfigFiles,
      options: opts,
      strictMarkers: settings.strictMarkers,
      strictConfig: settings.strictConfig,
      configKeys: settings.configKeys,
      unknownMarkWarning: unknownMarkPolicy(opts.filterwarnings, opts.pythonWarnings),
      initialPaths: initialList,
      initialPathsSource: initial.source,
      testFiles: args.doctestIgnoreImportErrors
        ? collected.testFiles.filter((f) => !doctestOnly.has(f))
        : collected.testFiles,
      doctestModules: args.doctestModules,
      doctestOnly: args.doctestIgnoreImportErrors ? [] : collected.doctestOnly,
      notFound: collected.notFound,
      ignored: collected.ignored.filter((i) => i.reason !== "__pycache__"),
      conftests: perFile,
      initialConftests,
      allConftests,
      dynamicConftests,
      plugins: plugins.map(({ atStartup: _, ...p }) => p),
      unknownConfigKeys: unknownKeys(
        settings.configKeys,
        registry.iniKeys,
        sources.unavailable === null,
        registry.probed,
      ),
      unrecognizedOptions:
        sources.unavailable === null
          ? args.unknownOptions.filter(
              (tok) => !registry.options.some((r) => r.names.includes(tok.split("=")[0] ?? tok)),
            )
          : null,
      markers: registry.markers,
      iniKeys: registry.iniKeys,
      cliOptions: registry.options,
      interpreter: interpreter && {
        executable: interpreter.executable,
        realpath: interpreter.realpath,
        version: interpreter.version,
        platform: interpreter.platform,
        osName: interpreter.osName,
        prefix: interpreter.prefix,
        basePrefix: interpreter.basePrefix,
        sitePackages: interpreter.sitePackages,
        pytestVersion: pytestDist?.version ?? null,
        distributions: interpreter.distributions,
        editableRoots: interpreter.editableRoots ?? [],
      },
      sysPath,
      registryComplete: interpreter !== null && sources.unavailable === null && registry.unread.length === 0,
      limitations,
    };
  }
}
