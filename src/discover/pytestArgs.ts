// Reads a pytest command line (CLI args, or `addopts` split by shlex) the way pytest's argparse parser does for
// the options that change collection: which tokens are paths, and what -p/-m/-c/--rootdir/--strict-* say.

/** pytest 9's built-in options that take a value (generated once from pytest's own parser). */
// biome-ignore format: a generated table
const VALUE_OPTIONS = new Set([
  "--assert", "--basetemp", "--capture", "--code-highlight", "--color", "--confcutdir", "--config-file",
  "--deselect", "--doctest-glob", "--doctest-report", "--durations", "--durations-min", "--ignore", "--ignore-glob",
  "--import-mode", "--junit-prefix", "--junit-xml", "--junitprefix", "--junitxml", "--last-failed-no-failures",
  "--lfnf", "--log-auto-indent", "--log-cli-date-format", "--log-cli-format", "--log-cli-level", "--log-date-format",
  "--log-disable", "--log-file", "--log-file-date-format", "--log-file-format", "--log-file-level", "--log-file-mode",
  "--log-format", "--log-level", "--maxfail", "--override-ini", "--pastebin", "--pdbcls", "--pythonwarnings",
  "--rootdir", "--show-capture", "--tb", "--verbosity", "-W", "-c", "-k", "-m", "-o", "-p", "-r",
]);
/** nargs="?" options: they take the next token unless it looks like an option. */
const OPTIONAL_VALUE = new Set(["--debug", "--cache-show"]);
const SHORT_VALUE = new Set(["W", "c", "k", "m", "o", "p", "r"]);

export interface PytestArgs {
  /** Positional arguments (paths / node ids), in order. */
  paths: string[];
  strictMarkers: boolean;
  strictConfig: boolean;
  strict: boolean;
  /** -p values in order ("no:NAME" disables). */
  plugins: string[];
  importMode: string | null;
  markExpr: string | null;
  rootdir: string | null;
  configFile: string | null;
  pythonWarnings: string[];
  maxfail: number | null;
  confcutdir: string | null;
  ignore: string[];
  ignoreGlob: string[];
  overrideIni: string[];
  noconftest: boolean;
  pyargs: boolean;
  collectInVirtualenv: boolean;
  disablePluginAutoload: boolean;
  /** --doctest-modules: every .py file collected is also imported for its doctests. */
  doctestModules: boolean;
  /** --doctest-ignore-import-errors: a doctest module that fails to import is skipped, not an error. */
  doctestIgnoreImportErrors: boolean;
  /** Option tokens as written that pytest itself does not define (a plugin may; else pytest says
   *  "unrecognized arguments: TOKEN"). */
  unknownOptions: string[];
}

export function emptyArgs(): PytestArgs {
  return {
    paths: [],
    strictMarkers: false,
    strictConfig: false,
    strict: false,
    plugins: [],
    importMode: null,
    markExpr: null,
    rootdir: null,
    configFile: null,
    pythonWarnings: [],
    maxfail: null,
    confcutdir: null,
    ignore: [],
    ignoreGlob: [],
    overrideIni: [],
    noconftest: false,
    pyargs: false,
    collectInVirtualenv: false,
    disablePluginAutoload: false,
    doctestModules: false,
    doctestIgnoreImportErrors: false,
    unknownOptions: [],
  };
}

function apply(out: PytestArgs, name: string, value: string | null): void {
  switch (name) {
    case "--strict-markers":
      out.strictMarkers = true;
      break;
    case "--strict-config":
      out.strictConfig = true;
      break;
    case "--strict":
      out.strict = true;
      break;
    case "-p":
      // pytest strips the value: a TOML addopts item "-p name" arrives as "-p" + " name" (trio).
      if (value !== null) out.plugins.push(value.trim());
      break;
    case "--import-mode":
      out.importMode = value;
      break;
    case "-m":
      out.markExpr = value;
      break;
    case "--rootdir":
      out.rootdir = value;
      break;
    case "-c":
    case "--config-file":
      out.configFile = value;
      break;
    case "-W":
    case "--pythonwarnings":
      if (value !== null) out.pythonWarnings.push(value);
      break;
    case "--maxfail":
      out.maxfail = value === null ? null : Number.parseInt(value, 10);
      break;
    case "-x":
    case "--exitfirst":
      out.maxfail = 1;
      break;
    case "--confcutdir":
      out.confcutdir = value;
      break;
    case "--ignore":
      if (value !== null) out.ignore.push(value);
      break;
    case "--ignore-glob":
      if (value !== null) out.ignoreGlob.push(value);
      break;
    case "-o":
    case "--override-ini":
      if (value !== null) out.overrideIni.push(value);
      break;
    case "--noconftest":
      out.noconftest = true;
      break;
    case "--pyargs":
      out.pyargs = true;
      break;
    case "--collect-in-virtualenv":
      out.collectInVirtualenv = true;
      break;
    case "--disable-plugin-autoload":
      out.disablePluginAutoload = true;
      break;
    case "--doctest-modules":
      out.doctestModules = true;
      break;
    case "--doctest-ignore-import-errors":
      out.doctestIgnoreImportErrors = true;
      break;
  }
}

