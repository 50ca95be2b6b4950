// Reads remedy's own configuration from the rootdir: remedy.toml (its top level) wins over `[tool.remedy]` of
// pyproject.toml, as ruff's ruff.toml wins over its pyproject section; a file that exists is read whole, never
// merged with the other. Any problem is a ConfigFileError naming the file, the line and the key path.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse as parseToml, TomlError } from "smol-toml";
import type { z } from "zod";
import { ConfigFileError } from "../errors.ts";
import { type Contract, DEFAULT_REMEDY_CONFIG, type RemedyConfig } from "./remedyConfig.ts";
import { type RemedyConfigToml, remedyConfigSchema } from "./remedyConfigSchema.ts";
import { inferServiceRoots } from "./serviceRoots.ts";
import { tomlKeyLine } from "./tomlKeyLine.ts";

interface Located {
  file: string;
  text: string;
  /** The table path the configuration sits under: ["tool", "remedy"] in pyproject.toml, [] in remedy.toml. */
  prefix: string[];
}

function readText(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    throw new ConfigFileError(path, null, `cannot read: ${(error as Error).message}`);
  }
}

function parse(path: string, text: string): Record<string, unknown> {
  try {
    return parseToml(text) as Record<string, unknown>;
  } catch (error) {
    if (!(error instanceof TomlError)) throw error;
    const detail = error.message.split("\n")[0]?.replace(/^Invalid TOML document: /, "") ?? "invalid TOML";
    throw new ConfigFileError(path, error.line, `invalid TOML: ${detail}`);
  }
}

/** The value at `path` in `data`, to say what was written instead of what was expected. */
function valueAt(data: unknown, path: PropertyKey[]): unknown {
  let cur = data;
  for (const key of path)
    cur = cur !== null && typeof cur === "object" ? (cur as Record<PropertyKey, unknown>)[key] : undefined;
  return cur;
}

function written(value: unknown): string {
  if (value === undefined) return "nothing";
  if (typeof value === "string") return `'${value}'`;
  if (Array.isArray(value)) return "an array";
  if (value !== null && typeof value === "object") return "a table";
  return `${typeof value} ${String(value)}`;
}

/** `tool.remedy.contracts[1].kind`: TOML's dotted keys, 0-based array indexes. */
export function keyPath(prefix: string[], path: PropertyKey[]): string {
  let out = prefix.join(".");
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out === "" ? String(key) : `.${String(key)}`;
  }
  return out || "(top level)";
}

function describeIssue(issue: z.core.$ZodIssue, data: unknown): string {
  const got = written(valueAt(data, issue.path));
  switch (issue.code) {
    case "invalid_value":
      return `expected one of ${issue.values.map(String).join(", ")}, got ${got}`;
    case "invalid_type":
      return `expected ${issue.expected === "int" ? "an integer" : issue.expected}, got ${got}`;
    case "unrecognized_keys":
      return `unknown key${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `'${k}'`).join(", ")}`;
    case "too_small":
      return issue.origin === "array"
        ? `expected at least ${String(issue.minimum)} item(s), got ${got === "an array" ? "fewer" : got}`
        : `expected at least ${String(issue.minimum)}, got ${got}`;
    default:
      return `${issue.message}, got ${got}`;
  }
}

/** Checks zod cannot express per field: what each contract kind needs, unique names, a directory in one service. */
function semanticErrors(config: RemedyConfigToml): { path: PropertyKey[]; detail: string }[] {
  const errors: { path: PropertyKey[]; detail: string }[] = [];
  const names = new Set<string>();
  (config.contracts ?? []).forEach((c, i) => {
    if (names.has(c.name))
      errors.push({ path: ["contracts", i, "name"], detail: `duplicate contract name '${c.name}'` });
    names.add(c.name);
    if (c.kind === "forbidden" && !c.forbidden?.length)
      errors.push({ path: ["contracts", i], detail: "a forbidden contract needs `forbidden = [...]`" });
    if (c.kind === "public" && !c.public?.length)
      errors.push({ path: ["contracts", i], detail: "a public contract needs `public = [...]`" });
    if ((c.kind === "layers" || c.kind === "independent") && c.modules.length < 2)
      errors.push({ path: ["contracts", i, "modules"], detail: `a ${c.kind} contract needs at least 2 modules` });
  });
  const owner = new Map<string, string>();
  for (const [service, dirs] of Object.entries(config.services ?? {}))
    for (const dir of dirs) {
      const norm = normDir(dir);
      const other = owner.get(norm);
      if (other !== undefined)
        errors.push({
          path: ["services", service],
          detail: `directory '${dir}' already belongs to service '${other}'`,
        });
      owner.set(norm, service);
    }
  return errors;
}

