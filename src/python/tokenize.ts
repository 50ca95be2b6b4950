// Python 3.11 tokenizer on char codes: NAME/keyword, NUMBER, STRING (f-strings are one token, as in 3.11), operators,
// NEWLINE/INDENT/DEDENT with bracket nesting and backslash continuation. Tokens live in reused typed arrays (no
// per-token objects); errors are recorded and tokenizing goes on, so a broken file still yields facts.
import * as keywords_ from "./keywords.ts";
import * as numberLiterals_ from "./numberLiterals.ts";
import * as tokenKinds_ from "./tokenKinds.ts";

// Local copies: module-namespace getters are slow in the hot loop under some loaders.
const { keyword } = keywords_;
const { CHAR_CLASS, C_IDENT, isDigit, numberProblem, scanNumber } = numberLiterals_;
const {
  T_ARROW,
  T_AT,
  T_AUGASSIGN,
  T_BINOP,
  T_COLON,
  T_COMMA,
  T_COMPARE,
  T_DEDENT,
  T_DOT,
  T_DSTAR,
  T_ELLIPSIS,
  T_END,
  T_EQUAL,
  T_ERROR,
  T_INDENT,
  T_LBRACE,
  T_LPAR,
  T_LSQB,
  T_MINUS,
  T_NAME,
  T_NEWLINE,
  T_NUMBER,
  T_PLUS,
  T_RBRACE,
  T_RPAR,
  T_RSQB,
  T_SEMI,
  T_SLASH,
  T_STAR,
  T_STRING,
  T_TILDE,
  T_VBAR,
  T_WALRUS,
} = tokenKinds_;

export interface Tokens {
  count: number;
  kind: Uint8Array;
  start: Int32Array;
  end: Int32Array;
  /** 1-based line of the token's first character. */
  line: Int32Array;
  /** Offset (UTF-16 index) where each 1-based line starts. */
  lineStart: Int32Array;
  errors: { message: string; offset: number; line: number }[];
  /** Some identifier has non-ASCII characters: names must then be NFKC-normalised and checked (PEP 3131). */
  nonAsciiNames: boolean;
}

let shared: Tokens | null = null;

function grow<T extends Int32Array | Uint8Array>(a: T, n: number): T {
  const b = new (a.constructor as { new (n: number): T })(n);
  b.set(a);
  return b;
}

/** True when src[s..e) (letters only) is a valid string prefix: r u b f br rb fr rf in any case. */
function isStringPrefix(src: string, s: number, e: number): boolean {
  const n = e - s;
  if (n === 1) {
    const c = src.charCodeAt(s) | 32;
    return c === 114 || c === 117 || c === 98 || c === 102;
  }
  if (n === 2) {
    const a = src.charCodeAt(s) | 32;
    const b = src.charCodeAt(s + 1) | 32;
    return (a === 114 && (b === 98 || b === 102)) || (b === 114 && (a === 98 || a === 102));
  }
  return false;
}

/**
 * CPython's complaint about an escape in the string token src[s..e) whose quote is at q (`\x`, `\u`, `\U` with too
 * few hex digits or beyond U+10FFFF, `\N` without a braced name), or null. Raw strings have no escapes; bytes have
 * no `\u`, `\U` or `\N`.
 */
function escapeProblem(src: string, s: number, q: number, e: number): string | null {
  let bytes = false;
  for (let p = s; p < q; p++) {
    const c = src.charCodeAt(p) | 32;
    if (c === 114) return null;
    if (c === 98) bytes = true;
  }
  for (let p = q; p < e; p++) {
    if (src.charCodeAt(p) !== 92) continue;
    const d = src.charCodeAt(p + 1);
    const digits = d === 120 ? 2 : bytes ? 0 : d === 117 ? 4 : d === 85 ? 8 : 0;
    if (digits > 0) {
      let v = 0;
      for (let k = 0; k < digits; k++) {
        const h = src.charCodeAt(p + 2 + k);
        const x = h >= 48 && h <= 57 ? h - 48 : (h | 32) >= 97 && (h | 32) <= 102 ? (h | 32) - 87 : -1;
        if (x < 0) return `(unicode error) truncated \\${String.fromCharCode(d)} escape`;
        v = v * 16 + x;
      }
      if (v > 0x10ffff) return "(unicode error) illegal Unicode character";
      p += 1 + digits;
    } else if (d === 78 && !bytes) {
      const close = src.indexOf("}", p);
      if (src.charCodeAt(p + 2) !== 123 || close < 0 || close > e || close === p + 3)
        return "(unicode error) malformed \\N character escape";
      p = close;
    } else p++;
  }
  return null;
}

