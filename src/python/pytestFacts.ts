// Pytest facts that need the whole file: a decorator `P.mark.x` is a marker only if P is bound by `import pytest`
// somewhere at module scope (before or after), so decorator shapes are recorded during the scan and resolved here.
import type { FixtureDef, ImportFact, MarkerUse, Parametrize, Position, PytestFacts } from "./facts.ts";
import { parametrizeMiscounts } from "./parametrizeArity.ts";
import type { TokenView } from "./tokenRanges.ts";
import * as tokenRanges_ from "./tokenRanges.ts";

// Local copies: module-namespace getters are slow in the hot loop under some loaders.
const { callArgs, displayItems, isKeywordArg, isStarred, plainString, stringList, unwrap } = tokenRanges_;

import * as tokenKinds_ from "./tokenKinds.ts";

// Local copies: module-namespace getters are slow in the hot loop under some loaders.
const { K_FALSE, K_NONE, K_TRUE, T_DOT, T_DSTAR, T_LPAR, T_NAME } = tokenKinds_;

/** A decorator or pytestmark element that may be a mark: its token range, resolved once all imports are known. */
export interface MarkCandidate {
  a: number;
  b: number;
  /** The decorated def or class; for an alias, the name it binds. */
  target: string | null;
  via: "decorator" | "pytestmark" | "alias";
  /** For decorators of functions: the def (fixture candidates). */
  fixture: { name: string; line: number; col: number; className: string | null; args: string[] } | null;
}

interface MarkShape {
  parts: string[];
  isCall: boolean;
  /** argvalues length when the shape could be `parametrize(...)`. */
  size: number | null;
  /** The call's arguments (empty when not a call). */
  args: [number, number][];
}

/** Python's `str.isspace` characters, for `str.strip()`. */
const PY_SPACE = "[\\t\\n\\v\\f\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]";
const PY_STRIP = new RegExp(`^${PY_SPACE}+|${PY_SPACE}+$`, "g");
const PY_TRAILING_SPACE = new RegExp(`${PY_SPACE}+$`);

/** The length of a list/tuple literal without a starred element filling [s, e), else null. */
function literalLength(v: TokenView, s: number, e: number): number | null {
  const k = v.kind[s];
  if (e - s === 2 && (k === T_LPAR || k === 12)) return 0;
  const items = k === T_LPAR || k === 12 ? displayItems(v, s, e) : null;
  return items?.every(([is]) => !isStarred(v, is)) ? items.length : null;
}

/** The keyword argument `name=` among a call's arguments: its value's tokens, or null. */
function keywordValue(v: TokenView, args: [number, number][], name: string): [number, number] | null {
  for (const [a, b] of args) if (isKeywordArg(v, a) && v.src.slice(v.start[a]!, v.end[a]!) === name) return [a + 2, b];
  return null;
}

/** A single constant token (`True`, `False`, `None`), parentheses allowed, filling [a, b). */
function isConstant(v: TokenView, a: number, b: number, kind: number): boolean {
  [a, b] = unwrap(v, a, b);
  return b - a === 1 && v.kind[a] === kind;
}

/** parametrize's argnames: `"a, b"` split at commas (pytest strips and drops empty parts), or a list/tuple of
 *  plain string literals, and how they are written (Parametrize.namesWritten); null otherwise. */
function parametrizeArgnames(
  v: TokenView,
  args: [number, number][],
): { names: string[]; written: NonNullable<Parametrize["namesWritten"]> } | null {
  // The first positional argument (null when starred), else `argnames=`.
  const first = args.find(([a]) => !isKeywordArg(v, a) && v.kind[a] !== T_DSTAR);
  if (first && isStarred(v, first[0])) return null;
  const at = first ?? keywordValue(v, args, "argnames");
  if (!at) return null;
  const str = plainString(v, at[0], at[1]);
  if (str !== null) {
    const names = str
      .split(",")
      .map((x) => x.replace(PY_STRIP, ""))
      .filter((x) => x !== "");
    return { names, written: str.replace(PY_TRAILING_SPACE, "").endsWith(",") ? "string," : "string" };
  }
  const [s, e] = unwrap(v, at[0], at[1]);
  const k = v.kind[s];
  if (k !== T_LPAR && k !== 12) return null;
  const names = e - s === 2 ? [] : stringList(v, s, e, true);
  return names === null ? null : { names, written: "sequence" };
}

