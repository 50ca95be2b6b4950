// The argument of `sys.path.insert/append` as a path expression (docs/facts.md, sysPath): a tiny recursive reader
// over the argument's tokens that gives up (null) on anything outside the supported pieces.
import type { PathExpr } from "./facts.ts";
import type { TokenView } from "./tokenRanges.ts";
import * as tokenRanges_ from "./tokenRanges.ts";

// Local copies: module-namespace getters are slow in the hot loop under some loaders.
const { callArgs, dottedName, matchingClose, plainString } = tokenRanges_;

import * as tokenKinds_ from "./tokenKinds.ts";

// Local copies: module-namespace getters are slow in the hot loop under some loaders.
const { T_DOT, T_LPAR, T_NAME, T_RPAR, T_SLASH, T_STRING } = tokenKinds_;

/** Names bound at module level to a path expression (`ROOT = Path(__file__).parent`), usable in later ones. */
export type PathVariables = ReadonlyMap<string, PathExpr>;

const NO_VARIABLES: PathVariables = new Map();

/** Path expression filling tokens a..b, or null. */
export function pathExpr(v: TokenView, a: number, b: number, vars: PathVariables = NO_VARIABLES): PathExpr | null {
  // E / F / G: left-associative joins of terms.
  let depth = 0;
  let last = a;
  let acc: PathExpr | null = null;
  for (let j = a; j <= b; j++) {
    const k = j < b ? v.kind[j]! : -1;
    if (k === T_LPAR || k === 12 || k === 14) depth++;
    else if (k === T_RPAR || k === 13 || k === 15) depth--;
    else if ((k === T_SLASH && depth === 0) || j === b) {
      const term = pathTerm(v, last, j, vars);
      if (term === null) return null;
      acc = acc === null ? term : [{ kind: "join", parts: [acc, term] }];
      last = j + 1;
    }
  }
  return acc;
}

const OS_PATH_OPS: Record<string, "dirname" | "abspath" | "resolve"> = {
  "os.path.dirname": "dirname",
  "os.path.abspath": "abspath",
  "os.path.realpath": "resolve",
};

function pathTerm(v: TokenView, a: number, b: number, vars: PathVariables): PathExpr | null {
  if (a >= b) return null;
  const kind = v.kind;
  let base: PathExpr | null = null;
  let j = a;
  if (kind[a] === T_STRING) {
    while (j < b && kind[j] === T_STRING) j++;
    const s = plainString(v, a, j);
    if (s === null) return null;
    base = [{ kind: "literal", value: s }];
  } else if (kind[a] === T_LPAR) {
    const close = matchingClose(v, a);
    if (close >= b) return null;
    base = pathExpr(v, a + 1, close, vars);
    j = close + 1;
  } else if (kind[a] === T_NAME) {
    // The longest dotted name, then maybe a call.
    j = a + 1;
    while (j + 1 < b && kind[j] === T_DOT && kind[j + 1] === T_NAME) j += 2;
    let name = dottedName(v, a, j);
    if (name === null) return null;
    if (j < b && kind[j] === T_LPAR) {
      // Method calls on a path (`E.resolve()`) are handled as trailers below; here only function calls.
      let fn = name;
      let fnEnd = j;
      const close = matchingClose(v, j);
      const args = callArgs(v, j);
      const known =
        fn in OS_PATH_OPS ||
        fn === "os.path.join" ||
        fn === "str" ||
        fn === "os.fspath" ||
        fn === "Path" ||
        fn === "pathlib.Path";
      if (!known) {
        // `x.resolve()` / `x.absolute()`: the name before the last dot is the base.
        const dot = fnEnd - 2;
        if (dot <= a) return null;
        name = dottedName(v, a, dot - 0);
        fn = "";
        fnEnd = dot;
        j = dot;
        if (name === null) return null;
        base = nameBase(name, vars);
        if (base === null) return null;
      } else {
        if (fn === "os.path.join") {
          const parts: PathExpr[] = [];
          for (const [s, e] of args) {
            const p = pathExpr(v, s, e, vars);
            if (p === null) return null;
            parts.push(p);
          }
          if (parts.length === 0) return null;
          base = [{ kind: "join", parts }];
        } else {
          if (args.length !== 1) return null;
          const inner = pathExpr(v, args[0]![0], args[0]![1], vars);
          if (inner === null) return null;
          const op = OS_PATH_OPS[fn];
          base = op === undefined ? inner : [...inner, { kind: op }];
        }
        j = close + 1;
      }
    } else {
      // `__file__` or a path variable, `x.parent` chains on them only through trailers below.
      const dot = name.indexOf(".");
      base = nameBase(dot < 0 ? name : name.slice(0, dot), vars);
      if (base === null) return null;
      j = a + 1;
    }
  } else return null;
  if (base === null) return null;
  // Trailers: .parent, .resolve(), .absolute(), .as_posix() (the same path as a string)
  while (j < b) {
    if (kind[j] !== T_DOT || kind[j + 1] !== T_NAME) return null;
    const attr = v.src.slice(v.start[j + 1]!, v.end[j + 1]!);
    if (attr === "as_posix" && kind[j + 2] === T_LPAR && kind[j + 3] === T_RPAR) j += 4;
    else if (attr === "parent") {
      base = [...base, { kind: "parent" }];
      j += 2;
    } else if ((attr === "resolve" || attr === "absolute") && kind[j + 2] === T_LPAR && kind[j + 3] === T_RPAR) {
      base = [...base, { kind: attr === "resolve" ? "resolve" : "abspath" }];
      j += 4;
    } else return null;
  }
  return base;
}

function nameBase(name: string, vars: PathVariables): PathExpr | null {
  if (name === "__file__") return [{ kind: "file" }];
  const bound = vars.get(name);
  return bound === undefined ? null : [...bound];
}
