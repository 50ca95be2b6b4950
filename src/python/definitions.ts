// def and class statements with their decorators: what runs at import time (decorators, defaults, annotations,
// bases), the pytest view (test functions, classes, mark candidates), and the fresh context of a def body.

import * as expressions_ from "./expressions.ts";
import type { MarkCandidate } from "./pytestFacts.ts";
import * as pytestFacts_ from "./pytestFacts.ts";
import type { FactScanner } from "./scanFacts.ts";
import * as tokenKinds_ from "./tokenKinds.ts";
import * as tokenRanges_ from "./tokenRanges.ts";

// Local copies: module-namespace getters are slow in the hot loop under some loaders.
const { X_STAR } = expressions_;
const { DYNAMIC_HOOKS } = pytestFacts_;
const { callArgs, dottedName, isKeywordArg } = tokenRanges_;
const {
  K_ASYNC,
  K_CLASS,
  K_DEF,
  T_ARROW,
  T_AT,
  T_COLON,
  T_COMMA,
  T_DSTAR,
  T_EQUAL,
  T_LPAR,
  T_NAME,
  T_NEWLINE,
  T_RPAR,
  T_SLASH,
  T_STAR,
} = tokenKinds_;
const NO_CAUGHT: string[] = [];

export function decorated(sc: FactScanner): void {
  const kind = sc.kind;
  sc.begin();
  const decos: [number, number][] = [];
  while (kind[sc.i] === T_AT) {
    sc.i++;
    const a = sc.i;
    sc.parseExpr(0);
    decos.push([a, sc.i]);
    if (!sc.expect(T_NEWLINE, "newline")) {
      sc.skipLine();
    }
  }
  const k = kind[sc.i];
  if (k === K_DEF || (k === K_ASYNC && kind[sc.i + 1] === K_DEF)) defStmt(sc, sc.i, decos);
  else if (k === K_CLASS) classStmt(sc, decos);
  else {
    sc.error("invalid syntax: expected def or class after decorators");
    sc.flush();
  }
}

export function recordDecorators(
  sc: FactScanner,
  decos: [number, number][],
  target: string,
  fixture: MarkCandidate["fixture"],
): void {
  for (let d = 0; d < decos.length; d++) {
    const [a, b] = decos[d]!;
    sc.marks.push({ a, b, target, via: "decorator", fixture });
  }
}

export function defStmt(sc: FactScanner, kw: number, decos: [number, number][]): void {
  const kind = sc.kind;
  const isAsync = kind[sc.i] === K_ASYNC;
  if (isAsync) sc.i++;
  sc.i++;
  const nameTok = sc.i;
  const name = kind[nameTok] === T_NAME ? sc.text(nameTok) : "";
  if (name === "") sc.error("invalid syntax: expected a function name");
  else sc.i++;
  if (sc.expect(T_LPAR, "(")) {
    let defaults = false;
    let star = false;
    let bareStar = false;
    while (kind[sc.i] !== T_RPAR) {
      const k = kind[sc.i];
      if (k === T_STAR || k === T_DSTAR) {
        star = true;
        sc.i++;
        if (k === T_STAR && kind[sc.i] !== T_NAME) bareStar = true;
      } else if (k === T_NAME) bareStar = false;
      if (kind[sc.i] === T_NAME) {
        sc.i++;
        if (kind[sc.i] === T_COLON) {
          sc.i++;
          // PEP 646: `*args: *Ts`.
          annotation(sc, k === T_STAR ? X_STAR : 0);
        }
        if (kind[sc.i] === T_EQUAL) {
          sc.i++;
          sc.parseExpr(0);
          if (!star) defaults = true;
        } else if (defaults && !star && k !== T_STAR && k !== T_DSTAR)
          sc.error("non-default argument follows default argument");
      } else if (k === T_SLASH) sc.i++;
      else if (k !== T_STAR) {
        sc.error("invalid syntax in parameters");
        break;
      }
      if (kind[sc.i] === T_COMMA) sc.i++;
      else if (kind[sc.i] !== T_RPAR) {
        sc.error("invalid syntax in parameters");
        break;
      }
    }
    if (bareStar) sc.error("named arguments must follow bare *");
    if (kind[sc.i] === T_RPAR) sc.i++;
  }
  if (kind[sc.i] === T_ARROW) {
    sc.i++;
    annotation(sc);
  }
  if (name !== "") sc.bindTok(kw, "def", name);
  sc.flush();
  const line = sc.tline[kw]!;
  const col = sc.tokCol(kw);
  const top = sc.scope === "module";
  const inClass = sc.directClass;
  if (top || inClass !== null) {
    sc.pytest.functions.push({ line, col, name, className: top ? null : inClass, async: isAsync });
    recordDecorators(sc, decos, top ? name : `${inClass}.${name}`, { name, line, col });
    if (top && DYNAMIC_HOOKS.has(name) && !sc.pytest.dynamicHooks.includes(name)) sc.pytest.dynamicHooks.push(name);
  }
  if (inClass !== null && name === "__init__") sc.classHasInit = true;
  sc.colon();
  functionBody(sc, isAsync);
}

