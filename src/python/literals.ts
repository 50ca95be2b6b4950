// Values of plain string literals (the only strings facts carry): prefixes, triple quotes, escape sequences and
// raw strings as CPython reads them. Bytes and f-strings are not plain literals and give null.

export const STR_PLAIN = 0;
export const STR_BYTES = 1;
export const STR_FSTRING = 2;

/** Length of the prefix (letters before the quote) of a STRING token starting at `s`. */
export function prefixLength(src: string, s: number): number {
  let p = s;
  for (;;) {
    const c = src.charCodeAt(p);
    if (c === 34 || c === 39) return p - s;
    p++;
  }
}

/** STR_PLAIN, STR_BYTES or STR_FSTRING for the STRING token starting at `s`. */
export function stringKind(src: string, s: number): number {
  let p = s;
  let k = STR_PLAIN;
  for (;;) {
    const c = src.charCodeAt(p) | 32;
    if (c === 98) k = STR_BYTES;
    else if (c === 102) k = STR_FSTRING;
    else if (c !== 114 && c !== 117) return k;
    p++;
  }
}

const SIMPLE_ESCAPES: Record<number, string> = {
  10: "",
  92: "\\",
  39: "'",
  34: '"',
  97: "\x07",
  98: "\b",
  102: "\f",
  110: "\n",
  114: "\r",
  116: "\t",
  118: "\v",
};

/** The value of the plain (non-bytes, non-f) string token src[s..e). Newlines are normalised to \n as CPython reads files. */
export function stringValue(src: string, s: number, e: number): string {
  const pl = prefixLength(src, s);
  let raw = false;
  for (let i = s; i < s + pl; i++) if ((src.charCodeAt(i) | 32) === 114) raw = true;
  const q = s + pl;
  const quote = src.charCodeAt(q);
  const triple = src.charCodeAt(q + 1) === quote && src.charCodeAt(q + 2) === quote && e - q >= 6;
  const bodyStart = q + (triple ? 3 : 1);
  const bodyEnd = e - (triple ? 3 : 1);
  let body = src.slice(bodyStart, bodyEnd);
  if (body.indexOf("\r") !== -1) body = body.replace(/\r\n?/g, "\n");
  if (raw || body.indexOf("\\") === -1) return body;
  let out = "";
  let i = 0;
  const n = body.length;
  while (i < n) {
    const j = body.indexOf("\\", i);
    if (j === -1) {
      out += body.slice(i);
      break;
    }
    out += body.slice(i, j);
    const c = body.charCodeAt(j + 1);
    const simple = SIMPLE_ESCAPES[c];
    if (simple !== undefined) {
      out += simple;
      i = j + 2;
    } else if (c >= 48 && c <= 55) {
      let k = j + 1;
      let v = 0;
      while (k < n && k < j + 4 && body.charCodeAt(k) >= 48 && body.charCodeAt(k) <= 55) {
        v = v * 8 + body.charCodeAt(k) - 48;
        k++;
      }
      out += String.fromCodePoint(v);
      i = k;
    } else if (c === 120 || c === 117 || c === 85) {
      const len = c === 120 ? 2 : c === 117 ? 4 : 8;
      const v = Number.parseInt(body.slice(j + 2, j + 2 + len), 16);
      out += String.fromCodePoint(v);
      i = j + 2 + len;
    } else if (c === 78 && body.charCodeAt(j + 2) === 123) {
      // \N{NAME}: no Unicode name table in JS; keep the escape text (documented gap).
      const close = body.indexOf("}", j);
      out += body.slice(j, close + 1);
      i = close + 1;
    } else {
      out += "\\";
      i = j + 1;
    }
  }
  return out;
}
