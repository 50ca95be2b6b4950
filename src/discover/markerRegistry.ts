// Where each marker, ini key and command-line option of a session is registered: pytest's own modules, the
// config file's `markers`, installed plugins and conftest.py files, read statically with the facts extractor
// (`config.addinivalue_line("markers", ...)`, `parser.addini(...)`, `parser.addoption(...)`).
import { readFileSync } from "node:fs";
import { optionTakesValue } from "./optionArity.ts";
import type { PluginSource } from "./plugins.ts";
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

export function buildRegistry(
  plugins: (PluginSource & { atStartup?: boolean })[],
  configfile: string | null,
  configMarkers: { text: string; line: number | null }[],
  conftests: { path: string; atStartup: boolean }[],
  sources: SourceReader,
): Registry {
  const registry: Registry = { markers: [], iniKeys: [], options: [], unread: [], assumedBuiltins: false };
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
    const builtin = plugin.distribution === "pytest" && plugin.module.startsWith("_pytest.");
    // An installed plugin is named by its distribution; a module a conftest loads by its file.
    const source = builtin
      ? "builtin"
      : plugin.kind === "conftest" && plugin.file
        ? plugin.file
        : `plugin:${plugin.distribution ?? plugin.module}`;
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
