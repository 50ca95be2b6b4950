// Markdown's small print: code spans that survive backticks in their text, table cells that survive pipes and
// newlines, and paths made relative so the same tree gives the same bytes wherever it lives.

/** `text` as a code span: the delimiter is one backtick longer than the longest run inside (CommonMark). */
export function code(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((r) => r.length));
  const fence = "`".repeat(longest + 1);
  const pad = text.startsWith("`") || text.endsWith("`") ? " " : "";
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** A table cell: pipes escaped (GitHub reads `\|` even inside code spans), newlines as spaces. */
export function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
}

/** A row of a Markdown table. */
export const row = (cells: (string | number)[]): string => `| ${cells.map((c) => cell(String(c))).join(" | ")} |`;

/** A table: header, alignment (`r` right-aligns a column of figures), rows. */
export function table(header: string[], align: string, rows: (string | number)[][]): string[] {
  const rule = header.map((_, i) => (align[i] === "r" ? "---:" : "---"));
  return [row(header), `| ${rule.join(" | ")} |`, ...rows.map(row)];
}

/** A fenced block that no line of `lines` can close early. */
export function fenced(lines: string[], info = ""): string[] {
  const longest = Math.max(2, ...lines.flatMap((l) => l.match(/`+/g) ?? []).map((r) => r.length));
  const fence = "`".repeat(longest + 1);
  return [`${fence}${info}`, ...lines, fence];
}

/** Absolute paths under the rootdir (pytest's messages name files absolutely) written relative to it. */
export function relativize(text: string, rootdir: string): string {
  const dir = rootdir.endsWith("/") ? rootdir.slice(0, -1) : rootdir;
  return text.split(`${dir}/`).join("").split(dir).join(".");
}

/** "a, b and c". */
export function listing(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}
