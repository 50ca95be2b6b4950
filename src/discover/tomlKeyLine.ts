// The line of a key path in a TOML text, for error messages only (smol-toml keeps no positions). Best effort:
// `[table]` and `[[array-of-tables]]` headers and `key =` lines; a key written as a dotted key or inside an inline
// table gives the line of its table's header instead, or null.

interface Section {
  name: string;
  array: boolean;
  /** 1-based line of the header; null for the keys before any header. */
  line: number | null;
  keys: Map<string, number>;
}

function unquote(key: string): string {
  return key
    .split(".")
    .map((k) =>
      k
        .trim()
        .replace(/^"(.*)"$/, "$1")
        .replace(/^'(.*)'$/, "$1"),
    )
    .join(".");
}

function sections(text: string): Section[] {
  const out: Section[] = [{ name: "", array: false, line: null, keys: new Map() }];
  text.split(/\r?\n/).forEach((raw, i) => {
    const header = /^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(#.*)?$/.exec(raw);
    if (header) {
      out.push({ name: unquote(header[2]!), array: header[1] === "[[", line: i + 1, keys: new Map() });
      return;
    }
    const key = /^\s*("[^"]*"|'[^']*'|[A-Za-z0-9_-]+)\s*=/.exec(raw);
    const current = out[out.length - 1]!;
    if (key) {
      const name = unquote(key[1]!);
      if (!current.keys.has(name)) current.keys.set(name, i + 1);
    }
  });
  return out;
}

/** 1-based line of `prefix + path` (zod's issue path: keys and array indexes), or null when not found. */
export function tomlKeyLine(text: string, prefix: string[], path: PropertyKey[]): number | null {
  const all = sections(text);
  const names = new Set(all.map((s) => s.name));
  let table = prefix.join(".");
  let occurrence: number | null = null;
  let rest: string | null = null;
  for (const seg of path) {
    if (rest !== null) break;
    if (typeof seg === "number") {
      occurrence = seg;
      continue;
    }
    const deeper = table === "" ? String(seg) : `${table}.${String(seg)}`;
    if (names.has(deeper)) {
      table = deeper;
      occurrence = null;
    } else rest = String(seg);
  }
  const same = all.filter((s) => s.name === table);
  const section = occurrence !== null && same.some((s) => s.array) ? same[occurrence] : same[0];
  if (!section) return null;
  if (rest !== null) return section.keys.get(rest) ?? section.line;
  return section.line;
}