/** parametrize's argvalues: the second positional argument, else `argvalues=`. */
function argvaluesOf(v: TokenView, args: [number, number][]): [number, number] | null {
  let positional = 0;
  for (const item of args) {
    if (isKeywordArg(v, item[0])) continue;
    if (v.kind[item[0]] === T_DSTAR || isStarred(v, item[0])) return null;
    if (++positional === 2) return item;
  }
  return keywordValue(v, args, "argvalues");
}

/** The mark shape filling tokens a..b, or null. */
export function markShape(
  v: TokenView,
  a: number,
  b: number,
): Omit<MarkShape, "line" | "col" | "target" | "via" | "fixture"> | null {
  const kind = v.kind;
  if (kind[a] !== T_NAME) return null;
  const parts = [v.src.slice(v.start[a]!, v.end[a]!)];
  let j = a + 1;
  while (j + 1 < b && kind[j] === T_DOT && kind[j + 1] === T_NAME) {
    parts.push(v.src.slice(v.start[j + 1]!, v.end[j + 1]!));
    j += 2;
  }
  if (j === b) return { parts, isCall: false, size: null, args: [] };
  if (kind[j] !== T_LPAR) return null;
  const args = callArgs(v, j);
  let close = j;
  for (let depth = 0; ; close++) {
    const k = kind[close]!;
    if (k === T_LPAR || k === 12 || k === 14) depth++;
    else if (k === 11 || k === 13 || k === 15) {
      depth--;
      if (depth === 0) break;
    }
    if (close >= b) return null;
  }
  if (close !== b - 1) return null;
  let size: number | null = null;
  if (parts[parts.length - 1] === "parametrize") {
    let argvalues: [number, number] | null = null;
    let positional = 0;
    for (const item of args) {
      if (isKeywordArg(v, item[0])) {
        if (argvalues === null && v.src.slice(v.start[item[0]]!, v.end[item[0]]!) === "argvalues")
          argvalues = [item[0] + 2, item[1]];
      } else if (v.kind[item[0]] !== T_DSTAR) {
        positional++;
        if (positional === 2) argvalues = item;
      }
    }
    if (argvalues !== null) size = literalLength(v, argvalues[0], argvalues[1]);
  }
  return { parts, isCall: true, size, args };
}

export function emptyPytestFacts(): PytestFacts {
  return {
    functions: [],
    classes: [],
    markers: [],
    parametrize: [],
    fixtures: [],
    plugins: null,
    registeredMarkers: [],
    iniKeys: [],
    options: [],
    collectIgnore: null,
    collectIgnoreGlob: null,
    dynamicHooks: [],
  };
}

export const DYNAMIC_HOOKS = new Set([
  "pytest_ignore_collect",
  "pytest_collect_file",
  "pytest_collect_directory",
  "pytest_pycollect_makemodule",
  "pytest_pycollect_makeitem",
  "pytest_collection_modifyitems",
  "pytest_generate_tests",
]);

/** Turns recorded candidates into markers, parametrize and fixtures once all module-scope imports are known.
 *  `boundOnce(name)`: the module binds `name` exactly once (an alias `NAME = pytest.mark.x(...)` then stands for
 *  that mark wherever `@NAME` or `pytestmark = NAME` applies it). */
