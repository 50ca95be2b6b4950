// Reads an `if` test that depends only on the interpreter (`sys.version_info >= (3, 11)`, `sys.platform ==
// "win32"`, `os.name == "nt"`, with not/and/or) from its tokens, as docs/facts.md (branches) defines it. Operator
// precedence follows Python's grammar: a top-level conditional expression, lambda or walrus makes the whole test
// unknown; then `or`, then `and`, then `not`, then one comparison.
import type { BranchCondition } from "./facts.ts";
import * as tokenKinds_ from "./tokenKinds.ts";
import * as tokenRanges_ from "./tokenRanges.ts";

const { intLiteral, matchingClose, plainString, splitItems, dottedName, unwrap } = tokenRanges_;
const {
  K_IF,
  K_IN,
  K_IS,
  K_LAMBDA,
  K_NONE,
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
const UNKNOWN: BranchCondition = { kind: "unknown" };
const VERSION_ATTRS: Record<string, number> = { major: 0, minor: 1, micro: 2 };
const OPS = new Set(["<", "<=", ">", ">=", "==", "!="]);

/** True when the test has a part remedy can evaluate (else it is no branch fact). */
export function isEvaluable(t: BranchCondition): boolean {
  switch (t.kind) {
    case "unknown":
    case "hasattr":
      return false;
    case "name":
      // TYPE_CHECKING inside a larger test (`not TYPE_CHECKING and ...`) is False at run time.
      return t.name === "TYPE_CHECKING";
    case "not":
      return isEvaluable(t.arg);
    case "and":
    case "or":
      return t.args.some(isEvaluable);
    default:
      return true;
  }
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

export function branchCondition(v: TokenView, a: number, b: number): BranchCondition {
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
      const args: BranchCondition[] = [];
      let s = a;
      for (const j of [...at, b]) {
        args.push(branchCondition(v, s, j));
        s = j + 1;
      }
      return { kind, args };
    }
  }
  if (v.kind[a] === K_NOT) return { kind: "not", arg: branchCondition(v, a + 1, b) };
  return comparison(v, a, b);
}

/** The one depth-0 comparison operator of [a, b) other than those in T_COMPARE (`in`, `not in`, `is`, `is not`):
 *  its first and last token and its text; null when there is none; "many" for more than one. */
function membership(v: TokenView, a: number, b: number): { at: number; to: number; op: string } | "many" | null {
  let found: { at: number; to: number; op: string } | null = null;
  let depth = 0;
  for (let j = a; j < b; j++) {
    const x = v.kind[j]!;
    if (x === T_LPAR || x === T_LSQB || x === T_LBRACE) depth++;
    else if (x === T_RPAR || x === T_RSQB || x === T_RBRACE) depth--;
    else if (depth === 0 && (x === K_IN || x === K_IS || x === K_NOT)) {
      if (found !== null) return "many";
      if (x === K_NOT && v.kind[j + 1] === K_IN) found = { at: j, to: j + 1, op: "not in" };
      else if (x === K_IS && v.kind[j + 1] === K_NOT) found = { at: j, to: j + 1, op: "is not" };
      else if (x === K_NOT) return "many";
      else found = { at: j, to: j, op: x === K_IN ? "in" : "is" };
      j = found.to;
    }
  }
  return found;
}

/** `os.environ.get(K[, D])` / `os.getenv(K[, D])` filling [a, b): K and D (null when absent or `None`). */
function envValue(v: TokenView, a: number, b: number): { key: string; default: string | null } | null {
  [a, b] = unwrap(v, a, b);
  if (v.kind[b - 1] !== T_RPAR) return null;
  const open = opener(v, a, b, T_LPAR);
  const callee = open < 0 ? null : dottedName(v, a, open);
  if (callee !== "os.environ.get" && callee !== "os.getenv") return null;
  const args = splitItems(v, open + 1, b - 1);
  if (args.length < 1 || args.length > 2) return null;
  const key = plainString(v, args[0]![0], args[0]![1]);
  if (key === null) return null;
  if (args.length === 1) return { key, default: null };
  const [da, db] = unwrap(v, args[1]![0], args[1]![1]);
  if (db - da === 1 && v.kind[da] === K_NONE) return { key, default: null };
  const d = plainString(v, da, db);
  return d === null ? null : { key, default: d };
}

