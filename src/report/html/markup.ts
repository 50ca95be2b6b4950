// Building HTML where injection cannot happen by construction: the `html` tag escapes every interpolated value
// unless it is already markup (an `Html` made by this tag), so text from file names, statements and messages can
// never open an element or an attribute.

/** A piece of markup known to be safe (built by `html` or `raw`). */
export class Html {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text escaped for an element's content or a quoted attribute value. */
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);

/** Values an `html` template accepts: text (escaped), numbers, markup, lists of them; null/undefined/false vanish. */
export type Part = Html | string | number | null | undefined | false | readonly Part[];

function render(value: Part): string {
  if (value === null || value === undefined || value === false) return "";
  if (value instanceof Html) return value.text;
  if (Array.isArray(value)) return value.map(render).join("");
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: Part[]): Html {
  let out = strings[0]!;
  values.forEach((v, i) => {
    out += render(v) + strings[i + 1]!;
  });
  return new Html(out);
}

/** Markup written by remedy itself (the stylesheet, the script): never pass data here. */
export const raw = (text: string): Html => new Html(text);

/** Text whose `backticked` parts are code, as the findings' messages and suggestions write them. */
export function prose(text: string): Html {
  const parts = text.split("`");
  // An odd number of backticks: the last one is a character, not the start of code.
  if (parts.length % 2 === 0) {
    const last = parts.pop()!;
    parts[parts.length - 1] += `\`${last}`;
  }
  return new Html(
    parts.map((part, i) => (i % 2 === 1 ? `<code>${escapeHtml(part)}</code>` : escapeHtml(part))).join(""),
  );
}

export const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;
