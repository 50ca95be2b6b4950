// Whether a command-line option a plugin registers takes a value, read from the text of its addoption(...) call:
// pytest's parser consumes the next token for `-n 4`, so remedy must know not to take "4" for a test path.
const FLAG_ACTIONS = new Set(["store_true", "store_false", "count", "store_const", "append_const", "help", "version"]);
const VALUE_ACTIONS = new Set(["store", "append", "extend"]);

/** The source of the call starting at 1-based `line`, 0-based code-point `col`, up to its closing parenthesis. */
function callText(source: string, line: number, col: number): string | null {
  const lines = source.split("\n");
  let offset = 0;
  for (let i = 0; i < line - 1 && i < lines.length; i++) offset += (lines[i]?.length ?? 0) + 1;
  offset += Array.from(lines[line - 1] ?? "")
    .slice(0, col)
    .join("").length;
  const open = source.indexOf("(", offset);
  if (open < 0) return null;
  let depth = 0;
  let quote: string | null = null;
  for (let i = open; i < source.length; i++) {
    const c = source[i];
    if (quote) {
      if (c === "\\") i++;
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === "(" || c === "[" || c === "{") depth++;
    else if (c === ")" || c === "]" || c === "}") {
      depth--;
      if (depth === 0) return source.slice(open, i + 1);
    }
  }
  return null;
}

/** true: takes a value; false: a flag; null: a custom action remedy cannot read. */
export function optionTakesValue(source: string, line: number, col: number): boolean | null {
  const call = callText(source, line, col);
  if (call === null) return null;
  if (/\bnargs\s*=\s*0\b/.test(call)) return false;
  const action = /\baction\s*=\s*(?:["'](\w+)["']|(\w[\w.]*))/.exec(call);
  if (!action) return true;
  if (action[1]) return FLAG_ACTIONS.has(action[1]) ? false : VALUE_ACTIONS.has(action[1]) ? true : null;
  return null;
}
