// f-strings (one STRING token in 3.11): their replacement fields and format specs are expressions evaluated where
// the string is, so each field is tokenized on its own and scanned like any expression; malformed fields are errors.
import type { ExprScanner } from "./expressions.ts";
import * as scanFlags_ from "./scanFlags.ts";
import type { Tokens } from "./tokenize.ts";
import * as tokenize_ from "./tokenize.ts";
import * as tokenKinds_ from "./tokenKinds.ts";

// Local copies: module-namespace getters are slow in the hot loop under some loaders.
const { tokenize } = tokenize_;
const { T_END } = tokenKinds_;
const { X_YIELD } = scanFlags_;

/** Token buffers for f-string replacement fields, one per nesting depth, shared by all files (used and done
 *  with before the next field at that depth). */
const FIELD_TOKENS: Tokens[] = [];

/** Scans the replacement fields of the f-string token `t` as expressions. */
export function scanFString(sc: ExprScanner, t: number): void {
  const src = sc.src;
  const s = sc.start[t]!;
  const e = sc.end[t]!;
  let p = s;
  let raw = false;
  for (;;) {
    const c = src.charCodeAt(p);
    if (c === 34 || c === 39) break;
    if ((c | 32) === 114) raw = true;
    p++;
  }
  const quote = src.charCodeAt(p);
  const qlen = src.charCodeAt(p + 1) === quote && src.charCodeAt(p + 2) === quote && e - p >= 6 ? 3 : 1;
  sc.fPos = s;
  sc.fLine = sc.tline[t]!;
  fields(sc, p + qlen, e - qlen, false, raw, s, sc.tline[t]!);
}

/** Literal text and `{...}` fields from p to e; in a format spec, stops at the closing `}`. */
export function fields(
  sc: ExprScanner,
  p: number,
  e: number,
  inSpec: boolean,
  raw: boolean,
  tokStart: number,
  tokLine: number,
): number {
  const src = sc.src;
  while (p < e) {
    const c = src.charCodeAt(p);
    if (c === 123) {
      if (!inSpec && src.charCodeAt(p + 1) === 123) {
        p += 2;
        continue;
      }
      const exprStart = p + 1;
      const exprEnd = fieldExprEnd(src, exprStart, e);
      subExpression(sc, exprStart, exprEnd, tokStart, tokLine);
      p = exprEnd;
      if (src.charCodeAt(p) === 61) p++;
      while (src.charCodeAt(p) === 32) p++;
      if (src.charCodeAt(p) === 33) {
        const conv = src.charCodeAt(p + 1);
        if (conv !== 114 && conv !== 115 && conv !== 97) fstringError(sc, tokStart, tokLine, "invalid conversion");
        p += 2;
      }
      if (src.charCodeAt(p) === 58) p = fields(sc, p + 1, e, true, raw, tokStart, tokLine);
      if (p >= e || src.charCodeAt(p) !== 125) {
        fstringError(sc, tokStart, tokLine, "expecting '}'");
        return e;
      }
      p++;
    } else if (c === 125) {
      if (inSpec) return p;
      if (src.charCodeAt(p + 1) !== 125) fstringError(sc, tokStart, tokLine, "single '}' is not allowed");
      p += 2;
    } else if (c === 92 && !raw) {
      // An escape; a backslash before a brace is only a backslash (the brace still opens a field).
      const d = src.charCodeAt(p + 1);
      if (d === 78 && src.charCodeAt(p + 2) === 123) {
        const close = src.indexOf("}", p);
        p = close < 0 ? e : close + 1;
      } else p += d === 123 || d === 125 ? 1 : 2;
    } else p++;
  }
  return p;
}

export function fstringError(sc: ExprScanner, off: number, line: number, message: string): void {
  sc.errors.push({ message: `f-string: ${message}`, offset: off, line });
}

export function subExpression(sc: ExprScanner, from: number, to: number, tokStart: number, tokLine: number): void {
  const src = sc.src;
  // Lines are counted from the previous field of the same string (fields come in order), not from its start.
  let line = tokLine;
  let q = tokStart;
  if (sc.fPos >= tokStart && sc.fPos <= from) {
    q = sc.fPos;
    line = sc.fLine;
  }
  for (; q < from; q++) {
    const c = src.charCodeAt(q);
    if (c === 10 || (c === 13 && src.charCodeAt(q + 1) !== 10)) line++;
  }
  sc.fPos = from;
  sc.fLine = line;
  const depth = sc.fdepth;
  const sub = tokenize(src, from, to, line, true, FIELD_TOKENS[depth] ?? null);
  FIELD_TOKENS[depth] = sub;
  for (const e of sub.errors) sc.errors.push({ message: `f-string: ${e.message}`, offset: e.offset, line: e.line });
  const saved = [sc.kind, sc.start, sc.end, sc.tline, sc.i] as const;
  sc.kind = sub.kind;
  sc.start = sub.start;
  sc.end = sub.end;
  sc.tline = sub.line;
  sc.i = 0;
  sc.fdepth++;
  if (sc.kind[0] === T_END) sc.error("f-string: empty expression not allowed");
  else {
    sc.parseExprList(X_YIELD);
    if (sc.kind[sc.i] !== T_END) sc.error("f-string: invalid syntax");
  }
  sc.fdepth--;
  [sc.kind, sc.start, sc.end, sc.tline, sc.i] = saved;
}

/** End offset of a replacement field's expression starting at p: the first `}`, `!`, `:` or `=` at bracket depth 0. */
function fieldExprEnd(src: string, p: number, e: number): number {
  let depth = 0;
  while (p < e) {
    const c = src.charCodeAt(p);
    if (c === 39 || c === 34) {
      const triple = src.charCodeAt(p + 1) === c && src.charCodeAt(p + 2) === c;
      if (triple) {
        const close = src.indexOf(String.fromCharCode(c, c, c), p + 3);
        p = close < 0 ? e : close + 3;
      } else {
        const close = src.indexOf(String.fromCharCode(c), p + 1);
        p = close < 0 ? e : close + 1;
      }
      continue;
    }
    if (c === 40 || c === 91 || c === 123) depth++;
    else if (c === 41 || c === 93) depth--;
    else if (c === 125) {
      if (depth === 0) return p;
      depth--;
    } else if (depth === 0) {
      const d = src.charCodeAt(p + 1);
      if (c === 33 && d !== 61) return p;
      if (c === 58) return p;
      if (c === 61 && d !== 61) {
        const b = src.charCodeAt(p - 1);
        if (b !== 61 && b !== 33 && b !== 60 && b !== 62) return p;
      }
      if ((c === 61 || c === 33 || c === 60 || c === 62) && d === 61) p++;
    }
    p++;
  }
  return p;
}
