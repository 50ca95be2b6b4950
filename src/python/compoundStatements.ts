// if/elif/else, while, for, with and try statements: the execution context (conditional, TYPE_CHECKING, caught
// exceptions) their bodies run in, and the bindings their headers make (docs/facts.md, execution context).

import * as branchConditions_ from "./branchConditions.ts";
import * as expressions_ from "./expressions.ts";
import type { ConditionalArm, StaticBranch } from "./facts.ts";
import type { FactScanner } from "./scanFacts.ts";
import * as tokenKinds_ from "./tokenKinds.ts";
import * as tokenRanges_ from "./tokenRanges.ts";

// Local copies: module-namespace getters are slow in the hot loop under some loaders.
const { P_COND, X_NOIN, X_TARGET } = expressions_;
const { isEvaluable, branchCondition } = branchConditions_;
const { dottedName, matchingClose, splitItems } = tokenRanges_;
const {
  K_AS,
  K_ASYNC,
  K_ELIF,
  K_ELSE,
  K_EXCEPT,
  K_FINALLY,
  K_IN,
  K_NOT,
  K_RAISE,
  K_CONTINUE,
  K_BREAK,
  K_ASSERT,
  K_FALSE,
  K_TRUE,
  T_NUMBER,
  T_SEMI,
  T_COLON,
  T_COMMA,
  T_DEDENT,
  T_DOT,
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
  T_STAR,
} = tokenKinds_;

/** The test of `if TYPE_CHECKING:` / `if X.TYPE_CHECKING:` (parentheses allowed) starting at token a: 1; of
 *  `if not TYPE_CHECKING:` (also `not X.TYPE_CHECKING`, parenthesized either way): -1; anything else: 0. */
export function typeCheckingTest(sc: FactScanner, a: number): number {
  const kind = sc.kind;
  let open = 0;
  let sign = 1;
  for (;;) {
    if (kind[a] === T_LPAR) open++;
    else if (kind[a] === K_NOT && sign === 1) sign = -1;
    else break;
    a++;
  }
  let j = a;
  if (kind[j] !== T_NAME) return 0;
  if (kind[j + 1] === T_DOT && kind[j + 2] === T_NAME) j += 2;
  if (sc.text(j) !== "TYPE_CHECKING") return 0;
  j++;
  for (let o = 0; o < open; o++) if (kind[j++] !== T_RPAR) return 0;
  return kind[j] === T_COLON ? sign : 0;
}

