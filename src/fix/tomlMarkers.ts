// Where new marker strings go in a TOML config (pyproject.toml's `[tool.pytest.ini_options]` or pytest 9's
// `[tool.pytest]`, pytest.toml's `[pytest]`): into the `markers` array, one per line in a multi-line array (its
// indentation, a comma added after the last element when it has none), inline otherwise. Strings and comments are
// skipped while looking for the array's end.
import { afterLine, type Lines, lineText } from "./fixContext.ts";
import type { MarkerToRegister } from "./iniMarkers.ts";
import type { RangeEdit } from "./textEdit.ts";

const tableName = (s: string): string | null => {
  const m = /^\s*\[\s*([^[\]]+?)\s*\]\s*(#.*)?$/.exec(s);
  return m ? m[1]!.replace(/\s*\.\s*/g, ".").replace(/"([^".]*)"/g, "$1") : null;
};

/** Index of the `]` closing the array opened at `open`, skipping strings and comments; -1 when unclosed. Also the
 *  end of the last value character before it (a string, a comma, or `[`). */
function arrayEnd(text: string, open: number): { close: number; lastValue: number } {
  let depth = 0;
  let lastValue = open;
  for (let i = open; i < text.length; i++) {
    const c = text[i]!;
    if (c === "#") {
      while (i < text.length && text[i] !== "\n") i++;
      continue;
    }
    if (c === '"' || c === "'") {
      const triple = text.startsWith(c.repeat(3), i);
      const q = triple ? c.repeat(3) : c;
      let j = i + q.length;
      while (j < text.length && !text.startsWith(q, j)) j += c === '"' && text[j] === "\\" ? 2 : 1;
      i = j + q.length - 1;
      lastValue = i;
      continue;
    }
    if (c === "[") depth++;
    else if (c === "]" && --depth === 0) return { close: i, lastValue };
    if (!/\s/.test(c)) lastValue = i;
  }
  return { close: -1, lastValue };
}

/** The edits that register `entries` in the first of `tables` the file has (or a new first table), or why not. */
export function tomlMarkerEdit(l: Lines, tables: string[], entries: MarkerToRegister[]): RangeEdit[] | string {
  const n = l.starts.length;
  const quoted = entries.map((e) => JSON.stringify(`${e.name}: ${e.description}`));
  const at = tables.map((t) => Array.from({ length: n }, (_, i) => i).find((i) => tableName(lineText(l, i)) === t));
  const which = at.findIndex((i) => i !== undefined);
  const arrayText = (indent: string) =>
    `markers = [${l.eol}${quoted.map((q) => `${indent}${q},${l.eol}`).join("")}]${l.eol}`;
  if (which < 0) {
    const end = l.text.length;
    const sep = end === 0 ? "" : /(\r\n|\r|\n)$/.test(l.text) ? l.eol : l.eol + l.eol;
    return [{ start: end, end, text: `${sep}[${tables[0]}]${l.eol}${arrayText("    ")}` }];
  }
  const head = at[which]!;
  let last = head;
  let key = -1;
  for (let i = head + 1; i < n; i++) {
    const s = lineText(l, i);
    if (/^\s*\[/.test(s) && tableName(s) !== null) break;
    if (s.trim() === "" || /^\s*#/.test(s)) continue;
    last = i;
    if (key < 0 && /^\s*markers\s*=/.test(s)) key = i;
  }
  if (key < 0) {
    // The table's last line may be inside a multi-line value: insert after the value's end, found from its line.
    const { at: pos, lead } = afterLine(l, last);
    return [{ start: pos, end: pos, text: `${lead}${arrayText("    ")}` }];
  }
  const eq = l.text.indexOf("=", l.starts[key]!);
  const open = l.text.slice(eq + 1).search(/\S/) + eq + 1;
  if (l.text[open] !== "[") return "`markers` is not an array literal";
  const { close, lastValue } = arrayEnd(l.text, open);
  if (close < 0) return "the `markers` array is not closed";
  const lineOf = (pos: number) => l.starts.findLastIndex((s) => s <= pos);
  const closeLine = lineOf(close);
  const empty = lastValue === open;
  const comma = !empty && l.text[lastValue] !== "," ? [{ start: lastValue + 1, end: lastValue + 1, text: "," }] : [];
  if (lineText(l, closeLine).trimStart().startsWith("]") && closeLine !== lineOf(open)) {
    const valueLine = lineOf(lastValue);
    const indent = empty
      ? `${/^\s*/.exec(lineText(l, closeLine))![0]}    `
      : valueLine === lineOf(open)
        ? "    "
        : /^\s*/.exec(lineText(l, valueLine))![0];
    const pos = l.starts[closeLine]!;
    return [...comma, { start: pos, end: pos, text: quoted.map((q) => `${indent}${q},${l.eol}`).join("") }];
  }
  const prefix = empty ? "" : l.text[lastValue] === "," ? " " : ", ";
  return [{ start: lastValue + 1, end: lastValue + 1, text: prefix + quoted.join(", ") }];
}
