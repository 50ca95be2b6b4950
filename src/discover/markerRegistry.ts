// Where each marker, ini key and command-line option of a session is registered: pytest's own modules, the
// config file's `markers`, installed plugins and conftest.py files. pytest's and installed plugins' come from
// the installed pytest itself when it could be asked (pytestRegistry.ts); the rest — conftests, modules of the
// repository, and everything without an interpreter — are read statically with the facts extractor
// (`config.addinivalue_line("markers", ...)`, `parser.addini(...)`, `parser.addoption(...)`).
import { readFileSync } from "node:fs";
import { optionTakesValue } from "./optionArity.ts";
import type { PluginSource } from "./plugins.ts";
import type { PytestRegistry } from "./pytestRegistry.ts";
import type { SourceReader } from "./sourceFacts.ts";

export type RegistrationKind = "builtin" | "config" | "plugin" | "conftest";

export interface MarkerEntry {
  name: string;
  /** "builtin", the config file's path, a conftest.py path, "plugin:<distribution>" for an installed plugin, or
   *  the file of a module a conftest names in `pytest_plugins`. */
  source: string;
  kind: RegistrationKind;
  /** The registered line, e.g. "slow: marks slow tests". */
  text: string;
  file: string | null;
  line: number | null;
  /** False for a conftest pytest only loads during collection (its markers count from then on). */
  atStartup: boolean;
}

export interface IniKeyEntry {
  name: string;
  source: string;
  kind: RegistrationKind;
  /** From the installed pytest (absent when read statically): its type, default (when JSON can hold it) and the
   *  other names it answers to (pytest 9's `aliases=`). */
  type?: string;
  default?: unknown;
  aliases?: string[];
}

export interface OptionEntry {
  names: string[];
  /** Whether the option takes a value (`-n 4`), read from its addoption call; null when its action is custom. */
  takesValue: boolean | null;
  source: string;
  kind: RegistrationKind;
}

export interface Registry {
  markers: MarkerEntry[];
  iniKeys: IniKeyEntry[];
  options: OptionEntry[];
  /** Plugin modules remedy could not read (no file found, or unreadable). */
  unread: string[];
  /** pytest's own source was not found: its markers are pytest 9.0's, assumed. */
  assumedBuiltins: boolean;
  /** Whether pytest's and the installed plugins' registrations came from the installed pytest (not their sources). */
  probed: boolean;
}

const topLevel = (module: string) => module.split(".")[0] ?? module;

/** The plugin of `plugins` that owns a registration the probe attributes to `module`: the plugin of that module;
 *  none when the module is another plugin the session does not load (blocked, or not autoloaded); else, for a
 *  helper module that is no plugin itself, a loaded plugin of the same top-level package (an empty module, which
 *  the probe could not attribute, goes to pytest's own). */
function ownerOf<P extends PluginSource>(module: string, plugins: P[], probed: PytestRegistry): P | null {
  const own = plugins.find((p) => p.module === module);
  if (own) return own;
  if (probed.pluginModules.includes(module)) return null;
  const top = module === "" ? "_pytest" : topLevel(module);
  return plugins.find((p) => topLevel(p.module) === top) ?? null;
}

function readText(file: string): string | null {
  try {
    return readFileSync(file, "utf8");
  } catch {
    return null;
  }
}

/** pytest 9.0's own markers by the plugin that registers them: used only when pytest's source cannot be read
 *  (no interpreter), so that `skip` or `parametrize` are never taken for unregistered markers. */
const BUILTIN_MARKERS: Record<string, string[]> = {
  pytestconfig: ["tryfirst: call this hook implementation first", "trylast: call this hook implementation last"],
  python: ["parametrize(argnames, argvalues): call a test function multiple times", "usefixtures(fixturename1, ...): use fixtures"],
  skipping: ["skip(reason=None): skip the test", "skipif(condition, ..., *, reason=...): skip if", "xfail(condition, ..., *, reason=..., run=True, raises=None, strict=strict_xfail): expected failure"],
  warnings: ["filterwarnings(warning): add a warning filter to the given test"],
}; // biome-ignore format: a table

/** pytest's own parsing of a `markers` line: the name is before the first ":" and "(". */
export function markerName(line: string): string {
  return (line.split(":")[0] ?? "").split("(")[0]?.trim() ?? "";
}