export function ifStmt(sc: FactScanner): void {
  const ifTok = sc.i;
  sc.begin();
  const stmt = sc.stmt;
  sc.i++;
  // At run time TYPE_CHECKING is False: the else of `if TYPE_CHECKING:` always runs, and so does the body of
  // `if not TYPE_CHECKING:` (whose else is for type checkers only).
  const typeCheckingForm = typeCheckingTest(sc, sc.i);
  const testStart = sc.i;
  sc.parseExpr(0);
  // A test on the interpreter (version, platform) is settled later, with the interpreter: its bodies are not
  // conditional here, and a branch fact says which statements they hold.
  const test = typeCheckingForm === 0 && sc.scope !== "function" ? branchCondition(sc, testStart, sc.i) : null;
  const branch = test !== null && isEvaluable(test) ? test : null;
  const guard = typeCheckingForm === 0 ? guardParam(sc, testStart, sc.i) : null;
  sc.flush();
  sc.colon();
  const outerTypeChecking = sc.typeChecking;
  const outerConditional = sc.conditional;
  if (typeCheckingForm === 1) sc.typeChecking = true;
  else if (typeCheckingForm === 0 && branch === null) sc.conditional = true;
  const bodyFrom = sc.stmtCounter;
  const fn = sc.fn;
  if (guard !== null && fn !== null) {
    fn.guard = guard;
    fn.gExits = fn.gStopped = false;
  }
  const outerPathGuard = sc.pathGuard;
  const pathName = sc.scope === "module" ? notInSysPath(sc, testStart) : null;
  if (pathName !== null) sc.pathGuard = { name: pathName, depth: sc.depth + 1, conditional: outerConditional };
  sc.block(null);
  sc.pathGuard = outerPathGuard;
  const bodyEnds = bodyExits(sc);
  if (guard !== null && fn !== null) fn.guard = null;
  const body: [number, number] = [bodyFrom, sc.stmtCounter - 1];
  sc.typeChecking = outerTypeChecking;
  sc.conditional = outerConditional;
  const k = sc.kind[sc.i];
  if (typeCheckingForm === 0 && branch === null) sc.conditional = true;
  else if (typeCheckingForm === -1) sc.typeChecking = true;
  const elseFrom = sc.stmtCounter;
  let elseEnds = false;
  if (k === K_ELIF) {
    // An elif test runs only when the tests before it are false.
    sc.noCertain++;
    ifStmt(sc);
    sc.noCertain--;
  } else if (k === K_ELSE) {
    sc.i++;
    sc.colon();
    sc.block(null);
    elseEnds = bodyExits(sc);
  }
  sc.typeChecking = outerTypeChecking;
  sc.conditional = outerConditional;
  if (test !== null) {
    const orelse: [number, number] | null = sc.stmtCounter > elseFrom ? [elseFrom, sc.stmtCounter - 1] : null;
    const fact: StaticBranch = { line: sc.tline[ifTok]!, col: sc.tokCol(ifTok), stmt, test, body, orelse };
    if (bodyEnds) fact.bodyExits = true;
    if (elseEnds) fact.orelseExits = true;
    sc.branches.push(fact);
  }
}

/** The test at token `a` is exactly `NAME not in sys.path` followed by the colon: NAME, else null. */
function notInSysPath(sc: FactScanner, a: number): string | null {
  const kind = sc.kind;
  if (kind[a] !== T_NAME || kind[a + 1] !== K_NOT || kind[a + 2] !== K_IN || kind[a + 3] !== T_NAME) return null;
  if (kind[a + 4] !== T_DOT || kind[a + 5] !== T_NAME || kind[a + 6] !== T_COLON) return null;
  return sc.text(a + 3) === "sys" && sc.text(a + 5) === "path" ? sc.text(a) : null;
}

/** The block just parsed (one level below the statement being parsed) ends with `raise`, `assert False` (parentheses
 *  allowed around `False`), `continue` or `break`: it never falls through to what follows its statement. */
export function bodyExits(sc: FactScanner): boolean {
  let j = sc.lastStatementToken[sc.depth + 1] ?? -1;
  const kind = sc.kind;
  if (j < 0) return false;
  if (kind[j] === K_RAISE || kind[j] === K_CONTINUE || kind[j] === K_BREAK) return true;
  if (kind[j] !== K_ASSERT) return false;
  j++;
  let open = 0;
  while (kind[j] === T_LPAR) {
    open++;
    j++;
  }
  if (kind[j] !== K_FALSE) return false;
  j++;
  for (; open > 0; open--, j++) if (kind[j] !== T_RPAR) return false;
  const k = kind[j];
  return k === T_NEWLINE || k === T_COMMA || k === T_SEMI || k === T_END;
}

/** Parses a body that may not run (`sc.conditional` set around it) and, outside def bodies, records it as an arm at
 *  the position of token `at`, the compound statement's first (arms of one statement keep their order). */
export function armBody(
  sc: FactScanner,
  at: number,
  stmt: number,
  kind: ConditionalArm["kind"],
  catches: string[] | null,
): ConditionalArm | null {
  const outerConditional = sc.conditional;
  sc.conditional = true;
  const from = sc.stmtCounter;
  sc.block(null);
  sc.conditional = outerConditional;
  if (sc.scope === "function" || sc.stmtCounter === from) return null;
  const arm: ConditionalArm = { line: sc.tline[at]!, col: sc.tokCol(at), stmt, kind, body: [from, sc.stmtCounter - 1] };
  if (catches !== null) arm.catches = catches;
  if (bodyExits(sc)) arm.exits = true;
  sc.arms.push(arm);
  return arm;
}