/** pytest's own short flags (no value). */
const SHORT_FLAGS = new Set(["v", "q", "s", "x", "l", "h", "V"]);

/** Options plugins or conftests register: name -> whether it takes a value (null: unknown, assumed not). */
export type PluginOptions = Map<string, boolean | null>;

/** Parses `argv` into `out` (later tokens override earlier ones, as argparse does). */
export function parsePytestArgs(argv: string[], out: PytestArgs = emptyArgs(), plugin?: PluginOptions): PytestArgs {
  for (let i = 0; i < argv.length; i++) {
    const tok = argv[i] as string;
    if (tok === "--") {
      out.paths.push(...argv.slice(i + 1));
      break;
    }
    if (tok.startsWith("--")) {
      const eq = tok.indexOf("=");
      const name = eq >= 0 ? tok.slice(0, eq) : tok;
      let value: string | null = eq >= 0 ? tok.slice(eq + 1) : null;
      const known = VALUE_OPTIONS.has(name) || OPTIONAL_VALUE.has(name) || KNOWN_FLAGS.has(name);
      if (value === null && (VALUE_OPTIONS.has(name) || (!known && plugin?.get(name) === true))) {
        value = argv[++i] ?? null;
      } else if (value === null && OPTIONAL_VALUE.has(name) && argv[i + 1] && !argv[i + 1]?.startsWith("-")) i++;
      if (!known && !plugin?.has(name)) out.unknownOptions.push(tok);
      apply(out, name, value);
    } else if (tok.startsWith("-") && tok.length > 1) {
      for (let j = 1; j < tok.length; j++) {
        const ch = tok[j] as string;
        const takesValue = SHORT_VALUE.has(ch) || (!SHORT_FLAGS.has(ch) && plugin?.get(`-${ch}`) === true);
        if (takesValue) {
          const rest = tok.slice(j + 1);
          apply(out, `-${ch}`, rest ? rest.replace(/^=/, "") : (argv[++i] ?? null));
          break;
        }
        if (!SHORT_FLAGS.has(ch) && !plugin?.has(`-${ch}`)) out.unknownOptions.push(`-${ch}`);
        apply(out, `-${ch}`, null);
      }
    } else out.paths.push(tok);
  }
  return out;
}

/** pytest 9's built-in flag options (no value; generated once from pytest's own parser). */
// biome-ignore format: a generated table
const KNOWN_FLAGS = new Set([
  "--cache-clear", "--co", "--collect-in-virtualenv", "--collect-only", "--collectonly",
  "--continue-on-collection-errors", "--disable-plugin-autoload", "--disable-pytest-warnings", "--disable-warnings",
  "--doctest-continue-on-failure", "--doctest-ignore-import-errors", "--doctest-modules", "--exitfirst",
  "--failed-first", "--ff", "--fixtures", "--fixtures-per-test", "--force-short-summary", "--full-trace",
  "--fulltrace", "--funcargs", "--help", "--keep-duplicates", "--keepduplicates", "--last-failed", "--lf",
  "--markers", "--new-first", "--nf", "--no-fold-skipped", "--no-header", "--no-showlocals", "--no-summary",
  "--noconftest", "--pdb", "--pyargs", "--quiet", "--runxfail", "--setup-only", "--setup-plan", "--setup-show",
  "--setuponly", "--setupplan", "--setupshow", "--showlocals", "--stepwise", "--stepwise-reset", "--stepwise-skip",
  "--strict", "--strict-config", "--strict-markers", "--sw", "--sw-reset", "--sw-skip", "--trace", "--trace-config",
  "--traceconfig", "--verbose", "--version", "--xfail-tb",
]);
