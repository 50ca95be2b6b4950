// The plugins a pytest session loads, found without importing anything: pytest's default plugins (read from the
// installed `_pytest/config/__init__.py`), installed distributions' `pytest11` entry points, and `-p NAME`
// arguments; `-p no:NAME` and PYTEST_DISABLE_PLUGIN_AUTOLOAD remove them as pytest does.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { isFile } from "./fsStat.ts";
import type { InterpreterInfo } from "./interpreter.ts";

export interface PluginSource {
  /** The name pytest registers it under (`-p no:NAME` blocks it). */
  name: string;
  /** builtin: pytest's own; entrypoint: an installed pytest11 plugin; cli: `-p NAME`; conftest: `pytest_plugins`. */
  kind: "builtin" | "entrypoint" | "cli" | "conftest";
  /** The distribution that declares the entry point. */
  distribution: string | null;
  module: string;
  /** The module's source file, or null when it could not be found on sys.path. */
  file: string | null;
}

/** pytest 9.0's lists, used only when pytest's own source cannot be read. */
const FALLBACK_ESSENTIAL = ["mark", "main", "runner", "fixtures", "helpconfig"];
// biome-ignore format: a table
const FALLBACK_DEFAULT = [...FALLBACK_ESSENTIAL, "python", "terminal", "debugging", "unittest", "capture", "skipping",
  "legacypath", "tmpdir", "monkeypatch", "recwarn", "pastebin", "assertion", "junitxml", "doctest", "cacheprovider",
  "setuponly", "setupplan", "stepwise", "unraisableexception", "threadexception", "warnings", "logging", "reports",
  "faulthandler", "subtests"];

/** A dotted module's source file on `searchPath` (package `__init__.py` or module `.py`). */
export function resolveModule(dotted: string, searchPath: string[]): string | null {
  const rel = dotted.split(".").join("/");
  for (const dir of searchPath) {
    for (const candidate of [join(dir, rel, "__init__.py"), join(dir, `${rel}.py`)]) {
      if (isFile(candidate)) return candidate;
    }
  }
  return null;
}

function tupleNames(source: string, variable: string): string[] | null {
  const m = new RegExp(`^${variable}\\s*=\\s*\\(([^)]*)\\)`, "m").exec(source);
  if (!m?.[1]) return null;
  const spread = /\*\s*essential_plugins/.test(m[1]) ? (tupleNames(source, "essential_plugins") ?? []) : [];
  return [...spread, ...[...m[1].matchAll(/["']([\w.]+)["']/g)].map((x) => x[1] as string)];
}

/** pytest's essential and default plugin names, from the installed pytest when possible. */
export function builtinPluginNames(pytestDir: string | null): {
  essential: string[];
  defaults: string[];
  read: boolean;
} {
  if (pytestDir) {
    try {
      const source = readFileSync(join(pytestDir, "config", "__init__.py"), "utf8");
      const essential = tupleNames(source, "essential_plugins");
      const defaults = tupleNames(source, "default_plugins");
      if (essential && defaults) return { essential, defaults, read: true };
    } catch {
      // fall through to the fallback lists
    }
  }
  return { essential: FALLBACK_ESSENTIAL, defaults: FALLBACK_DEFAULT, read: false };
}

export interface PluginPlan {
  plugins: PluginSource[];
  /** Names blocked with -p no:NAME. */
  blocked: string[];
}

/** The plugins loaded for a session given the -p arguments (in order) and the interpreter (null: none known). */
export function planPlugins(
  interpreter: InterpreterInfo | null,
  pluginArgs: string[],
  autoload: boolean,
  searchPath: string[],
): PluginPlan {
  const pytestDir = interpreter?.pytestDir ?? null;
  const { essential, defaults } = builtinPluginNames(pytestDir);
  const blocked = new Set<string>();
  const requested: string[] = [];
  for (const arg of pluginArgs) {
    if (arg.startsWith("no:")) {
      const name = arg.slice(3);
      if (essential.includes(name)) continue; // pytest refuses ("cannot be disabled"); nothing is blocked
      if (name === "cacheprovider") blocked.add("stepwise");
      blocked.add(name);
    } else {
      blocked.delete(arg);
      requested.push(arg);
    }
  }
  const isBlocked = (name: string) => blocked.has(name) || blocked.has(`pytest_${name}`);
  const builtinFile = (name: string) => (pytestDir ? resolveModule(name, [pytestDir]) : null);
  const plugins: PluginSource[] = [];
  const builtinPlugin = (name: string, kind: PluginSource["kind"]): PluginSource => ({
    name,
    kind,
    distribution: "pytest",
    module: `_pytest.${name}`,
    file: builtinFile(name),
  });
  // The plugin manager itself registers tryfirst/trylast in _pytest/config/__init__.py.
  plugins.push({ ...builtinPlugin("config", "builtin"), name: "pytestconfig" });
  for (const name of defaults) if (!isBlocked(name)) plugins.push(builtinPlugin(name, "builtin"));
  const entryPoints = (interpreter?.distributions ?? []).flatMap((d) =>
    d.entryPoints.filter((e) => e.group === "pytest11").map((e) => ({ dist: d.name, ep: e })),
  );
  if (autoload) {
    for (const { dist, ep } of entryPoints) {
      if (isBlocked(ep.name)) continue;
      const module = ep.value.split(":")[0]?.trim() ?? ep.value;
      plugins.push({
        name: ep.name,
        kind: "entrypoint",
        distribution: dist,
        module,
        file: resolveModule(module, searchPath),
      });
    }
  }
  for (const name of requested) {
    if (plugins.some((p) => p.name === name)) continue;
    const ep = entryPoints.find((e) => e.ep.name === name);
    if (ep) {
      const module = ep.ep.value.split(":")[0]?.trim() ?? ep.ep.value;
      plugins.push({ name, kind: "cli", distribution: ep.dist, module, file: resolveModule(module, searchPath) });
    } else if (pytestDir && builtinFile(name)) plugins.push(builtinPlugin(name, "cli"));
    else plugins.push({ name, kind: "cli", distribution: null, module: name, file: resolveModule(name, searchPath) });
  }
  return { plugins, blocked: [...blocked].sort() };
}
