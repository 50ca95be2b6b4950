// The shape of a module-level definition (a class's bases and members, a function's parameters and what it returns, a
// constant's value): what `remedy audit` compares to say how alike two definitions of one name are. Not part of
// FileFacts because only the few files that define a duplicated name are ever asked, so it is read on demand.
import { tokenize } from "./tokenize.ts";
import {
  K_ASYNC,
  K_CLASS,
  K_DEF,
  K_LAMBDA,
  K_RETURN,
  T_ARROW,
  T_COLON,
  T_COMMA,
  T_DEDENT,
  T_DOT,
  T_DSTAR,
  T_END,
  T_EQUAL,
  T_INDENT,
  T_LBRACE,
  T_LPAR,
  T_LSQB,
  T_NAME,
  T_NEWLINE,
  T_RBRACE,
  T_RPAR,
  T_RSQB,
  T_SEMI,
  T_STAR,
} from "./tokenKinds.ts";

export type DefinitionShape =
  | {
      kind: "class";
      line: number;
      /** Base expressions without whitespace (`enum.Enum`, `Generic[T]`); keyword arguments left out. */
      bases: string[];
      /** Names a class-body statement assigns (`A = 1`, `a: int`, enum members), in order, each once. */
      fields: string[];
      /** Names of the defs of the class body, in order, each once. */
      methods: string[];
    }
  | {
      kind: "function";
      line: number;
      /** Parameter names in order, `*args`/`**kwargs` with their stars (a bare `*` and `/` left out). */
      params: string[];
      /** The return annotation without whitespace, or null. */
      returns: string | null;
      /** Callables a `return NAME(...)` / `return a.B(...)` in the body calls, dotted as written, each once. */
      constructs: string[];
    }
  | {
      kind: "constant";
      line: number;
      /** The assigned value's source text, whitespace collapsed; null when longer than VALUE_LIMIT or absent. */
      value: string | null;
    };

const VALUE_LIMIT = 120;
const OPEN = new Set([T_LPAR, T_LSQB, T_LBRACE]);
const CLOSE = new Set([T_RPAR, T_RSQB, T_RBRACE]);

/** The first module-level definition of each of `names` in `source` (class, def, or `NAME = ...`/`NAME: T = ...`).
 *  Definitions nested in `if`/`try` are not read (their names get no shape). One tokenization: O(file). */
