// Python 3.11 tokenizer on char codes: NAME/keyword, NUMBER, STRING (f-strings are one token, as in 3.11), operators,
// NEWLINE/INDENT/DEDENT with bracket nesting and backslash continuation. Tokens live in reused typed arrays (no
// per-token objects); errors are recorded and tokenizing goes on, so a broken file still yields facts.
import * as tokenKinds_ from "./tokenKinds.ts";

// Local copies: module-namespace getters are slow in the hot loop under some loaders.
const {
  KEYWORDS,
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
}

const KEYWORD_BY_HASH = new Map<number, [string, number]>();
function kwHash(len: number, c0: number, c1: number, cl: number): number {
  return ((len * 131 + c0) * 131 + c1) * 131 + cl;
}
for (const [word, code] of Object.entries(KEYWORDS)) {
  KEYWORD_BY_HASH.set(kwHash(word.length, word.charCodeAt(0), word.charCodeAt(1), word.charCodeAt(word.length - 1)), [
    word,
    code,
  ]);
}

let shared: Tokens | null = null;

function grow<T extends Int32Array | Uint8Array>(a: T, n: number): T {
  const b = new (a.constructor as { new (n: number): T })(n);
  b.set(a);
  return b;
}

function isIdentStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c >= 128;
}
function isIdentChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || (c >= 48 && c <= 57) || c >= 128;
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

function newTokens(cap: number): Tokens {
  return {
    count: 0,
    kind: new Uint8Array(cap),
    start: new Int32Array(cap),
    end: new Int32Array(cap),
    line: new Int32Array(cap),
    lineStart: new Int32Array(cap),
    errors: [],
  };
}

/**
 * Tokenizes `src` (or src[from..to) when `nested`: an f-string replacement field, tokenized as if inside
 * parentheses, into fresh arrays; its lines are already in the main tokenization's lineStart).
 * The main tokenization's arrays are shared and overwritten by the next call.
 */