function newTokens(cap: number): Tokens {
  return {
    count: 0,
    kind: new Uint8Array(cap),
    start: new Int32Array(cap),
    end: new Int32Array(cap),
    line: new Int32Array(cap),
    lineStart: new Int32Array(cap),
    errors: [],
    nonAsciiNames: false,
  };
}

/**
 * Tokenizes `src` (or src[from..to) when `nested`: an f-string replacement field, tokenized as if inside
 * parentheses, into fresh arrays; its lines are already in the main tokenization's lineStart).
 * The main tokenization's arrays are shared and overwritten by the next call. One flat loop with local state:
 * this is the hottest code of remedy.
 */
export function tokenize(
  src: string,
  from = 0,
  to = src.length,
  firstLine = 1,
  nested = false,
  reuse: Tokens | null = null,
): Tokens {
  const n = to;
  let t: Tokens;
  if (nested) t = reuse !== null && reuse.kind.length >= to - from + 8 ? reuse : newTokens(to - from + 64);
  else {
    if (shared === null) shared = newTokens(n + 64);
    t = shared;
  }
  const errors: { message: string; offset: number; line: number }[] = [];
  t.errors = errors;
  let nonAscii = false;
  let kind = t.kind;
  let start = t.start;
  let end = t.end;
  let tline = t.line;
  let lineStart = t.lineStart;
  let cap = kind.length;
  let lsCap = lineStart.length;
  let count = 0;
  const indents: number[] = [0];
  let depth = nested ? 1 : 0;
  let line = firstLine;
  if (!nested) lineStart[1] = 0;
  let pos = from;
  let atLineStart = !nested;
  const noCR = src.indexOf("\r", from) === -1;
  // Next backslash at or after the last place asked (positions only grow, so the searches stay linear).
  let nextBackslash = -1;
  const brackets: number[] = [];
  let c = 0;

  while (pos < n) {
    if (count + 8 >= cap) {
      cap *= 2;
      kind = grow(kind, cap);
      start = grow(start, cap);
      end = grow(end, cap);
      tline = grow(tline, cap);
    }
    if (line + 2 >= lsCap) {
      lsCap *= 2;
      lineStart = grow(lineStart, lsCap);
    }
    c = src.charCodeAt(pos);
    if (atLineStart) {
      atLineStart = false;
      let col = 0;
      let p = pos;
      for (;;) {
        c = p < n ? src.charCodeAt(p) : -1;
        if (c === 32) col++;
        else if (c === 9) col = ((col >> 3) + 1) << 3;
        else if (c === 12) col = 0;
        else break;
        p++;
      }
      pos = p;
      if (c === 35 || c === 10 || c === 13 || c === -1) {
        // Blank or comment-only line: no NEWLINE, no indentation change.
        if (c === 35) {
          pos = commentEnd(src, pos, n, noCR);
          c = pos < n ? src.charCodeAt(pos) : -1;
        }
        if (pos < n) {
          if (c === 13 && src.charCodeAt(pos + 1) === 10) pos++;
          pos++;
          line++;
          if (!nested) lineStart[line] = pos;
        }
        atLineStart = true;
        continue;
      }
      const top = indents[indents.length - 1]!;
      if (col > top) {
        indents.push(col);
        if (indents.length > MAX_INDENT) errors.push({ message: "too many levels of indentation", offset: pos, line });
        kind[count] = T_INDENT;
        start[count] = pos;
        end[count] = pos;
        tline[count++] = line;
      } else if (col < top) {
        while (indents.length > 1 && col < indents[indents.length - 1]!) {
          indents.pop();
          if (count + 8 >= cap) {
            cap *= 2;
            kind = grow(kind, cap);
            start = grow(start, cap);
            end = grow(end, cap);
            tline = grow(tline, cap);
          }
          kind[count] = T_DEDENT;
          start[count] = pos;
          end[count] = pos;
          tline[count++] = line;
        }
        if (col !== indents[indents.length - 1]!)
          errors.push({ message: "unindent does not match any outer indentation level", offset: pos, line });
      }
      continue;
    }
    // Identifiers and keywords (and string prefixes).
    let strStart = -1;
    if (c >= 128 || CHAR_CLASS[c] === C_IDENT) {
      const s = pos;
      pos++;
      if (c >= 128) nonAscii = true;
      while (pos < n) {
        c = src.charCodeAt(pos);
        if (c < 128) {
          if (CHAR_CLASS[c]! >= C_IDENT) pos++;
          else break;
        } else {
          nonAscii = true;
          pos++;
        }
      }
      const len = pos - s;
      if ((c === 34 || c === 39) && len <= 2 && pos < n && isStringPrefix(src, s, pos)) strStart = s;
      else {
        kind[count] = len >= 2 && len <= 8 ? keyword(src, s, len) : T_NAME;
        start[count] = s;
        end[count] = pos;
        tline[count++] = line;
        continue;
      }
    } else if (c === 34 || c === 39) strStart = pos;
    if (strStart >= 0) {
      // A string: pos is at its opening quote.
      const quote = c;
      const startLine = line;
      let p = pos + 1;
      let sawEscape = false;
      if (src.charCodeAt(p) === quote && src.charCodeAt(p + 1) === quote) {
        p += 2;
        // Fast path for the common docstring: no backslash before the closing quotes, \n line ends only.
        const close = src.indexOf(quote === 34 ? '"""' : "'''", p);
        if (noCR && close >= 0 && close + 3 <= n) {
          if (nextBackslash < p) {
            nextBackslash = src.indexOf("\\", p);
            if (nextBackslash < 0) nextBackslash = n;
          }
          if (nextBackslash > close) {
            let nl = src.indexOf("\n", p);
            while (nl >= 0 && nl < close) {
              line++;
              if (line + 2 >= lsCap) {
                lsCap *= 2;
                lineStart = grow(lineStart, lsCap);
              }
              if (!nested) lineStart[line] = nl + 1;
              nl = src.indexOf("\n", nl + 1);
            }
            p = close + 3;
            kind[count] = T_STRING;
            start[count] = strStart;
            end[count] = p;
            tline[count++] = startLine;
            pos = p;
            continue;
          }
        }
        for (;;) {
          if (p >= n) {
            errors.push({ message: "unterminated triple-quoted string literal", offset: strStart, line: startLine });
            p = n;
            break;
          }
          const ch = src.charCodeAt(p);
          if (ch === quote) {
            if (src.charCodeAt(p + 1) === quote && src.charCodeAt(p + 2) === quote) {
              p += 3;
              break;
            }
          } else if (ch === 92) {
            sawEscape = true;
            p++;
            const d = src.charCodeAt(p);
            if (d === 10 || d === 13) {
              if (d === 13 && src.charCodeAt(p + 1) === 10) p++;
              line++;
              if (line + 2 >= lsCap) {
                lsCap *= 2;
                lineStart = grow(lineStart, lsCap);
              }
              if (!nested) lineStart[line] = p + 1;
            }
          } else if (ch === 10 || ch === 13) {
            if (ch === 13 && src.charCodeAt(p + 1) === 10) p++;
            line++;
            if (line + 2 >= lsCap) {
              lsCap *= 2;
              lineStart = grow(lineStart, lsCap);
            }
            if (!nested) lineStart[line] = p + 1;
          }
          p++;
        }
      } else {
        for (;;) {
          if (p >= n) {
            errors.push({ message: "unterminated string literal", offset: strStart, line: startLine });
            p = n;
            break;
          }
          const ch = src.charCodeAt(p);
          if (ch === quote) {
            p++;
            break;
          }
          if (ch === 10 || ch === 13) {
            errors.push({ message: "unterminated string literal", offset: strStart, line: startLine });
            break;
          }
          if (ch === 92) {
            sawEscape = true;
            p++;
            const d = src.charCodeAt(p);
            if (d === 10 || d === 13) {
              if (d === 13 && src.charCodeAt(p + 1) === 10) p++;
              line++;
              if (line + 2 >= lsCap) {
                lsCap *= 2;
                lineStart = grow(lineStart, lsCap);
              }
              if (!nested) lineStart[line] = p + 1;
            }
          }
          p++;
        }
      }
      if (p > n) p = n;
      // Escapes are only checked in strings that have a backslash (a raw prefix turns them off).
      if (sawEscape) {
        const bad = escapeProblem(src, strStart, pos, p);
        if (bad !== null) errors.push({ message: bad, offset: strStart, line: startLine });
      }
      kind[count] = T_STRING;
      start[count] = strStart;
      end[count] = p;
      tline[count++] = startLine;
      pos = p;
      continue;
    }
    if (c === 32 || c === 9 || c === 12) {
      pos++;
      while (pos < n && src.charCodeAt(pos) === 32) pos++;
      continue;
    }
    if (c === 10 || c === 13) {
      const s = pos;
      if (c === 13 && src.charCodeAt(pos + 1) === 10) pos++;
      pos++;
      if (depth === 0) {
        kind[count] = T_NEWLINE;
        start[count] = s;
        end[count] = pos;
        tline[count++] = line;
        atLineStart = true;
      }
      line++;
      if (!nested) lineStart[line] = pos;
      continue;
    }
    if (c === 35) {
      pos = commentEnd(src, pos, n, noCR);
      continue;
    }
    if (c === 92) {
      // Backslash continuation joins the next physical line.
      const d = src.charCodeAt(pos + 1);
      if (d === 10 || d === 13) {
        pos += d === 13 && src.charCodeAt(pos + 2) === 10 ? 3 : 2;
        line++;
        if (!nested) lineStart[line] = pos;
        if (pos >= n) errors.push({ message: "unexpected EOF while parsing", offset: pos, line });
      } else {
        errors.push({ message: "unexpected character after line continuation character", offset: pos, line });
        pos++;
      }
      continue;
    }
    if ((c >= 48 && c <= 57) || (c === 46 && isDigit(src.charCodeAt(pos + 1)))) {
      const s = pos;
      pos = scanNumber(src, pos);
      const bad = numberProblem(src, s, pos, n);
      if (bad !== null) errors.push({ message: bad, offset: s, line });
      kind[count] = T_NUMBER;
      start[count] = s;
      end[count] = pos;
      tline[count++] = line;
      continue;
    }
    // Operators.
    const s = pos;
    const c1 = pos + 1 < n ? src.charCodeAt(pos + 1) : -1;
    let k = T_ERROR;
    let len = 1;
    switch (c) {
      case 40:
        k = T_LPAR;
        if (++depth > MAX_NESTING) errors.push({ message: "too many nested parentheses", offset: pos, line });
        brackets.push(c);
        break;
      case 91:
        k = T_LSQB;
        if (++depth > MAX_NESTING) errors.push({ message: "too many nested parentheses", offset: pos, line });
        brackets.push(c);
        break;
      case 123:
        k = T_LBRACE;
        if (++depth > MAX_NESTING) errors.push({ message: "too many nested parentheses", offset: pos, line });
        brackets.push(c);
        break;
      case 41:
      case 93:
      case 125: {
        k = c === 41 ? T_RPAR : c === 93 ? T_RSQB : T_RBRACE;
        if (depth === (nested ? 1 : 0))
          errors.push({ message: `unmatched '${String.fromCharCode(c)}'`, offset: pos, line });
        else {
          const open = brackets.pop()!;
          depth--;
          if ((open === 40 ? 41 : open + 2) !== c)
            errors.push({
              message: `closing parenthesis '${String.fromCharCode(c)}' does not match opening parenthesis`,
              offset: pos,
              line,
            });
        }
        break;
      }
      case 58:
        if (c1 === 61) {
          k = T_WALRUS;
          len = 2;
        } else k = T_COLON;
        break;
      case 44:
        k = T_COMMA;
        break;
      case 59:
        k = T_SEMI;
        break;
      case 46:
        if (c1 === 46 && src.charCodeAt(pos + 2) === 46) {
          k = T_ELLIPSIS;
          len = 3;
        } else k = T_DOT;
        break;
      case 61:
        if (c1 === 61) {
          k = T_COMPARE;
          len = 2;
        } else k = T_EQUAL;
        break;
      case 42:
        if (c1 === 42) {
          if (src.charCodeAt(pos + 2) === 61) {
            k = T_AUGASSIGN;
            len = 3;
          } else {
            k = T_DSTAR;
            len = 2;
          }
        } else if (c1 === 61) {
          k = T_AUGASSIGN;
          len = 2;
        } else k = T_STAR;
        break;
      case 47:
        if (c1 === 47) {
          if (src.charCodeAt(pos + 2) === 61) {
            k = T_AUGASSIGN;
            len = 3;
          } else {
            k = T_BINOP;
            len = 2;
          }
        } else if (c1 === 61) {
          k = T_AUGASSIGN;
          len = 2;
        } else k = T_SLASH;
        break;
      case 64:
        if (c1 === 61) {
          k = T_AUGASSIGN;
          len = 2;
        } else k = T_AT;
        break;
      case 45:
        if (c1 === 62) {
          k = T_ARROW;
          len = 2;
        } else if (c1 === 61) {
          k = T_AUGASSIGN;
          len = 2;
        } else k = T_MINUS;
        break;
      case 43:
        if (c1 === 61) {
          k = T_AUGASSIGN;
          len = 2;
        } else k = T_PLUS;
        break;
      case 126:
        k = T_TILDE;
        break;
      case 124:
      case 37:
      case 38:
      case 94:
        if (c1 === 61) {
          k = T_AUGASSIGN;
          len = 2;
        } else k = c === 124 ? T_VBAR : T_BINOP;
        break;
      case 60:
      case 62:
        if (c1 === c) {
          if (src.charCodeAt(pos + 2) === 61) {
            k = T_AUGASSIGN;
            len = 3;
          } else {
            k = T_BINOP;
            len = 2;
          }
        } else if (c1 === 61 || (c === 60 && c1 === 62)) {
          k = T_COMPARE;
          len = 2;
          if (c1 === 62) errors.push({ message: "invalid syntax", offset: pos, line });
        } else k = T_COMPARE;
        break;
      case 33:
        if (c1 === 61) {
          k = T_COMPARE;
          len = 2;
        }
        break;
    }
    if (k === T_ERROR)
      errors.push({ message: `invalid character '${String.fromCodePoint(src.codePointAt(pos)!)}'`, offset: pos, line });
    pos += len;
    kind[count] = k;
    start[count] = s;
    end[count] = pos;
    tline[count++] = line;
  }
  // The final NEWLINE (when the last line has no line break), DEDENTs and ENDMARKER.
  if (depth > (nested ? 1 : 0))
    errors.push({
      message: `'${String.fromCharCode(brackets[brackets.length - 1]!)}' was never closed`,
      offset: n,
      line,
    });
  if (count + indents.length + 4 >= cap) {
    cap = count + indents.length + 8;
    kind = grow(kind, cap);
    start = grow(start, cap);
    end = grow(end, cap);
    tline = grow(tline, cap);
  }
  if (!nested && count > 0 && kind[count - 1] !== T_NEWLINE && kind[count - 1] !== T_DEDENT) {
    kind[count] = T_NEWLINE;
    start[count] = n;
    end[count] = n;
    tline[count++] = line;
  }
  while (indents.length > 1) {
    indents.pop();
    kind[count] = T_DEDENT;
    start[count] = n;
    end[count] = n;
    tline[count++] = line;
  }
  for (let j = 0; j < 2; j++) {
    kind[count + j] = T_END;
    start[count + j] = n;
    end[count + j] = n;
    tline[count + j] = line;
  }
  count++;
  t.kind = kind;
  t.start = start;
  t.end = end;
  t.line = tline;
  t.lineStart = lineStart;
  t.count = count;
  t.nonAsciiNames = nonAscii;
  return t;
}

/** CPython's tokenizer limits (MAXLEVEL, MAXINDENT): deeper files are rejected, which also bounds recursion here. */
const MAX_NESTING = 200;
const MAX_INDENT = 100;

/** Offset of the line break ending the comment at `p` (or n). */
function commentEnd(src: string, p: number, n: number, noCR: boolean): number {
  if (noCR) {
    const e = src.indexOf("\n", p);
    return e < 0 || e > n ? n : e;
  }
  while (p < n) {
    const c = src.charCodeAt(p);
    if (c === 10 || c === 13) break;
    p++;
  }
  return p;
}

const IDENTIFIER = /^[\p{XID_Start}_][\p{XID_Continue}]*$/u;

/** An identifier as CPython stores it (NFKC), or null when it is not a valid identifier. */
export function normalizeName(raw: string): string | null {
  const name = raw.normalize("NFKC");
  return IDENTIFIER.test(name) ? name : null;
}
