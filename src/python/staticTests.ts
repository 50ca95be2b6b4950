// Reads an `if` test that depends only on the interpreter (`sys.version_info >= (3, 11)`, `sys.platform ==
// "win32"`, `os.name == "nt"`, with not/and/or) from its tokens, as docs/facts.md (branches) defines it. Operator
// precedence follows Python's grammar: a top-level conditional expression, lambda or walrus makes the whole test
// unknown; then `or`, then `and`, then `not`, then one comparison.
import type { StaticTest } from "./facts.ts";
import * as tokenKinds_ from "./tokenKinds.ts";
import * as tokenRanges_ from "./tokenRanges.ts";

const { intLiteral, matchingClose, plainString, splitItems, dottedName } = tokenRanges_;
const {
  K_IF,
  K_IN,
  K_IS,
  K_LAMBDA,
  K_NOT,
  T_COLON,
  T_COMMA,
  T_COMPARE,
  T_LBRACE,
  T_LPAR,
  T_LSQB,
  T_EQUAL,
  T_MINUS,
  T_NAME,
  T_RBRACE,
  T_RPAR,
  T_RSQB,
  T_WALRUS,
} = tokenKinds_;

type TokenView = tokenRanges_.TokenView;

const K_AND = 53;
const K_OR = 77;
const UNKNOWN: StaticTest = { kind: "unknown" };
const VERSION_ATTRS: Record<string, number> = { major: 0, minor: 1, micro: 2 };
const OPS = new Set(["<", "<=", ">", ">=", "==", "!="]);

/** True when the test has a part remedy can evaluate (else it is no branch fact). */
export function isEvaluable(t: StaticTest): boolean {
  switch (t.kind) {
    case "unknown":
      return false;
    case "not":
      return isEvaluable(t.arg);
    case "and":
    case "or":
      return t.args.some(isEvaluable);
    default:
      return true;
  }
}

/** Tokens [a, b) without parentheses that enclose all of it. */
function unwrap(v: TokenView, a: number, b: number): [number, number] {
  while (b - a >= 2 && v.kind[a] === T_LPAR && matchingClose(v, a) === b - 1) {
    // `(x,)` is a tuple, not a parenthesized expression.
    const items = splitItems(v, a + 1, b - 1);
    if (items.length !== 1 || v.kind[b - 2] === T_COMMA) break;
    a++;
    b--;
  }
  return [a, b];
}

/** Positions of depth-0 tokens of kind `k` in [a, b). */
function topLevel(v: TokenView, a: number, b: number, k: number): number[] {
  const out: number[] = [];
  let depth = 0;
  for (let j = a; j < b; j++) {
    const x = v.kind[j]!;
    if (x === T_LPAR || x === T_LSQB || x === T_LBRACE) depth++;
    else if (x === T_RPAR || x === T_RSQB || x === T_RBRACE) depth--;
    else if (depth === 0 && x === k) out.push(j);
  }
  return out;
}

export function staticTest(v: TokenView, a: number, b: number): StaticTest {
  [a, b] = unwrap(v, a, b);
  if (a >= b) return UNKNOWN;
  if (topLevel(v, a, b, K_IF).length || topLevel(v, a, b, K_LAMBDA).length || topLevel(v, a, b, T_WALRUS).length)
    return UNKNOWN;
  for (const [k, kind] of [
    [K_OR, "or"],
    [K_AND, "and"],
  ] as const) {
    const at = topLevel(v, a, b, k);
    if (at.length > 0) {
      const args: StaticTest[] = [];
      let s = a;
      for (const j of [...at, b]) {
        args.push(staticTest(v, s, j));
        s = j + 1;
      }
      return { kind, args };
    }
  }
  if (v.kind[a] === K_NOT) return { kind: "not", arg: staticTest(v, a + 1, b) };
  return comparison(v, a, b);
}

