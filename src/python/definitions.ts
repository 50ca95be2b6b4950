// def and class statements with their decorators: what runs at import time (decorators, defaults, annotations,
// bases), the pytest view (test functions, classes, mark candidates), and the fresh context of a def body.

import * as expressions_ from "./expressions.ts";
import type { CallFact, GlobalRead, ModuleFunction } from "./facts.ts";
import * as facts_ from "./facts.ts";
import type { MarkCandidate } from "./pytestFacts.ts";
import * as pytestFacts_ from "./pytestFacts.ts";
import type { DefBody, FactScanner } from "./scanFacts.ts";
import * as tokenKinds_ from "./tokenKinds.ts";
import * as tokenRanges_ from "./tokenRanges.ts";

// Local copies: module-namespace getters are slow in the hot loop under some loaders.
const { P_CALL, X_STAR } = expressions_;
const { DYNAMIC_HOOKS } = pytestFacts_;
const { callArgs, dottedName, isKeywordArg } = tokenRanges_;
const { setContext } = facts_;
const {
  K_ASYNC,
  K_CLASS,
  K_DEF,
  K_FALSE,
  K_NONE,
  K_TRUE,
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
/** The helpers of every class that is no metaclass: none (only a metaclass's methods are put in such a map). */
const NO_HELPERS = new Map<string, ModuleFunction>();

export function decorated(sc: FactScanner): void {
  const kind = sc.kind;
  sc.begin();
  const decos: [number, number][] = [];
  while (kind[sc.i] === T_AT) {
    sc.i++;
    const a = sc.i;
    const mark = sc.pLen;
    sc.parseExpr(0);
    decos.push([a, sc.i]);
    // `@NAME` (parentheses allowed) calls NAME.
    if (sc.pLen === mark + 1 && bareName(sc, a, sc.i)) sc.pFlags[mark]! |= P_CALL;
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

/** Tokens [a, b) are the NAME `name`, maybe in parentheses. */
function isName(sc: FactScanner, a: number, b: number, name: string): boolean {
  if (!bareName(sc, a, b)) return false;
  while (sc.kind[a] === T_LPAR) a++;
  return sc.text(a) === name;
}

/** Tokens [a, b) are one NAME, maybe in parentheses. */
function bareName(sc: FactScanner, a: number, b: number): boolean {
  const kind = sc.kind;
  while (b - a > 1 && kind[a] === T_LPAR && kind[b - 1] === T_RPAR) {
    a++;
    b--;
  }
  return b - a === 1 && kind[a] === T_NAME;
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
  // A module-scope def, or `__init__` at the top of a module-scope class body: what calling it reads is a fact.
  let own: DefBody | null = null;
  if (!isAsync) {
    if (sc.scope === "module") own = newDefBody(sc, kw, name, null, sc.stmt, decos.length > 0);
    else if (name === "__init__" && sc.scope === "class" && sc.directClass !== null && sc.directClassStmt >= 0)
      own = newDefBody(sc, kw, name, sc.directClass, sc.directClassStmt, decos.length > 0 || sc.directClassOdd);
    else if (sc.scope === "class" && sc.directClass !== null && sc.directClassStmt >= 0 && sc.directClassMeta) {
      // Another method of a module-scope metaclass: what `__init__` runs when it calls it on its first parameter.
      own = newDefBody(sc, kw, name, sc.directClass, sc.directClassStmt, decos.length > 0);
      own.helper = true;
    }
  }
  let positional = own !== null;
  // pytest's getfuncargnames: regular and keyword-only parameters without a default.
  const sig: { name: string; keep: boolean }[] = [];
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
      if (k === T_STAR || k === T_DSTAR) positional = false;
      if (kind[sc.i] === T_NAME) {
        const param = sc.i;
        const entry = { name: sc.text(param), keep: k !== T_STAR && k !== T_DSTAR };
        sig.push(entry);
        if (own !== null) {
          own.locals.add(sc.text(param));
          if (positional) own.fact.positional.push(sc.text(param));
        }
        sc.i++;
        if (kind[sc.i] === T_COLON) {
          sc.i++;
          // PEP 646: `*args: *Ts`.
          annotation(sc, k === T_STAR ? X_STAR : 0);
        }
        if (kind[sc.i] === T_EQUAL) {
          sc.i++;
          entry.keep = false;
          let d = sc.i;
          sc.parseExpr(0);
          if (own !== null) {
            let e = sc.i;
            while (e - d > 1 && kind[d] === T_LPAR && kind[e - 1] === T_RPAR) {
              d++;
              e--;
            }
            if (e - d === 1 && kind[d] === K_TRUE) own.trueDefaults.add(sc.text(param));
            else if (e - d === 1 && (kind[d] === K_NONE || kind[d] === K_FALSE)) own.falsyDefaults.add(sc.text(param));
          }
          if (!star) defaults = true;
        } else if (defaults && !star && k !== T_STAR && k !== T_DSTAR)
          sc.error("non-default argument follows default argument");
      } else if (k === T_SLASH) {
        // Positional-only parameters are never requested as fixtures.
        for (const e of sig) e.keep = false;
        sc.i++;
      } else if (k !== T_STAR) {
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
    const args = sig.filter((e) => e.keep).map((e) => e.name);
    // A method is looked up bound: pytest drops its first requested name, unless it is a staticmethod.
    if (!top && !decos.some(([a, b]) => isName(sc, a, b, "staticmethod"))) args.shift();
    sc.pytest.functions.push({ line, col, name, className: top ? null : inClass, async: isAsync, args });
    const fixture = { name, line, col, className: top ? null : inClass, args };
    recordDecorators(sc, decos, top ? name : `${inClass}.${name}`, fixture);
    if (top && DYNAMIC_HOOKS.has(name) && !sc.pytest.dynamicHooks.includes(name)) sc.pytest.dynamicHooks.push(name);
  }
  if (inClass !== null && name === "__init__") sc.classHasInit = true;
  sc.colon();
  if (top && isAsync)
    sc.functions.push({
      line,
      col,
      name,
      className: null,
      stmt: sc.stmt,
      positional: [],
      async: true,
      decorated: decos.length > 0,
      globalReads: [],
    });
  if (own !== null && name === "__init__" && sc.directClassMeta && !own.helper) {
    own.selfParam = own.fact.positional[0] ?? null;
    own.readOffs = [];
    sc.metaInit = own;
  }
  functionBody(sc, isAsync, own);
  if (own !== null) finishDefBody(sc, own);
}

function isPrivate(name: string): boolean {
  return name.startsWith("__") && !name.endsWith("__");
}

function newDefBody(
  sc: FactScanner,
  kw: number,
  name: string,
  className: string | null,
  stmt: number,
  decorated: boolean,
): DefBody {
  const fact = {
    line: sc.tline[kw]!,
    col: sc.tokCol(kw),
    name,
    className,
    stmt,
    positional: [] as string[],
    async: false,
    decorated,
    globalReads: [],
  };
  return {
    fact,
    top: 0,
    locals: new Set(),
    bound: new Set(),
    trueDefaults: new Set(),
    falsyDefaults: new Set(),
    names: [],
    offs: [],
    lines: [],
    guards: [],
    imports: [],
    exits: false,
    stopped: false,
    guard: null,
    gExits: false,
    gStopped: false,
    generator: false,
    inClass: 0,
    selfParam: null,
    selfCalls: [],
    readOffs: null,
    helper: false,
  };
}

/** The def's global reads: its certain reads of names it neither binds nor takes as parameters, each name once
 *  (once per guard). */
function finishDefBody(sc: FactScanner, fn: DefBody): void {
  const out: (GlobalRead & { off?: number })[] = fn.fact.globalReads;
  if (!fn.generator && !fn.fact.async && fn.imports.length > 0) fn.fact.imports = fn.imports;
  if (!fn.generator) {
    const seen = new Set<string>();
    for (let r = 0; r < fn.names.length; r++) {
      const name = fn.names[r]!;
      const guard = fn.guards[r]!;
      if (name.charCodeAt(0) === 46) {
        // ".method": a call on the first parameter (expressions.ts), only unguarded ones are followed.
        if (guard === null) fn.selfCalls.push({ name: name.slice(1), off: fn.offs[r]! });
        continue;
      }
      const key = guard === null ? name : `${name} ${guard}`;
      if (fn.locals.has(name) || fn.bound.has(name) || seen.has(key)) continue;
      // In a method, `__x` is mangled (`_C__x`) and `__class__` is the class's cell: left out.
      if (
        fn.fact.className !== null &&
        (isPrivate(name) || name === "__class__" || (guard !== null && isPrivate(guard)))
      )
        continue;
      // A guard parameter the body rebinds guards nothing.
      if (guard !== null && fn.bound.has(guard)) continue;
      seen.add(key);
      out.push({ name, line: fn.lines[r]!, col: 0, guard, off: fn.offs[r]! });
    }
    // Source order (reads are flushed statement by statement, mostly in order already).
    out.sort((a, b) => a.off! - b.off!);
    if (fn.readOffs !== null) for (const g of out) fn.readOffs.push(g.off!);
    for (const g of out) {
      g.col = sc.col(g.off!, g.line);
      delete g.off;
    }
  }
  if (fn.helper) sc.metaHelpers.set(fn.fact.name, fn.fact);
  else sc.functions.push(fn.fact);
}

/** A metaclass's `__init__` reads, in the order a call runs them, what the methods it calls on its first parameter
 *  read (their unguarded certain reads, at their own positions); each name once, the first time. */
function spliceHelperReads(init: DefBody, helpers: Map<string, ModuleFunction>): void {
  const own = init.fact.globalReads;
  const offs = init.readOffs ?? [];
  const calls = [...init.selfCalls].sort((a, b) => a.off - b.off);
  const merged: GlobalRead[] = [];
  let i = 0;
  for (const call of calls) {
    while (i < own.length && offs[i]! < call.off) merged.push(own[i++]!);
    const helper = helpers.get(call.name);
    if (!helper || helper.decorated || helper.async) continue;
    for (const r of helper.globalReads) if (r.guard === null) merged.push({ ...r });
  }
  while (i < own.length) merged.push(own[i++]!);
  const seen = new Set<string>();
  init.fact.globalReads = merged.filter((r) => {
    const key = r.guard === null ? r.name : `${r.name} ${r.guard}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A def's argument or return annotation: evaluated (unless `from __future__ import annotations`) after the
 *  decorators and defaults. */
export function annotation(sc: FactScanner, ctx = 0): void {
  const mark = sc.pLen;
  sc.parseExpr(ctx);
  if (sc.futureAnnotations) sc.pLen = mark;
  else sc.markLate(mark, sc.pLen);
}

export function functionBody(sc: FactScanner, isAsync: boolean, own: DefBody | null): void {
  const flags = [sc.inFunction, sc.inAsync, sc.loopDepth] as const;
  sc.inFunction = true;
  sc.inAsync = isAsync;
  sc.loopDepth = 0;
  const saved = [
    sc.scope,
    sc.typeChecking,
    sc.conditional,
    sc.caught,
    sc.rec,
    sc.classBound,
    sc.stmt,
    sc.markClass,
  ] as const;
  sc.markClass = null;
  sc.scope = "function";
  sc.typeChecking = false;
  sc.conditional = false;
  sc.caught = NO_CAUGHT;
  sc.rec = own !== null;
  sc.classBound = null;
  const fnSaved = [sc.fn, sc.inDefBody, sc.noCertain, sc.onlyTargets] as const;
  sc.fn = own;
  sc.inDefBody = own !== null;
  sc.noCertain = 0;
  sc.onlyTargets = false;
  if (own !== null) own.top = sc.depth + 1;
  sc.block(null);
  [sc.fn, sc.inDefBody, sc.noCertain, sc.onlyTargets] = fnSaved;
  [sc.scope, sc.typeChecking, sc.conditional, sc.caught, sc.rec, sc.classBound, sc.stmt, sc.markClass] = saved;
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
  let hasKeywords = false;
  // `class C(metaclass=M):` alone (no base, no other keyword): M is the metaclass Python uses, called with the
  // class's name, bases and namespace once the body has run. The token of M, or -1.
  let metaclass = -1;
  if (kind[sc.i] === T_LPAR) {
    let args = 0;
    for (const [a, b] of callArgs(sc, sc.i)) {
      args++;
      if (kind[a] === T_DSTAR || isKeywordArg(sc, a)) hasKeywords = true;
      if (isKeywordArg(sc, a)) {
        if (sc.text(a) === "metaclass" && b === a + 3 && kind[a + 2] === T_NAME) metaclass = a + 2;
        continue;
      }
      const d = dottedName(sc, a, b);
      if (d !== null) bases.push(d);
    }
    if (args !== 1) metaclass = -1;
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
  const direct = [sc.directClassStmt, sc.directClassOdd, sc.directClassMeta, sc.metaHelpers, sc.metaInit] as const;
  sc.directClassStmt = top ? sc.stmt : -1;
  sc.directClassOdd = decos.length > 0 || hasKeywords;
  sc.directClassMeta = top && bases.includes("type");
  sc.metaHelpers = sc.directClassMeta ? new Map() : NO_HELPERS;
  sc.metaInit = null;
  const flags = [sc.inFunction, sc.inAsync, sc.loopDepth] as const;
  sc.inFunction = false;
  sc.inAsync = false;
  sc.loopDepth = 0;
  // A class body inside a module-level def: its names are the class's, not the def's.
  const fn = sc.fn;
  const rec = sc.rec;
  if (fn !== null) {
    fn.inClass++;
    sc.rec = false;
  }
  const context = [sc.typeChecking, sc.conditional, sc.caught] as const;
  sc.block(top ? name : null);
  if (fn !== null) {
    fn.inClass--;
    sc.rec = rec;
  }
  if (top && decos.length === 0 && metaclass >= 0) {
    // After the whole body: its last statement's index, and `late` (after that statement's own events).
    const call: CallFact = {
      name: sc.text(metaclass),
      line: sc.tline[metaclass]!,
      col: sc.tokCol(metaclass),
      args: 3,
      keywords: [],
      stmt: sc.stmtCounter - 1,
      late: true,
    };
    setContext(call, ...context);
    sc.calls.push(call);
  }
  [sc.inFunction, sc.inAsync, sc.loopDepth] = flags;
  if (sc.metaInit !== null) spliceHelperReads(sc.metaInit, sc.metaHelpers);
  [sc.directClassStmt, sc.directClassOdd, sc.directClassMeta, sc.metaHelpers, sc.metaInit] = direct;
  if (cls !== null) cls.hasInit = sc.classHasInit;
  [sc.scope, sc.classBound, sc.markClass, sc.classHasInit, sc.stmt] = saved;
}