const sourceOf = (plugin: PluginSource) => {
  const builtin = plugin.distribution === "pytest" && plugin.module.startsWith("_pytest.");
  // An installed plugin is named by its distribution; a module a conftest loads by its file.
  return builtin
    ? "builtin"
    : plugin.kind === "conftest" && plugin.file
      ? plugin.file
      : `plugin:${plugin.distribution ?? plugin.module}`;
};

/** The registrations the installed pytest reported for the plugins the session loads. Returns the plugins it
 *  covers (the modules the probe loaded), which are then not read statically. */
function addProbed(
  registry: Registry,
  plugins: (PluginSource & { atStartup?: boolean })[],
  probed: PytestRegistry,
): Set<PluginSource> {
  const covered = new Set<PluginSource>(plugins.filter((p) => probed.pluginModules.includes(p.module)));
  const owner = (module: string) => {
    const p = ownerOf(module, plugins, probed);
    return p && covered.has(p) ? p : null;
  };
  const kindOf = (p: PluginSource): RegistrationKind => (sourceOf(p) === "builtin" ? "builtin" : "plugin");
  for (const k of probed.iniKeys) {
    const p = owner(k.module);
    if (!p) continue;
    registry.iniKeys.push({
      name: k.name,
      source: sourceOf(p),
      kind: kindOf(p),
      type: k.type,
      ...("default" in k ? { default: k.default } : {}),
      aliases: k.aliases,
    });
  }
  for (const m of probed.markers) {
    const p = owner(m.module);
    if (!p) continue;
    const name = markerName(m.text);
    registry.markers.push({
      name,
      source: sourceOf(p),
      kind: kindOf(p),
      text: m.text,
      file: m.file,
      line: m.line,
      atStartup: true,
    });
  }
  for (const o of probed.options) {
    const p = owner(o.module);
    if (p) registry.options.push({ names: o.names, takesValue: o.takesValue, source: sourceOf(p), kind: kindOf(p) });
  }
  return covered;
}

export function buildRegistry(
  plugins: (PluginSource & { atStartup?: boolean })[],
  configfile: string | null,
  configMarkers: { text: string; line: number | null }[],
  conftests: { path: string; atStartup: boolean }[],
  sources: SourceReader,
  probed: PytestRegistry | null = null,
): Registry {
  const registry: Registry = {
    markers: [],
    iniKeys: [],
    options: [],
    unread: [],
    assumedBuiltins: false,
    probed: probed !== null,
  };
  const covered = probed ? addProbed(registry, plugins, probed) : new Set<PluginSource>();
  const addFrom = (file: string, source: string, kind: RegistrationKind, atStartup: boolean) => {
    const facts = sources.read(file);
    if (!facts) return false;
    for (const m of facts.registeredMarkers) {
      registry.markers.push({ name: markerName(m.text), source, kind, text: m.text, file, line: m.line, atStartup });
    }
    for (const k of facts.iniKeys) registry.iniKeys.push({ name: k.name, source, kind });
    let text: string | null = null;
    for (const o of facts.options) {
      text ??= readText(file);
      const takesValue = text === null ? null : optionTakesValue(text, o.line, o.col);
      registry.options.push({ names: o.names, takesValue, source, kind });
    }
    return true;
  };
  for (const plugin of plugins) {
    if (covered.has(plugin)) continue;
    const builtin = plugin.distribution === "pytest" && plugin.module.startsWith("_pytest.");
    const source = sourceOf(plugin);
    if (plugin.file && addFrom(plugin.file, source, builtin ? "builtin" : "plugin", plugin.atStartup ?? true)) continue;
    if (builtin && !plugin.file) {
      for (const text of BUILTIN_MARKERS[plugin.name] ?? []) {
        registry.markers.push({
          name: markerName(text),
          source,
          kind: "builtin",
          text,
          file: null,
          line: null,
          atStartup: true,
        });
      }
      registry.assumedBuiltins = true;
    } else registry.unread.push(plugin.module);
  }
  for (const m of configMarkers) {
    registry.markers.push({
      name: markerName(m.text),
      source: configfile ?? "<config>",
      kind: "config",
      text: m.text,
      file: configfile,
      line: m.line,
      atStartup: true,
    });
  }
  for (const c of conftests) addFrom(c.path, c.path, "conftest", c.atStartup);
  return registry;
}