export function resolveMarks(
  cands: MarkCandidate[],
  imports: ImportFact[],
  out: PytestFacts,
  v: TokenView & { tline: Int32Array },
  colOf: (t: number) => number,
  boundOnce: (name: string) => boolean,
): void {
  if (cands.length === 0) return;
  const pytestNames = new Set<string>();
  const markNames = new Set<string>();
  const fixtureNames = new Set<string>();
  for (const imp of imports) {
    if (imp.scope !== "module") continue;
    for (const n of imp.names) {
      if (imp.kind === "import") {
        if (n.name === "pytest") pytestNames.add(n.asname ?? "pytest");
      } else if (imp.level === 0) {
        if (n.name === "mark" && (imp.module === "pytest" || imp.module === "_pytest.mark"))
          markNames.add(n.asname ?? "mark");
        if (n.name === "fixture" && imp.module === "pytest") fixtureNames.add(n.asname ?? "fixture");
      }
    }
  }
  const text = (t: number) => v.src.slice(v.start[t]!, v.end[t]!);
  const nameDecorators: (Position & { name: string; target: string })[] = [];
  const noteNameDecorator = (c: MarkCandidate) => {
    if (c.via !== "decorator" || c.target === null || c.b - c.a !== 1 || v.kind[c.a] !== T_NAME) return;
    nameDecorators.push({ line: v.tline[c.a]!, col: colOf(c.a), name: text(c.a), target: c.target });
  };
  if (pytestNames.size + markNames.size + fixtureNames.size === 0) {
    for (const c of cands) noteNameDecorator(c);
    if (nameDecorators.length > 0) out.decoratorNames = nameDecorators;
    return;
  }
  const markName = (p: string[]) => {
    if (p.length === 3 && p[1] === "mark" && pytestNames.has(p[0]!)) return p[2]!;
    if (p.length === 2 && markNames.has(p[0]!)) return p[1]!;
    return null;
  };
  // Aliases: `NAME = <mark>` where NAME is bound nowhere else in the module (the mark's tokens).
  const aliases = new Map<string, [number, number]>();
  for (const c of cands) {
    if (c.via !== "alias" || c.target === null) continue;
    const s = markShape(v, c.a, c.b);
    if (s !== null && markName(s.parts) !== null && boundOnce(c.target)) aliases.set(c.target, [c.a, c.b]);
  }
  for (const c of cands) {
    if (v.kind[c.a] !== T_NAME) continue;
    // `@NAME` (or a pytestmark element NAME) where NAME is an alias: the mark it holds, placed here.
    const alias = c.via !== "alias" && c.b - c.a === 1 ? aliases.get(text(c.a)) : undefined;
    const [sa, sb] = alias ?? [c.a, c.b];
    const first = text(sa);
    if (!pytestNames.has(first) && !markNames.has(first) && !fixtureNames.has(first)) {
      noteNameDecorator(c);
      continue;
    }
    const s = markShape(v, sa, sb);
    if (s === null) continue;
    const p = s.parts;
    const name = markName(p);
    if (name !== null) {
      const line = v.tline[c.a]!;
      const col = colOf(c.a);
      const target = c.target;
      const m: MarkerUse = { line, col, name, via: c.via, target };
      out.markers.push(m);
      if (name === "parametrize" && s.isCall && target !== null) {
        const ind = keywordValue(v, s.args, "indirect");
        const argnames = parametrizeArgnames(v, s.args);
        const pz: Parametrize = {
          line,
          col,
          target,
          size: s.size,
          argnames: argnames?.names ?? null,
          indirect: ind !== null && !isConstant(v, ind[0], ind[1], K_FALSE),
        };
        if (argnames) pz.namesWritten = argnames.written;
        const values = argnames ? argvaluesOf(v, s.args) : null;
        if (argnames && values) {
          const miscount = parametrizeMiscounts(v, values, argnames.names.length, pytestNames);
          if (miscount.tuple || miscount.single) pz.miscount = miscount;
        }
        out.parametrize.push(pz);
      }
      continue;
    }
    if (
      alias === undefined &&
      c.fixture !== null &&
      ((p.length === 2 && p[1] === "fixture" && pytestNames.has(p[0]!)) || (p.length === 1 && fixtureNames.has(p[0]!)))
    ) {
      const f = c.fixture;
      // Only the first fixture decorator of a def (a second one is an error at import time).
      const prev = out.fixtures[out.fixtures.length - 1];
      if (prev && prev.line === f.line && prev.col === f.col) continue;
      const fx: FixtureDef = {
        line: f.line,
        col: f.col,
        name: f.name,
        alias: null,
        className: f.className,
        autouse: false,
        args: f.args,
      };
      const alias = keywordValue(v, s.args, "name");
      if (alias !== null) fx.alias = plainString(v, alias[0], alias[1]);
      const params = keywordValue(v, s.args, "params");
      if (params !== null && !isConstant(v, params[0], params[1], K_NONE))
        fx.params = literalLength(v, ...unwrap(v, params[0], params[1]));
      const autouse = keywordValue(v, s.args, "autouse");
      if (autouse !== null) fx.autouse = isConstant(v, autouse[0], autouse[1], K_TRUE);
      out.fixtures.push(fx);
    }
  }
  if (nameDecorators.length > 0) out.decoratorNames = nameDecorators;
}