export function annotation(sc: FactScanner, ctx = 0): void {
  const mark = sc.pLen;
  sc.parseExpr(ctx);
  if (sc.futureAnnotations) sc.pLen = mark;
}

export function functionBody(sc: FactScanner, isAsync: boolean): void {
  const flags = [sc.inFunction, sc.inAsync, sc.loopDepth] as const;
  sc.inFunction = true;
  sc.inAsync = isAsync;
  sc.loopDepth = 0;
  const saved = [sc.scope, sc.tc, sc.cond, sc.caught, sc.rec, sc.classBound, sc.stmt, sc.markClass] as const;
  sc.markClass = null;
  sc.scope = "function";
  sc.tc = false;
  sc.cond = false;
  sc.caught = NO_CAUGHT;
  sc.rec = false;
  sc.classBound = null;
  sc.block(null);
  [sc.scope, sc.tc, sc.cond, sc.caught, sc.rec, sc.classBound, sc.stmt, sc.markClass] = saved;
  [sc.inFunction, sc.inAsync, sc.loopDepth] = flags;
}

export function classStmt(sc: FactScanner, decos: [number, number][]): void {
  const kind = sc.kind;
  const kw = sc.i++;
  const nameTok = sc.i;
  const name = kind[nameTok] === T_NAME ? sc.text(nameTok) : "";
  if (name === "") sc.error("invalid syntax: expected a class name");
  else sc.i++;
  const bases: string[] = [];
  if (kind[sc.i] === T_LPAR) {
    for (const [a, b] of callArgs(sc, sc.i)) {
      if (isKeywordArg(sc, a)) continue;
      const d = dottedName(sc, a, b);
      if (d !== null) bases.push(d);
    }
    sc.parseCallArgs();
  }
  if (name !== "") sc.bindTok(kw, "class", name);
  sc.flush();
  const top = sc.scope === "module";
  let cls: { line: number; col: number; name: string; bases: string[]; hasInit: boolean } | null = null;
  if (top) {
    cls = { line: sc.tline[kw]!, col: sc.tokCol(kw), name, bases, hasInit: false };
    sc.pytest.classes.push(cls);
    recordDecorators(sc, decos, name, null);
  }
  sc.colon();
  const saved = [sc.scope, sc.classBound, sc.markClass, sc.classHasInit, sc.stmt] as const;
  if (sc.scope !== "function") {
    sc.scope = "class";
    sc.classBound = new Map();
  }
  sc.markClass = top ? name : null;
  sc.classHasInit = false;
  const flags = [sc.inFunction, sc.inAsync, sc.loopDepth] as const;
  sc.inFunction = false;
  sc.inAsync = false;
  sc.loopDepth = 0;
  sc.block(top ? name : null);
  [sc.inFunction, sc.inAsync, sc.loopDepth] = flags;
  if (cls !== null) cls.hasInit = sc.classHasInit;
  [sc.scope, sc.classBound, sc.markClass, sc.classHasInit, sc.stmt] = saved;
}
