// The first value of a literal `parametrize` list whose count of values differs from the number of argument
// names: pytest's ParameterSet._for_parametrize fails the test module's collection on it ("in "parametrize" the
// number of names (N): [...] must be equal to the number of values (M): ..."), in every version. How a value is
// counted depends on how pytest reads it (`force_tuple`), which the analysis decides with the installed pytest's
// version (a one-name string with a trailing comma reads values as tuples only from pytest 9.1 on):
// - `tuple`: each value is the sequence of its arguments (a tuple/list display: its items; `{}`: none;
//   `pytest.param(a, b)`: its positional arguments);
// - `single`: one name written as a plain string: every value is wrapped into a 1-tuple, and only a
//   `pytest.param(...)` with another count of positional arguments fails.
// The scan stops at the first value it cannot count (a name, a call, a starred item): what comes after cannot be
// the first failure pytest reports. The value's repr() is given where remedy can print CPython's exactly (None,
// True, False, decimal ints, plain printable-ASCII strings without backslashes, and tuples, lists and `{}` of
// them); else null. bench/oracle/facts.py mirrors this on the ast.
import type { ParametrizeMiscount } from "./facts.ts";
import { STR_FSTRING, STR_PLAIN, stringKind, stringValue } from "./literals.ts";
import {
  K_FALSE,
  K_FOR,
  K_NONE,
  K_TRUE,
  T_COMMA,
  T_DOT,
  T_ELLIPSIS,
  T_LBRACE,
  T_LPAR,
  T_LSQB,
  T_NAME,
  T_NUMBER,
  T_RBRACE,
  T_RPAR,
  T_RSQB,
  T_STRING,
} from "./tokenKinds.ts";
import { isKeywordArg, isStarred, matchingClose, splitItems, type TokenView, unwrap } from "./tokenRanges.ts";

type Range = [number, number];

/** The items of a tuple/list display (or `{}`) filling [a, b): its kind and items; null for anything else or a
 *  display with a starred item or a comprehension. */
function display(v: TokenView, a: number, b: number): { open: number; items: Range[] } | null {
  [a, b] = unwrap(v, a, b);
  const k = v.kind[a];
  if (k === T_LBRACE) return b - a === 2 ? { open: k, items: [] } : null;
  if ((k !== T_LPAR && k !== T_LSQB) || matchingClose(v, a) !== b - 1) return null;
  const items = splitItems(v, a + 1, b - 1);
  if (k === T_LPAR && items.length === 1 && v.kind[b - 2] !== T_COMMA) return null;
  for (const [s, e] of items) {
    if (isStarred(v, s)) return null;
    // A comprehension at the display's own level (`[x for x in y]`); one nested in an item is that item's.
    let depth = 0;
    for (let j = s; j < e; j++) {
      const k = v.kind[j]!;
      if (k === T_LPAR || k === T_LSQB || k === T_LBRACE) depth++;
      else if (k === T_RPAR || k === T_RSQB || k === T_RBRACE) depth--;
      else if (k === K_FOR && depth === 0) return null;
    }
  }
  return { open: k, items };
}

/** `P.param(...)` with P bound to pytest: its positional arguments; null when they cannot be counted (a `*` or
 *  `**` argument); "other" for anything else. */
function paramArgs(v: TokenView, a: number, b: number, pytestNames: ReadonlySet<string>): Range[] | null | "other" {
  [a, b] = unwrap(v, a, b);
  const isParam =
    v.kind[a] === T_NAME &&
    pytestNames.has(v.src.slice(v.start[a]!, v.end[a]!)) &&
    v.kind[a + 1] === T_DOT &&
    v.kind[a + 2] === T_NAME &&
    v.src.slice(v.start[a + 2]!, v.end[a + 2]!) === "param" &&
    v.kind[a + 3] === T_LPAR &&
    matchingClose(v, a + 3) === b - 1;
  if (!isParam) return "other";
  const args = splitItems(v, a + 4, b - 1);
  const out: Range[] = [];
  for (const arg of args) {
    if (isStarred(v, arg[0])) return null;
    if (!isKeywordArg(v, arg[0])) out.push(arg);
  }
  return out;
}