export function tokenize(src: string, from = 0, to = src.length, firstLine = 1, nested = false): Tokens {
  const n = to;
  let t: Tokens;
  if (nested) t = newTokens(to - from + 8);
  else {
    if (shared === null) shared = newTokens(n + 64);
    t = shared;
  }
  t.errors = [];
  let kind = t.kind;
  let start = t.start;
  let end = t.end;
  let tline = t.line;
  let lineStart = t.lineStart;
  let capacity = kind.length;
  let lsCap = lineStart.length;
  let count = 0;
  const indents: number[] = [0];
  let depth = nested ? 1 : 0;
  let line = firstLine;
  if (!nested) lineStart[1] = 0;
  let pos = from;
  let atLineStart = !nested;
  const brackets: number[] = [];

  const push = (k: number, s: number, e: number, l: number) => {
    if (count + 2 >= capacity) {
      capacity *= 2;
      kind = grow(kind, capacity);
      start = grow(start, capacity);
      end = grow(end, capacity);
      tline = grow(tline, capacity);
    }
    kind[count] = k;
    start[count] = s;
    end[count] = e;
    tline[count] = l;
    count++;
  };
  const newLine = (at: number) => {
    line++;
    if (nested) return;
    if (line + 1 >= lsCap) {
      lsCap *= 2;
      lineStart = grow(lineStart, lsCap);
    }
    lineStart[line] = at;
  };
  const error = (message: string, offset: number, l: number) => {
    t.errors.push({ message, offset, line: l });
  };

  while (pos < n) {
    let c = src.charCodeAt(pos);
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
      if (c === 35 || c === 10 || c === 13 || c === -1 || (c === 92 && depth === 0 && false)) {
        // Blank or comment-only line: no NEWLINE, no indentation change.
        if (c === 35) while (pos < n && (c = src.charCodeAt(pos)) !== 10 && c !== 13) pos++;
        if (pos < n) {
          if (c === 13 && src.charCodeAt(pos + 1) === 10) pos++;
          pos++;
          newLine(pos);
        }
        atLineStart = true;
        continue;
      }
      if (depth === 0) {
        const top = indents[indents.length - 1]!;
        if (col > top) {
          indents.push(col);
          push(T_INDENT, pos, pos, line);
        } else if (col < top) {
          while (indents.length > 1 && col < indents[indents.length - 1]!) {
            indents.pop();
            push(T_DEDENT, pos, pos, line);
          }
          if (col !== indents[indents.length - 1]!)
            error("unindent does not match any outer indentation level", pos, line);
        }
      }
      continue;
    }
    // Identifiers, keywords and prefixed strings.
    if (isIdentStart(c)) {
      const s = pos;
      pos++;
      while (pos < n && isIdentChar(src.charCodeAt(pos))) pos++;
      const q = pos < n ? src.charCodeAt(pos) : -1;
      if ((q === 34 || q === 39) && pos - s <= 2 && isStringPrefix(src, s, pos)) {
        pos = scanString(src, pos, s);
        continue;
      }
      const len = pos - s;
      let k = T_NAME;
      if (len >= 2 && len <= 8) {
        const hit = KEYWORD_BY_HASH.get(kwHash(len, c, src.charCodeAt(s + 1), src.charCodeAt(pos - 1)));
        if (hit !== undefined && src.startsWith(hit[0], s)) k = hit[1];
      }
      push(k, s, pos, line);
      continue;
    }
    switch (c) {
      case 32:
      case 9:
      case 12:
        pos++;
        continue;
      case 35:
        while (pos < n && (c = src.charCodeAt(pos)) !== 10 && c !== 13) pos++;
        continue;
      case 10:
      case 13: {
        const s = pos;
        if (c === 13 && src.charCodeAt(pos + 1) === 10) pos++;
        pos++;
        if (depth === 0) {
          push(T_NEWLINE, s, pos, line);
          atLineStart = true;
        }
        newLine(pos);
        continue;
      }
      case 92: {
        // Backslash continuation joins the next physical line.
        const d = src.charCodeAt(pos + 1);
        if (d === 10 || d === 13) {
          pos += d === 13 && src.charCodeAt(pos + 2) === 10 ? 3 : 2;
          newLine(pos);
          if (pos >= n) error("unexpected EOF while parsing", pos, line);
        } else {
          error("unexpected character after line continuation character", pos, line);
          pos++;
        }
        continue;
      }
      case 34:
      case 39:
        pos = scanString(src, pos, pos);
        continue;
    }
    if ((c >= 48 && c <= 57) || (c === 46 && isDigit(src.charCodeAt(pos + 1)))) {
      const s = pos;
      pos = scanNumber(src, pos);
      push(T_NUMBER, s, pos, line);
      continue;
    }
    // Operators.
    const s = pos;
    const c1 = pos + 1 < n ? src.charCodeAt(pos + 1) : -1;
    const c2 = pos + 2 < n ? src.charCodeAt(pos + 2) : -1;
    let k = T_ERROR;
    let len = 1;
    switch (c) {
      case 40:
      case 91:
      case 123:
        k = c === 40 ? T_LPAR : c === 91 ? T_LSQB : T_LBRACE;
        depth++;
        brackets.push(c);
        break;
      case 41:
      case 93:
      case 125: {
        k = c === 41 ? T_RPAR : c === 93 ? T_RSQB : T_RBRACE;
        if (depth === (nested ? 1 : 0)) error(`unmatched '${String.fromCharCode(c)}'`, pos, line);
        else {
          const open = brackets.pop()!;
          depth--;
          if ((open === 40 ? 41 : open + 2) !== c)
            error(`closing parenthesis '${String.fromCharCode(c)}' does not match opening parenthesis`, pos, line);
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
        if (c1 === 46 && c2 === 46) {
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
          if (c2 === 61) {
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
          if (c2 === 61) {
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
          if (c2 === 61) {
            k = T_AUGASSIGN;
            len = 3;
          } else {
            k = T_BINOP;
            len = 2;
          }
        } else if (c1 === 61 || (c === 60 && c1 === 62)) {
          k = T_COMPARE;
          len = 2;
          if (c1 === 62) error("invalid syntax", pos, line);
        } else k = T_COMPARE;
        break;
      case 33:
        if (c1 === 61) {
          k = T_COMPARE;
          len = 2;
        }
        break;
    }
    if (k === T_ERROR) error(`invalid character '${String.fromCodePoint(src.codePointAt(pos)!)}'`, pos, line);
    pos += len;
    push(k, s, pos, line);
  }
  // The final NEWLINE (when the last line has no line break), DEDENTs and ENDMARKER.
  if (depth > (nested ? 1 : 0))
    error(`'${String.fromCharCode(brackets[brackets.length - 1]!)}' was never closed`, n, line);
  if (!nested && count > 0 && kind[count - 1] !== T_NEWLINE && kind[count - 1] !== T_DEDENT)
    push(T_NEWLINE, n, n, line);
  while (indents.length > 1) {
    indents.pop();
    push(T_DEDENT, n, n, line);
  }
  push(T_END, n, n, line);
  kind[count] = T_END;
  start[count] = n;
  end[count] = n;
  tline[count] = line;
  t.kind = kind;
  t.start = start;
  t.end = end;
  t.line = tline;
  t.lineStart = lineStart;
  t.count = count;
  return t;

  function scanString(src: string, q: number, s: number): number {
    const quote = src.charCodeAt(q);
    const startLine = line;
    let p = q + 1;
    const triple = src.charCodeAt(p) === quote && src.charCodeAt(p + 1) === quote;
    if (triple) {
      p += 2;
      for (;;) {
        if (p >= n) {
          error("unterminated triple-quoted string literal", s, startLine);
          break;
        }
        const ch = src.charCodeAt(p);
        if (ch === quote && src.charCodeAt(p + 1) === quote && src.charCodeAt(p + 2) === quote) {
          p += 3;
          break;
        }
        if (ch === 92) {
          p++;
          const d = src.charCodeAt(p);
          if (d === 13 && src.charCodeAt(p + 1) === 10) p++;
          if (d === 10 || d === 13) newLine(p + 1);
          p++;
          continue;
        }
        if (ch === 10 || ch === 13) {
          if (ch === 13 && src.charCodeAt(p + 1) === 10) p++;
          newLine(p + 1);
        }
        p++;
      }
    } else {
      for (;;) {
        if (p >= n) {
          error("unterminated string literal", s, startLine);
          break;
        }
        const ch = src.charCodeAt(p);
        if (ch === quote) {
          p++;
          break;
        }
        if (ch === 10 || ch === 13) {
          error("unterminated string literal", s, startLine);
          break;
        }
        if (ch === 92) {
          p++;
          const d = src.charCodeAt(p);
          if (d === 13 && src.charCodeAt(p + 1) === 10) p++;
          if (d === 10 || d === 13) newLine(p + 1);
          p++;
          continue;
        }
        p++;
      }
    }
    push(T_STRING, s, p > n ? n : p, startLine);
    return p > n ? n : p;
  }
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function scanNumber(src: string, p: number): number {
  const n = src.length;
  let c = src.charCodeAt(p);
  if (c === 48) {
    const x = src.charCodeAt(p + 1) | 32;
    if (x === 120 || x === 111 || x === 98) {
      p += 2;
      while (p < n && (isIdentChar((c = src.charCodeAt(p))) || c === 95)) {
        // hex digits and underscores; stop at letters that cannot be digits (keywords glued on: 0x1for)
        const l = c | 32;
        if (!(isDigit(c) || c === 95 || (x === 120 && l >= 97 && l <= 102))) break;
        p++;
      }
      return p;
    }
  }
  while (p < n && (isDigit((c = src.charCodeAt(p))) || c === 95)) p++;
  if (c === 46) {
    p++;
    while (p < n && (isDigit((c = src.charCodeAt(p))) || c === 95)) p++;
  }
  if ((c | 32) === 101) {
    const d = src.charCodeAt(p + 1);
    if (isDigit(d) || ((d === 43 || d === 45) && isDigit(src.charCodeAt(p + 2)))) {
      p += 2;
      while (p < n && (isDigit((c = src.charCodeAt(p))) || c === 95)) p++;
    }
  }
  if ((c | 32) === 106) p++;
  return p;
}