/** `if PARAM:` at the top level of a module-level def body, PARAM a parameter defaulting to `True` (tokens [a, b)
 *  of the test, parentheses allowed): PARAM, else null. */
function guardParam(sc: FactScanner, a: number, b: number): string | null {
  const fn = sc.fn;
  if (fn === null || fn.stopped || fn.inClass > 0 || sc.depth !== fn.top || fn.trueDefaults.size === 0) return null;
  const kind = sc.kind;
  while (b - a > 1 && kind[a] === T_LPAR && kind[b - 1] === T_RPAR) {
    a++;
    b--;
  }
  if (b - a !== 1 || kind[a] !== T_NAME) return null;
  const name = sc.text(a);
  return fn.trueDefaults.has(name) ? name : null;
}

export function whileStmt(sc: FactScanner): void {
  const at = sc.i;
  sc.begin();
  // A loop may never end: in a def body, what follows it may not run.
  if (sc.fn !== null) sc.fn.exits = sc.fn.gExits = true;
  sc.i++;
  // `while True:` / `while 1:` ends only through a `break` (or an exception).
  const kind = sc.kind;
  const infinite =
    kind[sc.i + 1] === T_COLON && (kind[sc.i] === K_TRUE || (kind[sc.i] === T_NUMBER && sc.text(sc.i) === "1"));
  sc.parseExpr(0);
  sc.flush();
  sc.colon();
  loopBodies(sc, at, sc.stmt, infinite);
}

/** Body and optional else of for/while (the loop's keyword at token `at`): both conditional. The loop's own `break`s
 *  (not those of loops inside it, nor of its `else`) are listed on its body's arm. */
export function loopBodies(sc: FactScanner, at: number, stmt: number, infinite = false): void {
  sc.loopDepth++;
  const outerBreaks = sc.loopBreaks;
  sc.loopBreaks = [];
  const body = armBody(sc, at, stmt, "loop", null);
  if (body !== null && sc.loopBreaks.length > 0) body.breaks = sc.loopBreaks;
  if (body !== null && infinite) body.infinite = true;
  sc.loopBreaks = outerBreaks;
  sc.loopDepth--;
  if (sc.kind[sc.i] === K_ELSE) {
    sc.i++;
    sc.colon();
    armBody(sc, at, stmt, "loopElse", null);
  }
}

export function forStmt(sc: FactScanner): void {
  const at = sc.i;
  const stmt = sc.stmt;
  sc.i++;
  const mark = sc.pLen;
  sc.parseExprList(X_TARGET | X_NOIN);
  sc.checkTarget(false);
  sc.resolveStore(mark, "for");
  // The target's bases are read only when the iterable yields something.
  if (sc.fn !== null) for (let r = mark; r < sc.pLen; r++) sc.pFlags[r]! |= P_COND;
  if (sc.expect(K_IN, "in")) sc.parseExprList(0);
  sc.flush();
  sc.colon();
  loopBodies(sc, at, stmt);
}

export function withStmt(sc: FactScanner): void {
  const kind = sc.kind;
  const suppressed: string[] = [];
  const withTok = sc.i;
  const stmt = sc.stmt;
  sc.i++;
  if (kind[sc.i] === T_LPAR) {
    const close = matchingClose(sc, sc.i);
    if (kind[close + 1] === T_COLON) {
      sc.i++;
      while (kind[sc.i] !== T_RPAR && kind[sc.i] !== T_NEWLINE && kind[sc.i] !== T_END) {
        withItem(sc, suppressed);
        if (kind[sc.i] === T_COMMA) sc.i++;
        else break;
      }
      sc.expect(T_RPAR, ")");
    } else withItems(sc, suppressed);
  } else withItems(sc, suppressed);
  sc.flush();
  sc.colon();
  // Exceptions named by `suppress(...)` items act like a try's handlers around the body.
  const caught = sc.caught;
  if (suppressed.length > 0) sc.caught = [...new Set([...caught, ...suppressed])].sort();
  const bodyFrom = sc.stmtCounter;
  sc.block(null);
  sc.caught = caught;
  if (suppressed.length > 0 && sc.scope !== "function" && kind[withTok - 1] !== K_ASYNC) {
    const handlers = [...new Set(suppressed)].sort();
    sc.tries.push({
      line: sc.tline[withTok]!,
      col: sc.tokCol(withTok),
      stmt,
      body: [bodyFrom, sc.stmtCounter - 1],
      handlers,
    });
  }
}

