// A `from M import a, b as c` statement located in a file's text by its line: where its module part and each
// imported item are, so that a codemod can change one item and leave the rest (parentheses, line layout, comments)
// as written. A small scanner of its own: an import statement has only names, dots, commas, parentheses, `*`,
// comments and line continuations, and it must report offsets into the text as read.
import { type Lines, linesOf } from "./fixContext.ts";

export interface ImportItem {
  name: string;
  asname: string | null;
  /** [start, end) of `name` or `name as alias`. */
  start: number;
  end: number;
  /** The item is alone on its physical line (inside parentheses): [lineStart, lineEnd) covers that whole line with
   *  its line break, and `comment` is its trailing comment, if any. */
  ownLine: { lineStart: number; lineEnd: number; comment: string | null } | null;
}

export interface FromImport {
  /** Offset of `from`. */
  start: number;
  /** [start, end) of the module part (leading dots included). */
  moduleStart: number;
  moduleEnd: number;
  module: string;
  items: ImportItem[];
  /** Where the statement's physical lines end: after the line break of its last line (or the text's end). */
  afterLines: number;
  /** The whitespace before `from` on its line. */
  indent: string;
  /** Something other than a comment follows the statement on its last line (`; x = 1`). */
  followed: boolean;
  lines: Lines;
}

const NAME = /[\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}_]/u;

/** Offset (UTF-16) of code point column `col` on the line starting at `from`. */
function columnOffset(text: string, from: number, col: number): number {
  let at = from;
  for (let c = 0; c < col && at < text.length; c++) at += (text.codePointAt(at) ?? 0) > 0xffff ? 2 : 1;
  return at;
}

type Tok = { kind: "name" | "op" | "comment" | "nl"; text: string; start: number; end: number };

function* tokens(text: string, from: number): Generator<Tok> {
  let i = from;
  while (i < text.length) {
    const c = text[i]!;
    if (c === " " || c === "\t" || c === "\f") i++;
    else if (c === "\\" && /^\\(\r\n|\r|\n)/.test(text.slice(i, i + 3)))
      i += text[i + 1] === "\r" && text[i + 2] === "\n" ? 3 : 2;
    else if (c === "#") {
      const m = /[^\r\n]*/y;
      m.lastIndex = i;
      const end = i + m.exec(text)![0].length;
      yield { kind: "comment", text: text.slice(i, end), start: i, end };
      i = end;
    } else if (c === "\n" || c === "\r") {
      const end = c === "\r" && text[i + 1] === "\n" ? i + 2 : i + 1;
      yield { kind: "nl", text: text.slice(i, end), start: i, end };
      i = end;
    } else if (NAME.test(c)) {
      let end = i + 1;
      while (end < text.length && NAME.test(text[end]!)) end++;
      yield { kind: "name", text: text.slice(i, end), start: i, end };
      i = end;
    } else {
      yield { kind: "op", text: c, start: i, end: i + 1 };
      i++;
    }
  }
}

/** The `from` import that starts at 1-based `line`, 0-based code point `col`; null when there is none there. */
export function fromImportAt(text: string, line: number, col: number): FromImport | null {
  const lines = linesOf(text);
  const lineStart = lines.starts[line - 1];
  if (lineStart === undefined) return null;
  const start = columnOffset(text, lineStart, col);
  const it = tokens(text, start);
  const next = (): Tok | null => it.next().value ?? null;
  let t = next();
  if (t?.text !== "from") return null;
  let moduleStart = -1;
  let moduleEnd = -1;
  let module = "";
  for (t = next(); t && t.text !== "import"; t = next()) {
    if (t.kind === "comment" || t.kind === "nl") return null;
    if (moduleStart < 0) moduleStart = t.start;
    moduleEnd = t.end;
    module += t.text;
  }
  if (!t || moduleStart < 0) return null;
  const items: ImportItem[] = [];
  let depth = 0;
  let item: { parts: Tok[] } = { parts: [] };
  let end = text.length;
  let followed = false;
  const pending: Tok[][] = [];
  const close = () => {
    if (item.parts.length) pending.push(item.parts);
    item = { parts: [] };
  };
  for (t = next(); t; t = next()) {
    if (t.kind === "comment") continue;
    if (t.kind === "nl") {
      if (depth > 0) continue;
      end = t.end;
      break;
    }
    if (t.text === "(") depth++;
    else if (t.text === ")") depth--;
    else if (t.text === ",") close();
    else if (t.text === ";" && depth === 0) {
      followed = true;
      break;
    } else item.parts.push(t);
  }
  close();
  if (followed) {
    const m = /[^\r\n]*(\r\n|\r|\n)?/y;
    m.lastIndex = t!.start;
    end = t!.start + m.exec(text)![0].length;
  }
  for (const parts of pending) {
    const name = parts[0]!.text;
    const asname = parts.length === 3 && parts[1]!.text === "as" ? parts[2]!.text : null;
    if (parts.length !== 1 && asname === null) return null;
    const s = parts[0]!.start;
    const e = parts[parts.length - 1]!.end;
    items.push({ name, asname, start: s, end: e, ownLine: ownLine(lines, s, e) });
  }
  if (items.length === 0) return null;
  const indent = /^[ \t]*/.exec(text.slice(lineStart, start))![0];
  return { start, moduleStart, moduleEnd, module, items, afterLines: end, indent, followed, lines };
}

/** The item at [s, e) alone on its line: only whitespace before, only `,` and a comment after. */
function ownLine(lines: Lines, s: number, e: number): ImportItem["ownLine"] {
  const i = lines.starts.findLastIndex((x) => x <= s);
  const lineStart = lines.starts[i]!;
  const lineEnd = lines.starts[i + 1] ?? lines.text.length;
  if (lines.text.slice(lineStart, s).trim() !== "") return null;
  const rest = /^\s*,?\s*(#[^\r\n]*)?\s*$/.exec(lines.text.slice(e, lines.ends[i]));
  return rest ? { lineStart, lineEnd, comment: rest[1] ?? null } : null;
}

export const itemText = (name: string, asname: string | null): string => (asname ? `${name} as ${asname}` : name);
