// An INI parser that reads exactly what pytest's `iniconfig` (2.x, as called by pytest: no inline-comment
// stripping) reads. Not the `ini` npm package: it has no continuation lines, and pytest's multi-line
// `markers =` / `addopts =` values depend on them; its comment and `key: value` rules differ too.
import { ConfigError } from "./errors.ts";

export interface IniSection {
  /** Key -> value; continuation lines are joined with "\n" (a first empty value takes the first continuation). */
  values: Map<string, string>;
  /** Key -> 1-based line of the key. */
  lines: Map<string, number>;
  /** 1-based line of the section header. */
  line: number;
}

export type IniFile = Map<string, IniSection>;

const COMMENT_CHARS = "#;";
/** Python's str.splitlines(keepends=False) line boundaries. */
const LINE_BREAK = /\r\n|[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]/;
/** Python's str.isspace()/strip() whitespace (ASCII and the common Unicode spaces). */
const PY_SPACE = "\\s\\x1c-\\x1f\\x85";
const RSTRIP = new RegExp(`[${PY_SPACE}]+$`);
const LSTRIP = new RegExp(`^[${PY_SPACE}]+`);
const IS_SPACE = new RegExp(`^[${PY_SPACE}]$`);

const rstrip = (s: string) => s.replace(RSTRIP, "");
const strip = (s: string) => s.replace(LSTRIP, "").replace(RSTRIP, "");

type Parsed = { name: string | null; data: string | null };

function parseLine(file: string, raw: string, lineno: number): Parsed {
  let line = COMMENT_CHARS.includes(raw.replace(LSTRIP, "").slice(0, 1) || "x") ? "" : rstrip(raw);
  if (!line) return { name: null, data: null };
  if (line[0] === "[") {
    const realline = line;
    for (const c of COMMENT_CHARS) line = rstrip(line.split(c)[0] ?? "");
    if (line.endsWith("]")) return { name: line.slice(1, -1), data: null };
    return { name: null, data: strip(realline) };
  }
  if (!IS_SPACE.test(line[0] ?? "")) {
    let sep = line.indexOf("=");
    if (sep < 0 || line.slice(0, sep).includes(":")) {
      sep = line.indexOf(":");
      if (sep < 0) throw new ConfigError(file, lineno, `unexpected line: ${pyRepr(line)}`);
    }
    return { name: strip(line.slice(0, sep)), data: strip(line.slice(sep + 1)) };
  }
  return { name: null, data: strip(line) };
}

function pyRepr(s: string): string {
  return s.includes("'") && !s.includes('"') ? `"${s}"` : `'${s.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
}

/** Parses INI text as iniconfig does; errors are ConfigErrors with iniconfig's message and the 1-based line. */
export function parseIni(text: string, file: string): IniFile {
  const sections: IniFile = new Map();
  let current: IniSection | null = null;
  let lastKey: string | null = null;
  const lines = text.split(LINE_BREAK);
  if (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  lines.forEach((raw, index) => {
    const lineno = index + 1;
    const { name, data } = parseLine(file, raw, lineno);
    if (name !== null && data === null) {
      if (!name) throw new ConfigError(file, lineno, "empty section name");
      if (sections.has(name)) throw new ConfigError(file, lineno, `duplicate section ${pyRepr(name)}`);
      current = { values: new Map(), lines: new Map(), line: lineno };
      sections.set(name, current);
      lastKey = null;
    } else if (name !== null && data !== null) {
      const section = current as IniSection | null;
      if (section === null) throw new ConfigError(file, lineno, "no section header defined");
      if (section.values.has(name)) throw new ConfigError(file, lineno, `duplicate name ${pyRepr(name)}`);
      section.values.set(name, data);
      section.lines.set(name, lineno);
      lastKey = name;
    } else if (data !== null) {
      const section = current as IniSection | null;
      if (section === null || lastKey === null) throw new ConfigError(file, lineno, "unexpected value continuation");
      const prev = section.values.get(lastKey) ?? "";
      section.values.set(lastKey, prev ? `${prev}\n${data}` : data);
    }
  });
  return sections;
}