function withItems(sc: FactScanner, suppressed: string[]): void {
  for (;;) {
    withItem(sc, suppressed);
    if (sc.kind[sc.i] !== T_COMMA) return;
    sc.i++;
  }
}

/** `suppress(E, ...)` / `contextlib.suppress(E, ...)` in tokens [a, b): the dotted names of E (keywords: none). */
function suppressedNames(sc: FactScanner, a: number, b: number, suppressed: string[]): void {
  const kind = sc.kind;
  if (kind[a] === T_LPAR && matchingClose(sc, a) === b - 1) {
    suppressedNames(sc, a + 1, b - 1, suppressed);
    return;
  }
  let p = a;
  if (kind[p] !== T_NAME) return;
  if (kind[p + 1] === T_DOT) {
    if (sc.text(p) !== "contextlib") return;
    p += 2;
  }
  if (kind[p] !== T_NAME || kind[p + 1] !== T_LPAR) return;
  const callee = sc.text(p);
  if (callee !== "suppress" && (p !== a || !sc.suppressAliases.has(callee))) return;
  if (matchingClose(sc, p + 1) !== b - 1) return;
  const names: string[] = [];
  for (const [x, y] of splitItems(sc, p + 2, b - 1)) {
    if (kind[x + 1] === T_EQUAL && x + 1 < y) return;
    const d = dottedName(sc, x, y);
    if (d !== null) names.push(d);
  }
  suppressed.push(...names);
}

function withItem(sc: FactScanner, suppressed: string[]): void {
  const a = sc.i;
  sc.parseExpr(0);
  suppressedNames(sc, a, sc.i, suppressed);
  if (sc.kind[sc.i] === K_AS) {
    sc.i++;
    const mark = sc.pLen;
    sc.parseExpr(X_TARGET);
    sc.checkTarget(false);
    sc.resolveStore(mark, "with");
  }
}

export function tryStmt(sc: FactScanner): void {
  const tryTok = sc.i;
  sc.begin();
  const stmt = sc.stmt;
  sc.i++;
  sc.colon();
  const asNames: number[] = [];
  const handled = handlerNames(sc, sc.i, asNames);
  // CPython's ast puts handler names on the try statement itself: bound (class-locally too) before its body.
  for (let n = 0; n < asNames.length; n += 2) {
    const kw = asNames[n]!;
    sc.bind(sc.text(asNames[n + 1]!), "except", sc.start[kw]!, sc.tline[kw]!);
  }
  const caught = sc.caught;
  if (handled.length > 0) sc.caught = [...new Set([...caught, ...handled])].sort();
  const bodyFrom = sc.stmtCounter;
  sc.block(null);
  sc.caught = caught;
  if (sc.scope !== "function") {
    const body: [number, number] = [bodyFrom, sc.stmtCounter - 1];
    sc.tries.push({
      line: sc.tline[tryTok]!,
      col: sc.tokCol(tryTok),
      stmt,
      body,
      handlers: [...new Set(handled)].sort(),
    });
  }
  const kind = sc.kind;
  const sawHandler = kind[sc.i] === K_EXCEPT;
  while (kind[sc.i] === K_EXCEPT) {
    sc.i++;
    if (kind[sc.i] === T_STAR) sc.i++;
    sc.stmt = stmt;
    // A handler's type is evaluated only when its try body raised.
    sc.noCertain++;
    const typeFrom = sc.i;
    if (kind[sc.i] !== T_COLON) {
      sc.parseExpr(0);
      if (kind[sc.i] === K_AS) {
        sc.i++;
        if (kind[sc.i] === T_NAME) sc.i++;
      }
    }
    const catches = sc.scope === "function" ? null : handlerCatches(sc, typeFrom, sc.i);
    sc.flush();
    sc.noCertain--;
    sc.colon();
    armBody(sc, tryTok, stmt, "handler", catches);
  }
  if (kind[sc.i] === K_ELSE) {
    sc.i++;
    sc.colon();
    armBody(sc, tryTok, stmt, "tryElse", null);
  }
  if (kind[sc.i] === K_FINALLY) {
    sc.i++;
    sc.colon();
    sc.block(null);
  } else if (!sawHandler) sc.error("expected 'except' or 'finally' block");
}

