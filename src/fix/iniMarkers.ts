// Where new marker lines go in an ini-style config (pytest.ini, tox.ini, setup.cfg), read as iniconfig reads it:
// `[section]` headers and `key = value` / `key: value` lines at column 0, continuation lines indented, comment lines
// (`#` or `;` after any indentation) and blank lines skipped.
import { afterLine, type Lines, lineText } from "./fixContext.ts";
import type { RangeEdit } from "./textEdit.ts";

/** A marker the codemod adds to the config, written as the line `name: description` (discover's `MarkerEntry` is
 *  a marker already registered). */
export interface MarkerToRegister {
  name: string;
  description: string;
}

const isComment = (s: string) => /^\s*[#;]/.test(s);
const isBlank = (s: string) => s.trim() === "";

/** The insertion that registers `entries` under `markers` of `[section]`, or why it cannot. */
export function iniMarkerEdit(l: Lines, section: string, entries: MarkerToRegister[]): RangeEdit | string {
  const n = l.starts.length;
  const header = (i: number) => /^\[([^\]]*)\]/.exec(lineText(l, i))?.[1]?.trim() ?? null;
  let head = -1;
  for (let i = 0; i < n && head < 0; i++) if (header(i) === section) head = i;
  const body = (indent: string) => entries.map((e) => `${indent}${e.name}: ${e.description}${l.eol}`).join("");
  if (head < 0) {
    const end = l.text.length;
    const sep = end === 0 ? "" : /(\r\n|\r|\n)$/.test(l.text) ? l.eol : l.eol + l.eol;
    return { start: end, end, text: `${sep}[${section}]${l.eol}markers =${l.eol}${body("    ")}` };
  }
  let last = head; // last content line of the section
  let key = -1;
  for (let i = head + 1; i < n; i++) {
    const s = lineText(l, i);
    if (header(i) !== null) break;
    if (isBlank(s) || isComment(s)) continue;
    last = i;
    if (key < 0 && /^markers\s*[=:]/.test(s)) key = i;
  }
  if (key < 0) {
    const { at, lead } = afterLine(l, last);
    return { start: at, end: at, text: `${lead}markers =${l.eol}${body("    ")}` };
  }
  let end = key;
  let indent = "    ";
  for (let i = key + 1; i < n; i++) {
    const s = lineText(l, i);
    if (isBlank(s) || isComment(s)) continue;
    if (!/^\s/.test(s)) break;
    end = i;
    indent = /^\s*/.exec(s)![0];
  }
  const { at, lead } = afterLine(l, end);
  return { start: at, end: at, text: `${lead}${body(indent)}` };
}