function isNone(v: TokenView, a: number, b: number): boolean {
  [a, b] = unwrap(v, a, b);
  return b - a === 1 && v.kind[a] === K_NONE;
}

/** The tests on the environment, `sys.argv` and `__name__` that use `in`, `is` or a comparison (null: none). */
function environmentTest(v: TokenView, a: number, b: number, cmp: number[]): BranchCondition | null {
  const m = membership(v, a, b);
  if (m === "many" || (m !== null && cmp.length > 0)) return UNKNOWN;
  if (m !== null) {
    const right = unwrap(v, m.to + 1, b);
    if (m.op === "in" || m.op === "not in") {
      const value = plainString(v, a, m.at);
      const where = dottedName(v, right[0], right[1]);
      if (value === null) return UNKNOWN;
      const op = m.op;
      if (where === "os.environ") return { kind: "env", key: value, default: null, op, value: null };
      if (where === "sys.argv") return { kind: "argv", op, value };
      return UNKNOWN;
    }
    const env = envValue(v, a, m.at);
    if (env === null || !isNone(v, m.to + 1, b)) return UNKNOWN;
    return { kind: "env", ...env, op: m.op as "is" | "is not", value: null };
  }
  if (cmp.length !== 1) return null;
  const j = cmp[0]!;
  const op = v.src.slice(v.start[j]!, v.end[j]!);
  if (op !== "==" && op !== "!=") return null;
  const [la, lb] = unwrap(v, a, j);
  const [ra, rb] = unwrap(v, j + 1, b);
  const left = dottedName(v, la, lb);
  const right = dottedName(v, ra, rb);
  if (
    (left === "__name__" && plainString(v, ra, rb) === "__main__") ||
    (right === "__name__" && plainString(v, la, lb) === "__main__")
  )
    return { kind: "main", op };
  const env = envValue(v, la, lb);
  if (env === null) return null;
  const value = plainString(v, ra, rb);
  return value === null ? UNKNOWN : { kind: "env", ...env, op, value };
}

function comparison(v: TokenView, a: number, b: number): BranchCondition {
  const cmp = topLevel(v, a, b, T_COMPARE);
  const environment = environmentTest(v, a, b, cmp);
  if (environment !== null) return environment;
  if (cmp.length === 0) {
    const env = envValue(v, a, b);
    if (env !== null) return { kind: "env", ...env, op: "truthy", value: null };
    if (b - a === 1 && v.kind[a] === T_NAME)
      return { kind: "name", name: v.src.slice(v.start[a]!, v.end[a]!).normalize("NFKC") };
    return hasattrTest(v, a, b) ?? startswith(v, a, b);
  }
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
function startswith(v: TokenView, a: number, b: number): BranchCondition {
  if (v.kind[b - 1] !== T_RPAR) return UNKNOWN;
  const open = opener(v, a, b, T_LPAR);
  if (open < 0 || dottedName(v, a, open) !== "sys.platform.startswith") return UNKNOWN;
  const args = splitItems(v, open + 1, b - 1);
  if (args.length !== 1 || (v.kind[args[0]![0]] === T_NAME && v.kind[args[0]![0] + 1] === T_EQUAL)) return UNKNOWN;
  const value = plainString(v, args[0]![0], args[0]![1]);
  return value === null ? UNKNOWN : { kind: "platform", op: "startswith", value };
}

/** `hasattr(NAME, "attr")` with a plain name and a string literal; null for anything else. */
function hasattrTest(v: TokenView, a: number, b: number): BranchCondition | null {
  if (v.kind[b - 1] !== T_RPAR || v.kind[a] !== T_NAME || v.kind[a + 1] !== T_LPAR) return null;
  if (v.src.slice(v.start[a]!, v.end[a]!) !== "hasattr" || matchingClose(v, a + 1) !== b - 1) return null;
  const args = splitItems(v, a + 2, b - 1);
  if (args.length !== 2) return null;
  const [[na, nb], [sa, sb]] = args as [[number, number], [number, number]];
  if (nb - na !== 1 || v.kind[na] !== T_NAME) return null;
  const attr = plainString(v, sa, sb);
  if (attr === null) return null;
  return { kind: "hasattr", name: v.src.slice(v.start[na]!, v.end[na]!).normalize("NFKC"), attr };
}
