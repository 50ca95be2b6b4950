// Source text for what the facts do not carry (chain steps, module `__getattr__` bodies, import-hook and six.moves
// detection), read once per file per session and only when a failure or a heuristic needs it.
import { readFileSync } from "node:fs";

export class SourceLines {
  private readonly texts = new Map<string, string | null>();
  private readonly files = new Map<string, string[]>();

  /** The whole file; null when it cannot be read. */
  text(file: string): string | null {
    let text = this.texts.get(file);
    if (text === undefined) {
      try {
        text = readFileSync(file, "utf8");
      } catch {
        text = null;
      }
      this.texts.set(file, text);
    }
    return text;
  }

  /** The line as written, trimmed; "" when the file cannot be read. */
  line(file: string, line: number): string {
    let lines = this.files.get(file);
    if (!lines) {
      lines = this.text(file)?.split(/\r\n|\r|\n/) ?? [];
      this.files.set(file, lines);
    }
    return (lines[line - 1] ?? "").replace(/^\uFEFF/, "").trim();
  }

  /** The text of the call `name(...)` that starts on `line`, up to its closing parenthesis (at most 20 lines
   *  on; parentheses inside strings are not told apart): the arguments of a call written over several lines. */
  callText(file: string, line: number, name: string): string {
    let text = "";
    for (let l = line; l < line + 20; l++) text += `${this.line(file, l)}\n`;
    const at = text.search(new RegExp(`\\b${name}\\s*\\(`));
    if (at < 0) return "";
    let depth = 0;
    for (let i = text.indexOf("(", at); i < text.length; i++) {
      if (text[i] === "(") depth++;
      else if (text[i] === ")" && --depth === 0) return text.slice(at, i + 1);
    }
    return text.slice(at);
  }
}

/** Adds to `into` the name each match of `pattern` (global, with the name in its first group or else its last)
 *  finds in `file`, read as latin-1 (identifiers the patterns look for are ASCII); an unreadable file adds nothing.
 *  For the text checks no facts answer: attributes stored (`x.name = ...`) and names in string literals. */
export function addMatchedNames(file: string, pattern: RegExp, into: Set<string>): void {
  let text: string;
  try {
    text = readFileSync(file, "latin1");
  } catch {
    return;
  }
  for (const m of text.matchAll(pattern)) into.add((m[1] ?? m[m.length - 1]) as string);
}

/** The lines of the block a header line opens (a `def`'s body): those after `lines[at]` up to the first non-blank
 *  line indented no deeper than the header, each with its newline. */
export function blockBelow(lines: readonly string[], at: number): string {
  const indent = (lines[at] ?? "").search(/\S/);
  let body = "";
  for (let i = at + 1; i < lines.length; i++) {
    const l = lines[i] as string;
    if (l.trim() !== "" && l.search(/\S/) <= indent) break;
    body += `${l}\n`;
  }
  return body;
}