export function definitionShapes(source: string, names: ReadonlySet<string>): Map<string, DefinitionShape> {
  const t = tokenize(source);
  const { kind, line } = t;
  const text = (i: number) => source.slice(t.start[i], t.end[i]);
  const span = (a: number, b: number) => (a > b ? "" : source.slice(t.start[a], t.end[b]));
  const out = new Map<string, DefinitionShape>();
  const n = t.count;

  // Index of the token ending the statement (its NEWLINE) or the block that starts at `colon` (its last DEDENT).
  const blockEnd = (colon: number): number => {
    let i = colon + 1;
    if (kind[i] !== T_NEWLINE) {
      while (i < n && kind[i] !== T_NEWLINE && kind[i] !== T_END) i++;
      return i;
    }
    let level = 0;
    for (i++; i < n; i++) {
      if (kind[i] === T_INDENT) level++;
      else if (kind[i] === T_DEDENT && --level === 0) return i;
      else if (kind[i] === T_END) return i;
    }
    return n;
  };
  // The T_COLON closing a header that starts at `i`, outside brackets.
  const headerColon = (i: number): number => {
    let depth = 0;
    for (; i < n; i++) {
      const k = kind[i]!;
      if (OPEN.has(k)) depth++;
      else if (CLOSE.has(k)) depth--;
      else if (depth === 0 && (k === T_COLON || k === T_NEWLINE || k === T_END)) return i;
    }
    return n;
  };
  // Statement starts of a block [from, to) at its own level, each paired with its first token.
  const statementsOf = (from: number, to: number): number[] => {
    const starts: number[] = [];
    let level = 0;
    let atStart = true;
    for (let i = from; i < to; i++) {
      const k = kind[i]!;
      if (k === T_INDENT) level++;
      else if (k === T_DEDENT) level--;
      else if (k === T_NEWLINE || k === T_SEMI) atStart = true;
      else if (atStart) {
        atStart = false;
        if (level === 0) starts.push(i);
      }
    }
    return starts;
  };
  const matching = (open: number): number => {
    let depth = 0;
    for (let i = open; i < n; i++) {
      if (OPEN.has(kind[i]!)) depth++;
      else if (CLOSE.has(kind[i]!) && --depth === 0) return i;
    }
    return n;
  };
  const bodyStart = (colon: number) => (kind[colon + 1] === T_NEWLINE ? colon + 3 : colon + 1);
  // Assignment targets at the start of a statement: `a = b = ...` gives a, b; `a: T` gives a.
  const targetsAt = (i: number): string[] => {
    if (kind[i] !== T_NAME) return [];
    if (kind[i + 1] === T_COLON) return [text(i)];
    const names: string[] = [];
    while (kind[i] === T_NAME && kind[i + 1] === T_EQUAL) {
      names.push(text(i));
      i += 2;
    }
    return names;
  };

  const readClass = (i: number, at: number): DefinitionShape => {
    const bases: string[] = [];
    let j = i + 2;
    if (kind[j] === T_LPAR) {
      let depth = 0;
      let first = j + 1;
      for (; j < n; j++) {
        const k = kind[j]!;
        if (OPEN.has(k)) depth++;
        else if (CLOSE.has(k)) depth--;
        if ((depth === 0 && k === T_RPAR) || (depth === 1 && k === T_COMMA)) {
          const last = j - 1;
          const keyword = kind[first] === T_NAME && kind[first + 1] === T_EQUAL;
          const starred = kind[first] === T_STAR || kind[first] === T_DSTAR;
          if (last >= first && !keyword && !starred) bases.push(span(first, last).replace(/\s+/g, ""));
          first = j + 1;
          if (depth === 0) break;
        }
      }
      j++;
    }
    const colon = headerColon(j);
    const end = blockEnd(colon);
    const fields: string[] = [];
    const methods: string[] = [];
    for (const s of statementsOf(bodyStart(colon), end)) {
      const d = kind[s] === K_ASYNC ? s + 1 : s;
      if (kind[d] === K_DEF && kind[d + 1] === T_NAME) pushOnce(methods, text(d + 1));
      else for (const name of targetsAt(s)) pushOnce(fields, name);
    }
    return { kind: "class", line: at, bases, fields, methods };
  };

  const readFunction = (i: number, at: number): DefinitionShape => {
    const params: string[] = [];
    let j = i + 2;
    let depth = 0;
    let expect = true;
    let lambdas = 0;
    let prefix = "";
    for (; j < n; j++) {
      const k = kind[j]!;
      if (OPEN.has(k)) depth++;
      else if (CLOSE.has(k) && --depth === 0) break;
      else if (depth !== 1) continue;
      else if (k === K_LAMBDA) lambdas++;
      else if (k === T_COLON && lambdas > 0) lambdas--;
      else if (k === T_COMMA && lambdas === 0) {
        expect = true;
        prefix = "";
      } else if (expect && k === T_STAR) prefix = "*";
      else if (expect && k === T_DSTAR) prefix = "**";
      else if (expect && k === T_NAME) {
        params.push(prefix + text(j));
        expect = false;
      }
    }
    let returns: string | null = null;
    const colon = headerColon(j + 1);
    if (kind[j + 1] === T_ARROW) returns = span(j + 2, colon - 1).replace(/\s+/g, "");
    const constructs: string[] = [];
    const end = blockEnd(colon);
    for (let r = colon + 1; r < end; r++) {
      if (kind[r] !== K_RETURN || kind[r + 1] !== T_NAME) continue;
      let q = r + 1;
      while (kind[q + 1] === T_DOT && kind[q + 2] === T_NAME) q += 2;
      if (kind[q + 1] !== T_LPAR) continue;
      // Only when the call is the whole returned value (`return A(x).b()` or `return A() or B()` construct nothing).
      const close = matching(q + 1);
      const after = kind[close + 1];
      if (after === T_NEWLINE || after === T_SEMI || after === T_END) pushOnce(constructs, span(r + 1, q));
    }
    return { kind: "function", line: at, params, returns, constructs };
  };

  const readConstant = (s: number, at: number): DefinitionShape => {
    let end = s;
    while (end < n && kind[end] !== T_NEWLINE && kind[end] !== T_SEMI && kind[end] !== T_END) end++;
    // The value follows the last `=` outside brackets.
    let depth = 0;
    let eq = -1;
    for (let j = s; j < end; j++) {
      const k = kind[j]!;
      if (OPEN.has(k)) depth++;
      else if (CLOSE.has(k)) depth--;
      else if (depth === 0 && k === T_EQUAL) eq = j;
    }
    const value = eq < 0 ? null : span(eq + 1, end - 1).replace(/\s+/g, " ");
    return { kind: "constant", line: at, value: value !== null && value.length <= VALUE_LIMIT ? value : null };
  };

  for (const s of statementsOf(0, n)) {
    const d = kind[s] === K_ASYNC ? s + 1 : s;
    if ((kind[d] === K_CLASS || kind[d] === K_DEF) && kind[d + 1] === T_NAME) {
      const name = text(d + 1);
      if (!names.has(name) || out.has(name)) continue;
      out.set(name, kind[d] === K_CLASS ? readClass(d, line[d]!) : readFunction(d, line[d]!));
      continue;
    }
    const targets = targetsAt(s);
    for (const name of targets) {
      if (names.has(name) && !out.has(name)) out.set(name, readConstant(s, line[s]!));
    }
  }
  return out;
}

function pushOnce(list: string[], item: string): void {
  if (!list.includes(item)) list.push(item);
}
