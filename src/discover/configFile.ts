// Reads one candidate configuration file the way pytest's load_config_dict_from_file does (for the installed
// pytest's rules): which section/table counts in each kind of file, INI vs TOML mode, and when a file holds no
// pytest config at all.
import { readFileSync } from "node:fs";
import { basename, extname } from "node:path";
import { parse as parseToml, TomlError } from "smol-toml";
import { ConfigError } from "./errors.ts";
import { parseIni } from "./iniconfig.ts";
import { NEWEST_RULES, type PytestRules } from "./pytestRules.ts";

/** One configuration value: INI mode values are strings or (from TOML ini_options) lists of strings. */
export interface ConfigValue {
  value: unknown;
  mode: "ini" | "toml";
  /** 1-based line of the key in the file, when the parser knows it. */
  line: number | null;
}

export type ConfigDict = Map<string, ConfigValue>;

/** pytest 9's config_names, in its precedence order within one directory (pytest 8's lack the .toml files). */
export const CONFIG_NAMES = [
  "pytest.toml",
  ".pytest.toml",
  "pytest.ini",
  ".pytest.ini",
  "pyproject.toml",
  "tox.ini",
  "setup.cfg",
] as const;

/** The config file names the installed pytest looks for, in its precedence order within one directory. */
export function configNames(rules: PytestRules): string[] {
  return CONFIG_NAMES.filter((n) => rules.tomlConfigFiles || !n.endsWith("pytest.toml"));
}

function readText(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    throw new ConfigError(path, null, `cannot read: ${(error as Error).message}`);
  }
}

function iniDict(path: string, section: string): ConfigDict | null {
  const ini = parseIni(readText(path), path);
  const found = ini.get(section);
  if (!found) return null;
  const dict: ConfigDict = new Map();
  for (const [k, v] of found.values) dict.set(k, { value: v, mode: "ini", line: found.lines.get(k) ?? null });
  return dict;
}

function parseTomlFile(path: string): Record<string, unknown> {
  const text = readText(path);
  try {
    return parseToml(text) as Record<string, unknown>;
  } catch (error) {
    if (error instanceof TomlError) {
      const detail = error.message.split("\n")[0]?.replace(/^Invalid TOML document: /, "") ?? "invalid TOML";
      throw new ConfigError(path, error.line, `invalid TOML: ${detail}`);
    }
    throw error;
  }
}

/** Line of `key` inside `[table]` of a TOML text, for messages only (best effort). */
function tomlKeyLines(path: string, table: string): Map<string, number> {
  const lines = new Map<string, number>();
  let inside = false;
  readText(path)
    .split(/\r?\n/)
    .forEach((line, i) => {
      const header = /^\s*\[([^\]]+)\]\s*(#.*)?$/.exec(line);
      if (header) inside = header[1]?.replace(/\s+/g, "") === table;
      else if (inside) {
        const key = /^\s*("?)([A-Za-z0-9_.-]+)\1\s*=/.exec(line);
        if (key?.[2] && !lines.has(key[2])) lines.set(key[2], i + 1);
      }
    });
  return lines;
}

function tableDict(path: string, table: string, values: Record<string, unknown>, mode: "ini" | "toml"): ConfigDict {
  const lines = tomlKeyLines(path, table);
  const dict: ConfigDict = new Map();
  for (const [k, v] of Object.entries(values)) {
    // INI mode: scalars become str() of the value as pytest's make_scalar does; lists stay lists.
    const value = mode === "ini" && !Array.isArray(v) ? pyStr(v) : v;
    dict.set(k, { value, mode, line: lines.get(k) ?? null });
  }
  return dict;
}

function pyStr(v: unknown): string {
  if (typeof v === "boolean") return v ? "True" : "False";
  return String(v);
}

const isTable = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** The pytest configuration in `path`, or null when the file holds none (pytest then looks further). */
export function loadConfigDict(path: string, rules: PytestRules = NEWEST_RULES): ConfigDict | null {
  const name = basename(path);
  const ext = extname(path);
  if (ext === ".ini") {
    const dict = iniDict(path, "pytest");
    if (dict) return dict;
    // pytest.ini (and in pytest 9 .pytest.ini) is the configuration even when empty.
    return name === "pytest.ini" || (name === ".pytest.ini" && rules.dotPytestIniAlwaysConfig) ? new Map() : null;
  }
  if (ext === ".cfg") {
    const ini = parseIni(readText(path), path);
    if (ini.has("tool:pytest")) return iniDict(path, "tool:pytest");
    const plain = ini.get("pytest");
    if (plain) {
      throw new ConfigError(
        path,
        plain.line,
        "[pytest] section in setup.cfg files is no longer supported, change to [tool:pytest] instead.",
      );
    }
    return null;
  }
  if (ext === ".toml") {
    const doc = parseTomlFile(path);
    if (rules.tomlConfigFiles && (name === "pytest.toml" || name === ".pytest.toml")) {
      const table = isTable(doc.pytest) ? doc.pytest : {};
      return tableDict(path, "pytest", table, "toml");
    }
    const tool = isTable(doc.tool) ? doc.tool : {};
    const pytest = isTable(tool.pytest) ? tool.pytest : {};
    const { ini_options: iniOptions, ...native } = pytest;
    // pytest 8 reads [tool.pytest.ini_options] only: other [tool.pytest.*] tables are not its business.
    const hasNative = rules.nativeToolTable && Object.keys(native).length > 0;
    if (hasNative && iniOptions !== undefined && isTable(iniOptions) && Object.keys(iniOptions).length > 0) {
      throw new ConfigError(
        path,
        null,
        "Cannot use both [tool.pytest] (native TOML types) and [tool.pytest.ini_options] (string-based INI format) simultaneously.",
      );
    }
    if (hasNative) return tableDict(path, "tool.pytest", native, "toml");
    if (iniOptions !== undefined && isTable(iniOptions)) {
      return tableDict(path, "tool.pytest.ini_options", iniOptions, "ini");
    }
  }
  return null;
}