/** Token index just after the block starting at `j` (after its `:`). */
export function skipBlock(sc: FactScanner, j: number): number {
  const kind = sc.kind;
  if (kind[j] === T_NEWLINE && kind[j + 1] === T_INDENT) {
    let depth = 0;
    for (j++; ; j++) {
      const k = kind[j];
      if (k === T_INDENT) depth++;
      else if (k === T_DEDENT) {
        depth--;
        if (depth === 0) return j + 1;
      } else if (k === T_END) return j;
    }
  }
  while (kind[j] !== T_NEWLINE && kind[j] !== T_END) j++;
  return kind[j] === T_NEWLINE ? j + 1 : j;
}

/** The dotted names the handlers of the try whose body starts at `j` catch (`*` for a bare except). */
export function handlerNames(sc: FactScanner, j: number, asNames: number[]): string[] {
  const kind = sc.kind;
  const names: string[] = [];
  j = skipBlock(sc, j);
  while (kind[j] === K_EXCEPT) {
    j++;
    if (kind[j] === T_STAR) j++;
    // The header ends at the ':' at depth 0.
    let e = j;
    let depth = 0;
    while (kind[e] !== T_END && kind[e] !== T_NEWLINE && !(depth === 0 && kind[e] === T_COLON)) {
      const k = kind[e]!;
      if (k === T_LPAR || k === T_LSQB || k === T_LBRACE) depth++;
      else if (k === T_RPAR || k === T_RSQB || k === T_RBRACE) depth--;
      e++;
    }
    let x = e;
    // Drop `as NAME` (remembered by the `except` token, two before it when there is no `*`).
    if (x - 2 >= j && kind[x - 2] === K_AS && kind[x - 1] === T_NAME) {
      x -= 2;
      asNames.push(kind[j - 1] === T_STAR ? j - 2 : j - 1, x + 1);
    }
    caughtTypes(sc, j, x, names);
    j = skipBlock(sc, e + 1);
  }
  return names;
}

/** The dotted names one handler's type (tokens [j, x), without `as NAME`) catches into `names`; `*` when empty. */
function caughtTypes(sc: FactScanner, j: number, x: number, names: string[]): void {
  if (x === j) {
    names.push("*");
    return;
  }
  const single = dottedName(sc, j, x);
  if (single !== null) names.push(single);
  else if (sc.kind[j] === T_LPAR && matchingClose(sc, j) === x - 1) {
    for (const [a, b] of splitItems(sc, j + 1, x - 1)) {
      const d = dottedName(sc, a, b);
      if (d !== null) names.push(d);
    }
  }
}

/** What the handler whose type spans tokens [a, b) (`as NAME` included) catches, sorted, unique. */
function handlerCatches(sc: FactScanner, a: number, b: number): string[] {
  if (b - 2 >= a && sc.kind[b - 2] === K_AS && sc.kind[b - 1] === T_NAME) b -= 2;
  const names: string[] = [];
  caughtTypes(sc, a, b, names);
  return [...new Set(names)].sort();
}
