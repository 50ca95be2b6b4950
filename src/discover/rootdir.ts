// pytest's rootdir and configfile rules (findpaths.determine_setup, for the installed pytest's rules): the common ancestor of the path
// arguments, the first directory upward holding a config file, then setup.py, then the fallbacks.
import { dirname, join, resolve, sep } from "node:path";
import { type ConfigDict, configNames, loadConfigDict } from "./configFile.ts";
import { ConfigError } from "./errors.ts";
import { exists, isDir, isFile } from "./fsStat.ts";
import { NEWEST_RULES, type PytestRules } from "./pytestRules.ts";

export interface Setup {
  rootdir: string;
  /** The configuration file pytest reads (absolute), or null. */
  configfile: string | null;
  config: ConfigDict;
  /** Other files in the configfile's directory that also hold pytest config but lose to it. */
  ignoredConfigFiles: string[];
  /** Why this rootdir: for explanations. */
  reason: "config-file" | "pyproject-without-pytest" | "setup.py" | "ancestor" | "rootdir-option" | "inifile-option";
}

function parents(p: string): string[] {
  const out: string[] = [];
  let cur = p;
  for (;;) {
    const up = dirname(cur);
    if (up === cur) return out;
    out.push(up);
    cur = up;
  }
}

function commonPath(a: string, b: string): string | null {
  const pa = a.split(sep);
  const pb = b.split(sep);
  let i = 0;
  while (i < pa.length && i < pb.length && pa[i] === pb[i]) i++;
  if (i === 0) return null;
  return pa.slice(0, i).join(sep) || sep;
}

export function commonAncestor(invocationDir: string, paths: string[]): string {
  let common: string | null = null;
  for (const path of paths) {
    if (!exists(path)) continue;
    if (common === null) common = path;
    else if (path === common || parents(path).includes(common)) continue;
    else if (parents(common).includes(path)) common = path;
    else common = commonPath(path, common) ?? common;
  }
  if (common === null) return invocationDir;
  return isFile(common) ? dirname(common) : common;
}

/** get_dirs_from_args: existing non-option args (node ids cut at `::`), files replaced by their directory. */
export function dirsFromArgs(invocationDir: string, args: string[]): string[] {
  return args
    .filter((a) => !a.startsWith("-"))
    .map((a) => resolve(invocationDir, a.split("::")[0] ?? a))
    .filter((p) => exists(p))
    .map((p) => (isDir(p) ? p : dirname(p)));
}

function locateConfig(dirs: string[], rules: PytestRules): Omit<Setup, "reason"> | null {
  const names = configNames(rules);
  let pyproject: string | null = null;
  for (const arg of dirs) {
    for (const base of [arg, ...parents(arg)]) {
      for (const [index, name] of names.entries()) {
        const p = join(base, name);
        if (!isFile(p)) continue;
        if (name === "pyproject.toml" && pyproject === null) pyproject = p;
        const config = loadConfigDict(p, rules);
        if (config === null) continue;
        const ignored = names.slice(index + 1).filter((r) => {
          const p2 = join(base, r);
          return isFile(p2) && loadConfigDict(p2, rules) !== null;
        });
        return { rootdir: base, configfile: p, config, ignoredConfigFiles: ignored };
      }
    }
  }
  if (pyproject !== null) {
    return { rootdir: dirname(pyproject), configfile: pyproject, config: new Map(), ignoredConfigFiles: [] };
  }
  return null;
}

/** determine_setup: `inifile` is -c/--config-file, `rootdirArg` is --rootdir (both from the command line only). */
export function determineSetup(
  invocationDir: string,
  args: string[],
  inifile: string | null,
  rootdirArg: string | null,
  rules: PytestRules = NEWEST_RULES,
): Setup {
  const dirs = dirsFromArgs(invocationDir, args);
  let setup: Setup | null = null;
  if (inifile) {
    const path = resolve(invocationDir, inifile);
    if (!isFile(path)) throw new ConfigError(path, null, "the -c/--config-file given does not exist");
    const config = loadConfigDict(path, rules) ?? new Map();
    setup = { rootdir: dirname(path), configfile: path, config, ignoredConfigFiles: [], reason: "inifile-option" };
  } else {
    const ancestor = commonAncestor(invocationDir, dirs);
    const found = locateConfig([ancestor], rules);
    if (found) {
      const pyprojectOnly = found.config.size === 0 && found.configfile?.endsWith("pyproject.toml");
      setup = { ...found, reason: pyprojectOnly ? "pyproject-without-pytest" : "config-file" };
    } else if (rootdirArg !== null) {
      setup = { rootdir: ancestor, configfile: null, config: new Map(), ignoredConfigFiles: [], reason: "ancestor" };
    } else {
      const withSetupPy = [ancestor, ...parents(ancestor)].find((d) => isFile(join(d, "setup.py")));
      const sameDirs = dirs.length === 1 && dirs[0] === ancestor;
      const again = withSetupPy || sameDirs ? null : locateConfig(dirs, rules);
      if (withSetupPy) {
        setup = {
          rootdir: withSetupPy,
          configfile: null,
          config: new Map(),
          ignoredConfigFiles: [],
          reason: "setup.py",
        };
      } else if (again) setup = { ...again, reason: "config-file" };
      else {
        let rootdir = commonAncestor(invocationDir, [invocationDir, ancestor]);
        if (rootdir === sep) rootdir = ancestor;
        setup = { rootdir, configfile: null, config: new Map(), ignoredConfigFiles: [], reason: "ancestor" };
      }
    }
  }
  if (rootdirArg) {
    const rootdir = resolve(invocationDir, expandVars(rootdirArg));
    if (!isDir(rootdir)) {
      throw new ConfigError(rootdir, null, `Directory '${rootdir}' not found. Check your '--rootdir' option.`);
    }
    setup = { ...setup, rootdir, reason: "rootdir-option" };
  }
  return setup;
}

/** os.path.expandvars: $NAME and ${NAME}; unknown variables are left as written. */
function expandVars(s: string): string {
  return s.replace(/\$(\w+|\{[^}]*\})/g, (m, name: string) => {
    const key = name.startsWith("{") ? name.slice(1, -1) : name;
    return process.env[key] ?? m;
  });
}
