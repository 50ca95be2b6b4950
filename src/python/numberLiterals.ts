// Number literals and character classes: where a number token ends, and why CPython would reject it (`0x`, `1_`,
// `09`, `0o8`, `1abc`); checked on characters so ordinary numbers cost almost nothing.

/** Character classes of ASCII codes: identifier characters (digits included) and identifier starts. */
export const C_IDENT = 2;
export const C_DIGIT = 3;
export const CHAR_CLASS = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95) CHAR_CLASS[c] = C_IDENT;
  else if (c >= 48 && c <= 57) CHAR_CLASS[c] = C_DIGIT;
}

/** Keywords that may follow a number without a space (`1if x else 2`), as CPython 3.11 still allows. */
const GLUED_KEYWORDS = ["and", "else", "for", "if", "in", "is", "not", "or"];

/** Why the number literal src[s..e) is invalid, or null. Checked on characters, cheap for ordinary numbers. */
export function numberProblem(src: string, s: number, e: number, n: number): string | null {
  const next = e < n ? src.charCodeAt(e) : -1;
  if (next >= 0 && (next >= 128 || CHAR_CLASS[next]! >= C_IDENT || next === 46)) {
    // A letter (or second dot) right after the literal: only a few keywords may be glued on.
    if (next === 46) return null;
    let ok = false;
    for (const kw of GLUED_KEYWORDS) if (src.startsWith(kw, e)) ok = true;
    if (!ok) return "invalid decimal literal";
  }
  const c0 = src.charCodeAt(s);
  const c1 = src.charCodeAt(s + 1) | 32;
  const last = src.charCodeAt(e - 1);
  if (last === 95) return "invalid decimal literal";
  for (let p = s; p + 1 < e; p++)
    if (src.charCodeAt(p) === 95 && src.charCodeAt(p + 1) === 95) return "invalid decimal literal";
  if (c0 === 48 && e - s >= 2) {
    if (c1 === 120 || c1 === 111 || c1 === 98) {
      if (e - s === 2 || (e - s === 3 && src.charCodeAt(s + 2) === 95)) return "invalid number literal";
      if (c1 !== 120) {
        const max = c1 === 111 ? 55 : 49;
        for (let p = s + 2; p < e; p++) {
          const d = src.charCodeAt(p);
          if (d !== 95 && d > max) return "invalid digit in number literal";
        }
        const after = e < n ? src.charCodeAt(e) : -1;
        if (after >= 48 && after <= 57) return "invalid digit in number literal";
      }
      return null;
    }
    // A decimal integer other than zero may not start with 0 (floats and imaginaries may).
    let zeros = true;
    let intOnly = true;
    for (let p = s; p < e; p++) {
      const d = src.charCodeAt(p);
      if (d === 46 || (d | 32) === 101 || (d | 32) === 106) intOnly = false;
      else if (d !== 48 && d !== 95) zeros = false;
    }
    if (intOnly && !zeros) return "leading zeros in decimal integer literals are not permitted";
  }
  return null;
}

export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

export function scanNumber(src: string, p: number): number {
  const n = src.length;
  let c = src.charCodeAt(p);
  if (c === 48) {
    const x = src.charCodeAt(p + 1) | 32;
    if (x === 120 || x === 111 || x === 98) {
      p += 2;
      while (p < n) {
        c = src.charCodeAt(p);
        // Digits and underscores; stop at letters that cannot be digits (a keyword glued on: 0x1for).
        const l = c | 32;
        if (!(isDigit(c) || c === 95 || (x === 120 && l >= 97 && l <= 102))) break;
        p++;
      }
      return p;
    }
  }
  p = skipDigits(src, p);
  c = src.charCodeAt(p);
  if (c === 46) {
    p = skipDigits(src, p + 1);
    c = src.charCodeAt(p);
  }
  if ((c | 32) === 101) {
    const d = src.charCodeAt(p + 1);
    if (isDigit(d) || ((d === 43 || d === 45) && isDigit(src.charCodeAt(p + 2)))) {
      p = skipDigits(src, p + 2);
      c = src.charCodeAt(p);
    }
  }
  if ((c | 32) === 106) p++;
  return p;
}

function skipDigits(src: string, p: number): number {
  const n = src.length;
  while (p < n) {
    const c = src.charCodeAt(p);
    if (!(isDigit(c) || c === 95)) break;
    p++;
  }
  return p;
}