function normDir(dir: string): string {
  return dir.replace(/\\/g, "/").replace(/^\.\//, "").replace(/\/+$/, "");
}

function toConfig(source: string, t: RemedyConfigToml): RemedyConfig {
  const services: Record<string, string[]> = {};
  for (const [name, dirs] of Object.entries(t.services ?? {})) services[name] = dirs.map(normDir);
  const contracts: Contract[] = (t.contracts ?? []).map((c) => ({
    name: c.name,
    kind: c.kind,
    modules: c.modules,
    ...(c.forbidden ? { forbidden: c.forbidden } : {}),
    ...(c.public ? { public: c.public } : {}),
    ...(c.ignore ? { ignore: c.ignore.map((p) => p.replace(/\s+/g, "").replace("->", " -> ")) } : {}),
  }));
  const d = DEFAULT_REMEDY_CONFIG.audit;
  return {
    source,
    services,
    shared: (t.shared ?? []).map(normDir),
    contracts,
    audit: {
      ignore: t.audit?.ignore ?? d.ignore,
      ignoreNames: t.audit?.["ignore-names"] ?? d.ignoreNames,
      includeTests: t.audit?.["include-tests"] ?? d.includeTests,
      minDuplicates: t.audit?.["min-duplicates"] ?? d.minDuplicates,
    },
    flows: (t.flows ?? []).map((f) => ({ ...f })),
  };
}

function locate(rootdir: string): { located: Located; data: unknown } | null {
  const remedyToml = join(rootdir, "remedy.toml");
  if (existsSync(remedyToml)) {
    const text = readText(remedyToml);
    return { located: { file: remedyToml, text, prefix: [] }, data: parse(remedyToml, text) };
  }
  const pyproject = join(rootdir, "pyproject.toml");
  if (!existsSync(pyproject)) return null;
  const text = readText(pyproject);
  const tool = parse(pyproject, text).tool as Record<string, unknown> | undefined;
  if (tool?.remedy === undefined) return null;
  return { located: { file: pyproject, text, prefix: ["tool", "remedy"] }, data: tool.remedy };
}

/** remedy's configuration for `rootdir` (DEFAULT_REMEDY_CONFIG's values for what is not written), with
 *  `inferredServices` filled from the tree when no services are configured. */
export function readRemedyConfig(rootdir: string): RemedyConfig {
  const found = locate(rootdir);
  let config: RemedyConfig;
  if (found === null) config = { ...DEFAULT_REMEDY_CONFIG, audit: { ...DEFAULT_REMEDY_CONFIG.audit } };
  else {
    const { located, data } = found;
    const fail = (path: PropertyKey[], detail: string): never => {
      throw new ConfigFileError(
        located.file,
        tomlKeyLine(located.text, located.prefix, path),
        `${keyPath(located.prefix, path)}: ${detail}`,
      );
    };
    const result = remedyConfigSchema.safeParse(data);
    if (!result.success) {
      const issue = result.error.issues[0]!;
      // An unknown key is reported at the key itself, so its line is found.
      const path = issue.code === "unrecognized_keys" ? [...issue.path, issue.keys[0]!] : issue.path;
      fail(path, describeIssue(issue, data));
    } else {
      const semantic = semanticErrors(result.data)[0];
      if (semantic) fail(semantic.path, semantic.detail);
      const source = located.prefix.length > 0 ? "pyproject.toml" : "remedy.toml";
      config = toConfig(source, result.data);
    }
  }
  config = config!;
  if (Object.keys(config.services).length === 0) config.inferredServices = inferServiceRoots(rootdir);
  return config;
}
