// pytest's Config.getini for the keys remedy needs: INI-mode values are coerced from strings by the key's
// registered type (args -> shlex, linelist -> lines, paths -> relative to the config file, bool -> strtobool);
// TOML-mode values must already have the right native type.
import { dirname, resolve } from "node:path";
import type { ConfigDict, ConfigValue } from "./configFile.ts";
import { ConfigError } from "./errors.ts";
import { ShlexError, shlexSplit } from "./shlex.ts";

export type IniType = "args" | "linelist" | "paths" | "bool" | "string";

export class IniReader {
  constructor(
    private readonly config: ConfigDict,
    private readonly configfile: string | null,
    private readonly invocationDir: string,
  ) {}

  has(name: string): boolean {
    return this.config.has(name);
  }

  /** Line of `name` in the config file, when known. */
  line(name: string): number | null {
    return this.config.get(name)?.line ?? null;
  }

  list(name: string, type: "args" | "linelist" | "paths", fallback: string[]): string[] {
    const cv = this.config.get(name);
    if (!cv) return fallback;
    const values = this.listValue(name, cv, type);
    if (type !== "paths") return values;
    const base = this.configfile ? dirname(this.configfile) : this.invocationDir;
    return values.map((v) => resolve(base, v));
  }

  bool(name: string): boolean | null {
    const cv = this.config.get(name);
    if (!cv) return null;
    if (cv.mode === "toml") {
      if (typeof cv.value !== "boolean") throw this.typeError(name, cv, "expects a bool");
      return cv.value;
    }
    const v = String(cv.value).trim().toLowerCase();
    if (["y", "yes", "t", "true", "on", "1"].includes(v)) return true;
    if (["n", "no", "f", "false", "off", "0"].includes(v)) return false;
    throw new ConfigError(this.configfile ?? "<config>", cv.line, `${name}: invalid truth value '${v}'`);
  }

  string(name: string): string | null {
    const cv = this.config.get(name);
    if (!cv) return null;
    if (cv.mode === "toml" && typeof cv.value !== "string") throw this.typeError(name, cv, "expects a string");
    return String(cv.value);
  }

  private listValue(name: string, cv: ConfigValue, type: IniType): string[] {
    const { value } = cv;
    if (cv.mode === "toml" || Array.isArray(value)) {
      if (!Array.isArray(value)) throw this.typeError(name, cv, `expects a list for type '${type}'`);
      const bad = value.findIndex((x) => typeof x !== "string");
      if (bad >= 0) throw this.typeError(name, cv, `expects a list of strings, but item at index ${bad} is not`);
      return value as string[];
    }
    const text = String(value);
    if (type === "linelist") {
      return text
        .split("\n")
        .map((l) => l.trim())
        .filter(Boolean);
    }
    try {
      return shlexSplit(text);
    } catch (error) {
      if (error instanceof ShlexError) {
        throw new ConfigError(this.configfile ?? "<config>", cv.line, `${name}: ${error.message}`);
      }
      throw error;
    }
  }

  private typeError(name: string, cv: ConfigValue, what: string): ConfigError {
    return new ConfigError(this.configfile ?? "<config>", cv.line, `config option '${name}' ${what}`);
  }
}
