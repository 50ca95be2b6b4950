// Token-level readers for the small literal shapes facts care about (argument lists, string literals, lists of
// strings, dotted names). They look at tokens directly, so the expression scanner never has to build values.
import * as literals_ from "./literals.ts";

// Local copies: module-namespace getters are slow in the hot loop under some loaders.
const { STR_PLAIN, stringKind, stringValue } = literals_;

import * as tokenKinds_ from "./tokenKinds.ts";

// Local copies: module-namespace getters are slow in the hot loop under some loaders.
const {
  K_LAMBDA,
  T_COLON,
  T_COMMA,
  T_DOT,
  T_END,
  T_EQUAL,
  T_LBRACE,
  T_LPAR,
  T_LSQB,
  T_NAME,
  T_NEWLINE,
  T_RBRACE,
  T_RPAR,
  T_RSQB,
  T_STAR,
  T_DSTAR,
  T_STRING,
  T_MINUS,
  T_NUMBER,
} = tokenKinds_;

export interface TokenView {
  src: string;
  kind: Uint8Array;
  start: Int32Array;
  end: Int32Array;
}

/** Index of the bracket closing the one at `open` (or of the NEWLINE/END where it stops). */
export function matchingClose(v: TokenView, open: number): number {
  const kind = v.kind;
  let depth = 0;
  for (let j = open; ; j++) {
    const k = kind[j]!;
    if (k === T_LPAR || k === T_LSQB || k === T_LBRACE) depth++;
    else if (k === T_RPAR || k === T_RSQB || k === T_RBRACE) {
      depth--;
      if (depth === 0) return j;
    } else if (k === T_END || (k === T_NEWLINE && depth === 0)) return j;
  }
}

/** [start, end) token ranges of the comma-separated items in a..b at bracket depth 0 (empty trailing item dropped). */
export function splitItems(v: TokenView, a: number, b: number): [number, number][] {
  const kind = v.kind;
  const out: [number, number][] = [];
  let depth = 0;
  // Commas between a lambda's parameters do not separate items.
  let lambdas = 0;
  let s = a;
  for (let j = a; j < b; j++) {
    const k = kind[j]!;
    if (k === T_LPAR || k === T_LSQB || k === T_LBRACE) depth++;
    else if (k === T_RPAR || k === T_RSQB || k === T_RBRACE) depth--;
    else if (depth === 0 && k === K_LAMBDA) lambdas++;
    else if (depth === 0 && k === T_COLON && lambdas > 0) lambdas--;
    else if (k === T_COMMA && depth === 0 && lambdas === 0) {
      out.push([s, j]);
      s = j + 1;
    }
  }
  if (s < b) out.push([s, b]);
  return out;
}

/** The arguments of the call whose `(` is at `lpar`. */
export function callArgs(v: TokenView, lpar: number): [number, number][] {
  return splitItems(v, lpar + 1, matchingClose(v, lpar));
}

/** True when the item a..b is a keyword argument `name=...`. */
export function isKeywordArg(v: TokenView, a: number): boolean {
  return v.kind[a] === T_NAME && v.kind[a + 1] === T_EQUAL;
}

export function isStarred(v: TokenView, a: number): boolean {
  return v.kind[a] === T_STAR || v.kind[a] === T_DSTAR;
}

/** The value of a plain string literal (implicit concatenation included) filling exactly a..b, else null. */
export function plainString(v: TokenView, a: number, b: number): string | null {
  if (a >= b) return null;
  // A parenthesised literal is still the same constant.
  if (v.kind[a] === T_LPAR && v.kind[b - 1] === T_RPAR && matchingClose(v, a) === b - 1)
    return plainString(v, a + 1, b - 1);
  let out = "";
  for (let j = a; j < b; j++) {
    if (v.kind[j] !== T_STRING || stringKind(v.src, v.start[j]!) !== STR_PLAIN) return null;
    out += stringValue(v.src, v.start[j]!, v.end[j]!);
  }
  return out;
}

/** Items of a list/tuple display filling exactly a..b (a bare tuple counts), else null. */
export function displayItems(v: TokenView, a: number, b: number): [number, number][] | null {
  const k = v.kind[a];
  if ((k === T_LSQB || k === T_LPAR) && matchingClose(v, a) === b - 1) {
    const items = splitItems(v, a + 1, b - 1);
    // `(x)` is not a tuple; `(x for ...)` neither (no comma at depth 0 means not a tuple).
    if (k === T_LPAR && items.length === 1 && v.kind[b - 2] !== T_COMMA) return displayItems(v, a + 1, b - 1);
    if (hasComprehension(v, a + 1, b - 1)) return null;
    return items;
  }
  const items = splitItems(v, a, b);
  if (items.length > 1 || v.kind[b - 1] === T_COMMA) return items;
  return null;
}

function hasComprehension(v: TokenView, a: number, b: number): boolean {
  let depth = 0;
  for (let j = a; j < b; j++) {
    const k = v.kind[j]!;
    if (k === T_LPAR || k === T_LSQB || k === T_LBRACE) depth++;
    else if (k === T_RPAR || k === T_RSQB || k === T_RBRACE) depth--;
    else if (k === 67 /* for */ && depth === 0) return true;
  }
  return false;
}

/** Strings of a list/tuple of plain literals filling a..b; `strict`: null when any element is not one. */
export function stringList(v: TokenView, a: number, b: number, strict: boolean): string[] | null {
  const items = displayItems(v, a, b);
  if (items === null) return null;
  const out: string[] = [];
  for (const [s, e] of items) {
    const str = plainString(v, s, e);
    if (str === null) {
      if (strict) return null;
    } else out.push(str);
  }
  return out;
}

/** `a.b.c` filling exactly a..b as a dotted string, else null. */
export function dottedName(v: TokenView, a: number, b: number): string | null {
  if (a >= b || v.kind[a] !== T_NAME) return null;
  let s = v.src.slice(v.start[a]!, v.end[a]!);
  let j = a + 1;
  while (j < b) {
    if (v.kind[j] !== T_DOT || v.kind[j + 1] !== T_NAME || j + 1 >= b) return null;
    s += `.${v.src.slice(v.start[j + 1]!, v.end[j + 1]!)}`;
    j += 2;
  }
  return s;
}

/** An int literal (decimal, hex, octal, binary; a leading `-` allowed) filling exactly a..b, else null. */
export function intLiteral(v: TokenView, a: number, b: number): number | null {
  let neg = false;
  if (v.kind[a] === T_MINUS) {
    neg = true;
    a++;
  }
  if (b - a !== 1 || v.kind[a] !== T_NUMBER) return null;
  const t = v.src.slice(v.start[a]!, v.end[a]!).replace(/_/g, "").toLowerCase();
  let n: number;
  if (/^0[xob]/.test(t)) n = Number(t);
  else if (/^[0-9]+$/.test(t)) n = Number.parseInt(t, 10);
  else return null;
  return neg ? -n : n;
}

/** Tokens [a, b) without parentheses that enclose all of it. */
export function unwrap(v: TokenView, a: number, b: number): [number, number] {
  while (b - a >= 2 && v.kind[a] === T_LPAR && matchingClose(v, a) === b - 1) {
    // `(x,)` is a tuple, not a parenthesized expression.
    const items = splitItems(v, a + 1, b - 1);
    if (items.length !== 1 || v.kind[b - 2] === T_COMMA) break;
    a++;
    b--;
  }
  return [a, b];
}