/** CPython's repr() of the literal filling [a, b) when remedy can print it exactly; else null. */
function literalRepr(v: TokenView, a: number, b: number): string | null {
  [a, b] = unwrap(v, a, b);
  if (b - a === 1) {
    const k = v.kind[a];
    const text = v.src.slice(v.start[a]!, v.end[a]!);
    if (k === K_NONE || k === K_TRUE || k === K_FALSE) return text;
    if (k === T_NUMBER) return /^(?:0|[1-9][0-9]*)$/.test(text) ? text : null;
    if (k === T_STRING) return stringRepr(v, a);
    return null;
  }
  const d = display(v, a, b);
  return d === null ? null : sequenceRepr(v, d.open, d.items);
}

function sequenceRepr(v: TokenView, open: number, items: Range[]): string | null {
  if (open === T_LBRACE) return "{}";
  const parts: string[] = [];
  for (const [s, e] of items) {
    const r = literalRepr(v, s, e);
    if (r === null) return null;
    parts.push(r);
  }
  if (open === T_LSQB) return `[${parts.join(", ")}]`;
  return parts.length === 1 ? `(${parts[0]},)` : `(${parts.join(", ")})`;
}

/** A plain string literal of printable ASCII without a backslash, in repr()'s quotes. */
function stringRepr(v: TokenView, j: number): string | null {
  if (stringKind(v.src, v.start[j]!) !== STR_PLAIN) return null;
  const raw = v.src.slice(v.start[j]!, v.end[j]!);
  if (!/^['"]/.test(raw) || raw.includes("\\")) return null;
  const value = stringValue(v.src, v.start[j]!, v.end[j]!);
  if (!/^[\x20-\x7e]*$/.test(value)) return null;
  if (value.includes("'") && !value.includes('"')) return `"${value}"`;
  return `'${value.replaceAll("'", "\\'")}'`;
}

/** The first miscounted value of the argvalues display [a, b) for `names` names, under each reading. */
export function parametrizeMiscounts(
  v: TokenView,
  argvalues: Range,
  names: number,
  pytestNames: ReadonlySet<string>,
): { tuple?: ParametrizeMiscount; single?: ParametrizeMiscount } {
  const values = display(v, argvalues[0], argvalues[1]);
  if (values === null || values.open === T_LBRACE) return {};
  const out: { tuple?: ParametrizeMiscount; single?: ParametrizeMiscount } = {};
  const tuple = miscount(v, values.items, names, pytestNames, false);
  if (tuple) out.tuple = tuple;
  if (names === 1) {
    const single = miscount(v, values.items, names, pytestNames, true);
    if (single) out.single = single;
  }
  return out;
}

function miscount(
  v: TokenView,
  items: Range[],
  names: number,
  pytestNames: ReadonlySet<string>,
  wrapped: boolean,
): ParametrizeMiscount | null {
  for (let index = 0; index < items.length; index++) {
    const [s, e] = items[index]!;
    const param = paramArgs(v, s, e, pytestNames);
    let count: number;
    let repr: string | null;
    if (param === null) return null;
    if (param !== "other") {
      count = param.length;
      repr = sequenceRepr(v, T_LPAR, param);
    } else if (wrapped) {
      // A 1-tuple around any value, unless the value is itself a ParameterSet (a name, a call): unknown.
      if (display(v, s, e) === null && !isConstant(v, s, e)) return null;
      continue;
    } else {
      const d = display(v, s, e);
      if (d === null) return null;
      count = d.items.length;
      repr = sequenceRepr(v, d.open, d.items);
    }
    if (count !== names) return { index, count, repr };
  }
  return null;
}

/** A constant: one number, `None`, `True`, `False` or `...` token, or string literals (no f-string). */
function isConstant(v: TokenView, a: number, b: number): boolean {
  [a, b] = unwrap(v, a, b);
  if (b - a === 1) {
    const k = v.kind[a];
    if (k === T_NUMBER || k === K_NONE || k === K_TRUE || k === K_FALSE || k === T_ELLIPSIS) return true;
  }
  for (let j = a; j < b; j++) {
    if (v.kind[j] !== T_STRING || stringKind(v.src, v.start[j]!) === STR_FSTRING) return false;
  }
  return b > a;
}