function comparison(v: TokenView, a: number, b: number): StaticTest {
  const cmp = topLevel(v, a, b, T_COMPARE);
  // `in`, `not in`, `is`, `is not` and chains are not evaluated.
  if (topLevel(v, a, b, K_IN).length || topLevel(v, a, b, K_IS).length || topLevel(v, a, b, K_NOT).length)
    return UNKNOWN;
  if (cmp.length === 0) return startswith(v, a, b);
  if (cmp.length !== 1) return UNKNOWN;
  const j = cmp[0]!;
  const op = v.src.slice(v.start[j]!, v.end[j]!);
  if (!OPS.has(op)) return UNKNOWN;
  const [la, lb] = unwrap(v, a, j);
  const [ra, rb] = unwrap(v, j + 1, b);
  const name = dottedName(v, la, lb);
  if (name === "sys.platform" || name === "os.name") {
    const value = plainString(v, ra, rb);
    if (value === null || (op !== "==" && op !== "!=")) return UNKNOWN;
    return { kind: name === "sys.platform" ? "platform" : "osName", op, value };
  }
  const part = versionPart(v, la, lb, name);
  if (part === null) return UNKNOWN;
  const o = op as "<" | "<=" | ">" | ">=" | "==" | "!=";
  if (part.index !== null) {
    const n = nonNegativeInt(v, ra, rb);
    return n === null ? UNKNOWN : { kind: "version", index: part.index, slice: null, op: o, value: [n] };
  }
  const tuple = intTuple(v, ra, rb);
  return tuple === null ? UNKNOWN : { kind: "version", index: null, slice: part.slice, op: o, value: tuple };
}

/** `sys.version_info`, `sys.version_info[i]`, `sys.version_info[:n]`, `sys.version_info.major|minor|micro`. */
function versionPart(
  v: TokenView,
  a: number,
  b: number,
  name: string | null,
): { index: number | null; slice: number | null } | null {
  if (name === "sys.version_info") return { index: null, slice: null };
  if (name?.startsWith("sys.version_info.")) {
    const index = VERSION_ATTRS[name!.slice(17)];
    return index === undefined ? null : { index, slice: null };
  }
  if (v.kind[b - 1] !== T_RSQB) return null;
  const open = opener(v, a, b, T_LSQB);
  if (open < 0 || dottedName(v, a, open) !== "sys.version_info") return null;
  const [sa, sb] = [open + 1, b - 1];
  if (v.kind[sa] === T_COLON) {
    // `[:n]` (and `[:n:]`, the same slice).
    let end = sb;
    if (v.kind[end - 1] === T_COLON) end--;
    const n = nonNegativeInt(v, sa + 1, end);
    return n !== null && n >= 1 && n <= 3 && end - sa >= 2 ? { index: null, slice: n } : null;
  }
  const i = nonNegativeInt(v, sa, sb);
  return i !== null && i <= 2 && topLevel(v, sa, sb, T_COLON).length === 0 ? { index: i, slice: null } : null;
}

/** The bracket of kind `k` (in [a, b)) that the bracket at b-1 closes, or -1. */
function opener(v: TokenView, a: number, b: number, k: number): number {
  for (let j = b - 2; j >= a; j--) if (v.kind[j] === k && matchingClose(v, j) === b - 1) return j;
  return -1;
}

function nonNegativeInt(v: TokenView, a: number, b: number): number | null {
  [a, b] = unwrap(v, a, b);
  const n = intLiteral(v, a, b);
  return n !== null && n >= 0 && v.kind[a] !== T_MINUS ? n : null;
}

/** A tuple display of 1-3 non-negative int literals filling [a, b). */
function intTuple(v: TokenView, a: number, b: number): number[] | null {
  if (v.kind[a] !== T_LPAR || matchingClose(v, a) !== b - 1) return null;
  const items = splitItems(v, a + 1, b - 1);
  if (items.length === 0 || items.length > 3) return null;
  if (items.length === 1 && v.kind[b - 2] !== T_COMMA) return null;
  const out: number[] = [];
  for (const [s, e] of items) {
    const n = nonNegativeInt(v, s, e);
    if (n === null) return null;
    out.push(n);
  }
  return out;
}

/** `sys.platform.startswith("...")` with one plain string literal. */
function startswith(v: TokenView, a: number, b: number): StaticTest {
  if (v.kind[b - 1] !== T_RPAR) return UNKNOWN;
  const open = opener(v, a, b, T_LPAR);
  if (open < 0 || dottedName(v, a, open) !== "sys.platform.startswith") return UNKNOWN;
  const args = splitItems(v, open + 1, b - 1);
  if (args.length !== 1 || (v.kind[args[0]![0]] === T_NAME && v.kind[args[0]![0] + 1] === T_EQUAL)) return UNKNOWN;
  const value = plainString(v, args[0]![0], args[0]![1]);
  return value === null ? UNKNOWN : { kind: "platform", op: "startswith", value };
}
