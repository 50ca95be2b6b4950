// Expression scanner: walks expression tokens without building an AST, recording names read (with their attribute
// chains) in a pending buffer that the statement walker turns into reads, bindings or nothing once it knows the
// context (an assignment target is only known when the `=` is reached; a comprehension's targets follow its element).
import * as literals_ from "./literals.ts";

// Local copies: module-namespace getters are slow in the hot loop under some loaders.
const { STR_FSTRING, stringKind } = literals_;

import * as branchConditions_ from "./branchConditions.ts";
import type { ReadGuard } from "./facts.ts";
import * as fstrings_ from "./fstrings.ts";
import * as scanFlags_ from "./scanFlags.ts";
import type { Tokens } from "./tokenize.ts";
import * as tokenize_ from "./tokenize.ts";

// Local copies: module-namespace getters are slow in the hot loop under some loaders.
const { normalizeName } = tokenize_;
const {
  X_NOIN,
  X_NOCOND,
  X_TARGET,
  X_STAR,
  X_DSTAR,
  X_YIELD,
  X_NONOT,
  S_NONE,
  S_SINGLE,
  S_MULTI,
  P_CAND,
  P_LASTATTR,
  P_COMPINNER,
  P_COND,
  P_CALL,
} = scanFlags_;
const { scanFString } = fstrings_;
const { branchCondition } = branchConditions_;

export {
  P_CALL,
  P_CAND,
  P_COMPINNER,
  P_COND,
  P_LASTATTR,
  P_LATE,
  S_MULTI,
  S_NONE,
  S_SINGLE,
  X_DSTAR,
  X_NOCOND,
  X_NOIN,
  X_NONOT,
  X_STAR,
  X_TARGET,
  X_YIELD,
} from "./scanFlags.ts";

import * as tokenRanges_ from "./tokenRanges.ts";

const { callArgs, matchingClose } = tokenRanges_;
const NO_KEYWORDS: string[] = [];

import * as tokenKinds_ from "./tokenKinds.ts";

// Local copies: module-namespace getters are slow in the hot loop under some loaders.
const {
  K_ASYNC,
  K_AWAIT,
  K_DEL,
  K_ELSE,
  K_FALSE,
  K_FOR,
  K_FROM,
  K_IF,
  K_IN,
  K_IS,
  K_LAMBDA,
  K_NONE,
  K_NOT,
  K_TRUE,
  K_YIELD,
  T_AT,
  T_AUGASSIGN,
  T_BINOP,
  T_COLON,
  T_COMMA,
  T_COMPARE,
  T_DOT,
  T_DSTAR,
  T_ELLIPSIS,
  T_END,
  T_EQUAL,
  T_LBRACE,
  T_LPAR,
  T_LSQB,
  T_MINUS,
  T_NAME,
  T_NEWLINE,
  T_NUMBER,
  T_PLUS,
  T_RBRACE,
  T_RPAR,
  T_RSQB,
  T_SLASH,
  T_STAR,
  T_STRING,
  T_TILDE,
  T_VBAR,
  T_WALRUS,
} = tokenKinds_;

const ALL_MUTATORS = new Set(["append", "extend", "insert", "remove", "pop", "clear", "sort", "reverse"]);

const GEN = 0;
const LIST = 1;

export interface PytestCall {
  method: string;
  /** Token index of the call's `(`. */
  lpar: number;
  /** Offset and line of the call's first token. */
  off: number;
  line: number;
}

export abstract class ExprScanner {
  src: string;
  kind: Uint8Array;
  start: Int32Array;
  end: Int32Array;
  tline: Int32Array;
  i = 0;
  toks: Tokens;
  fdepth = 0;
  /** Offset and line reached by the last f-string field scanned (fields are visited in source order). */
  fPos = -1;
  fLine = 0;
  shape = S_NONE;
  /** Recording reads (module or class scope, or the body of a module-level def; not a lambda body). */
  rec = true;
  /** Recording reads in a def body (for its function fact): attribute chains are not needed. */
  inDefBody = false;
  /** In a def body outside its certain top-level parts: only possible assignment targets are recorded. */
  onlyTargets = false;
  lambdaDepth = 0;
  errors: { message: string; offset: number; line: number }[] = [];

  pName: string[] = [];
  pOff: number[] = [];
  pLine: number[] = [];
  pAttrs: (string[] | null)[] = [];
  pFlags: number[] = [];
  /** For a call `NAME(...)` outside def bodies: its positional count (-1 with `*x`) and keyword names (null with
   *  `**x`); a bare decorator: 1 and none. Read from the tokens when the name is pushed (f-string fields have
   *  tokens of their own). */
  pArgs: number[] = [];
  pKeywords: (string[] | null)[] = [];
  /** The parameter a pending read depends on (`info or X()`: X runs when the call leaves `info` to its falsy
   *  default), or null. */
  pGuard: (string | null)[] = [];
  /** The innermost conditional expression a pending read is an arm of (`X if test else Y`): its test and which arm
   *  (true: the body), or null. */
  pWhen: (ReadGuard | null)[] = [];
  /** Set while scanning the right operand of such an `or`. */
  orGuard: string | null = null;
  pLen = 0;
  /** > 0 while scanning a part of an expression that may not be evaluated: its reads are conditional. */
  conditionalReads = 0;

  constructor(src: string, toks: Tokens) {
    this.src = src;
    this.toks = toks;
    this.kind = toks.kind;
    this.start = toks.start;
    this.end = toks.end;
    this.tline = toks.line;
  }

  abstract walrusBinding(name: string, off: number, line: number): void;
  /** A mutating call or subscript store on `__all__` (literal forms are recognised later by the statement). */
  abstract allMutation(): void;
  /** `sys.path.insert(` / `sys.path.append(` at token `nameTok` (the `sys`). */
  abstract sysPathCall(nameTok: number): void;
  abstract pytestCall(method: string, lpar: number, off: number, line: number): void;

  text(t: number): string {
    const s = this.src.slice(this.start[t]!, this.end[t]!);
    if (this.toks.nonAsciiNames && this.kind[t] === T_NAME) {
      const name = normalizeName(s);
      if (name === null) {
        this.errors.push({ message: "invalid character in identifier", offset: this.start[t]!, line: this.tline[t]! });
        return s;
      }
      return name;
    }
    return s;
  }

  error(message: string): void {
    const t = this.i;
    this.errors.push({ message, offset: this.start[t]!, line: this.tline[t]! });
  }

  expect(k: number, what: string): boolean {
    if (this.kind[this.i] === k) {
      this.i++;
      return true;
    }
    this.error(`invalid syntax: expected '${what}'`);
    return false;
  }

  pushPending(name: string, off: number, line: number, attrs: string[] | null, flags: number, lpar = -1): void {
    const n = this.pLen++;
    if (lpar >= 0 && !this.inDefBody) this.callShape(n, lpar);
    else {
      this.pArgs[n] = 1;
      this.pKeywords[n] = NO_KEYWORDS;
    }
    this.pName[n] = name;
    this.pOff[n] = off;
    this.pLine[n] = line;
    this.pAttrs[n] = attrs;
    this.pFlags[n] = this.conditionalReads > 0 ? flags | P_COND : flags;
    this.pGuard[n] = this.conditionalReads > 0 ? null : this.orGuard;
    this.pWhen[n] = null;
  }

  callShape(n: number, lpar: number): void {
    const kind = this.kind;
    let args = 0;
    let keywords: string[] | null = [];
    for (const [a] of callArgs(this, lpar)) {
      const k = kind[a];
      if (k === T_STAR) args = -1;
      else if (k === T_DSTAR) keywords = null;
      else if (k === T_NAME && kind[a + 1] === T_EQUAL) keywords?.push(this.text(a));
      else if (args >= 0) args++;
    }
    this.pArgs[n] = args;
    this.pKeywords[n] = keywords;
  }

  /** Removes pending entry `n` by moving the later ones down. */
  dropPending(from: number, keep: (n: number) => boolean): void {
    let w = from;
    for (let r = from; r < this.pLen; r++) {
      if (!keep(r)) continue;
      if (w !== r) {
        this.pName[w] = this.pName[r]!;
        this.pOff[w] = this.pOff[r]!;
        this.pLine[w] = this.pLine[r]!;
        this.pAttrs[w] = this.pAttrs[r]!;
        this.pFlags[w] = this.pFlags[r]!;
        this.pArgs[w] = this.pArgs[r]!;
        this.pKeywords[w] = this.pKeywords[r]!;
        this.pGuard[w] = this.pGuard[r]!;
        this.pWhen[w] = this.pWhen[r]!;
      }
      w++;
    }
    this.pLen = w;
  }

  clearTargetFlags(from: number): void {
    for (let r = from; r < this.pLen; r++) this.pFlags[r]! &= ~(P_CAND | P_LASTATTR);
  }

  startsExpr(k: number): boolean {
    switch (k) {
      case T_NAME:
      case T_NUMBER:
      case T_STRING:
      case T_LPAR:
      case T_LSQB:
      case T_LBRACE:
      case T_MINUS:
      case T_PLUS:
      case T_TILDE:
      case T_STAR:
      case T_ELLIPSIS:
      case K_NOT:
      case K_LAMBDA:
      case K_AWAIT:
      case K_NONE:
      case K_TRUE:
      case K_FALSE:
      case K_YIELD:
        return true;
    }
    return false;
  }

  /** Comma-separated expressions (a tuple without parentheses when there is a comma). Returns the count. */
  parseExprList(ctx: number): number {
    let n = 1;
    const first = this.i;
    ctx |= X_STAR;
    this.parseExpr(ctx);
    let shape = this.shape;
    while (this.kind[this.i] === T_COMMA && this.startsExpr(this.kind[this.i + 1]!)) {
      this.i++;
      this.parseExpr(ctx);
      if (this.shape === S_NONE) shape = S_NONE;
      n++;
    }
    if (this.kind[this.i] === T_COMMA) {
      this.i++;
      n++;
    }
    this.shape = n > 1 && shape !== S_NONE ? S_MULTI : shape;
    if (n === 1 && this.kind[first] === T_STAR) this.error("can't use starred expression here");
    return n;
  }

  parseExpr(ctx: number): void {
    const kind = this.kind;
    if (kind[this.i] === T_NAME && kind[this.i + 1] === T_WALRUS) {
      const t = this.i;
      if (this.lambdaDepth === 0) this.walrusBinding(this.text(t), this.start[t]!, this.tline[t]!);
      this.i += 2;
      this.parseExpr(ctx & X_NOIN);
      this.shape = S_NONE;
      return;
    }
    const pMark = this.pLen;
    const first = this.i;
    this.parseOperand(ctx);
    const shape = this.shape;
    const at = this.i;
    const sub = ctx & ~(X_TARGET | X_STAR | X_DSTAR | X_YIELD);
    // Operands after the first `and`/`or`, and comparators after the second of a chain, may not be evaluated.
    // `and`/`or` bind loosest, so every operand after the first of them belongs to a later BoolOp value.
    let maybe = false;
    let compares = 0;
    // Outside def bodies, the reads of each value after the first of an `and`/`or` remember what must hold for it
    // to run: the `and` chain before it true (`hasattr(m, "x") and m.x`), everything before an `or` false.
    let chainStart = first;
    let segmentFrom = 0;
    let segmentGuard: ReadGuard | null = null;
    for (;;) {
      const k = kind[this.i];
      if (
        k === T_PLUS ||
        k === T_MINUS ||
        k === T_STAR ||
        k === T_DSTAR ||
        k === T_SLASH ||
        k === T_VBAR ||
        k === T_BINOP ||
        k === T_AT
      ) {
        this.i++;
        this.parseOperand(sub | X_NONOT);
      } else if (k === 77 /* or */ && !maybe && compares === 0 && this.i === at && this.guardsOr(first, at)) {
        // `PARAM or X`, PARAM a parameter with a falsy default: X runs whenever the call leaves PARAM out.
        this.i++;
        this.orGuard = this.text(first);
        this.parseOperand(sub);
        this.orGuard = null;
        maybe = true;
        this.conditionalReads++;
      } else if (k === 53 /* and */ || k === 77 /* or */) {
        if (segmentGuard !== null) this.guardReads(segmentFrom, this.pLen, segmentGuard);
        if (!this.inDefBody) {
          const test = branchCondition(this, k === 53 ? chainStart : first, this.i);
          segmentGuard = { test, value: k === 53 };
          segmentFrom = this.pLen;
        }
        if (k === 77) chainStart = this.i + 1;
        this.i++;
        if (!maybe) {
          maybe = true;
          this.conditionalReads++;
        }
        this.parseOperand(sub);
      } else {
        if (k === K_IS) this.i += kind[this.i + 1] === K_NOT ? 2 : 1;
        else if (k === K_NOT && kind[this.i + 1] === K_IN) this.i += 2;
        else if (k === K_IN && (ctx & X_NOIN) === 0) this.i++;
        else if (k === T_COMPARE) this.i++;
        else break;
        if (++compares === 2 && !maybe) {
          maybe = true;
          this.conditionalReads++;
        }
        this.parseOperand(sub | X_NONOT);
      }
    }
    if (segmentGuard !== null) this.guardReads(segmentFrom, this.pLen, segmentGuard);
    if (maybe) this.conditionalReads--;
    if ((ctx & X_NOCOND) === 0 && kind[this.i] === K_IF) {
      // `body if test else orelse`: the body was scanned before the `if` showed it is conditional.
      for (let r = pMark; r < this.pLen; r++) this.pFlags[r]! |= P_COND;
      const bodyEnd = this.pLen;
      this.i++;
      const testStart = this.i;
      this.parseExpr((sub & X_NOIN) | X_NOCOND);
      // Outside def bodies, the arms' reads remember the test: under `X if flag else None`, X is read only where
      // flag is true (and the model knows where a name bound under `if flag:` is bound).
      const test = this.inDefBody ? null : branchCondition(this, testStart, this.i);
      if (test !== null) this.guardReads(pMark, bodyEnd, { test, value: true });
      if (this.expect(K_ELSE, "else")) {
        const elseMark = this.pLen;
        this.conditionalReads++;
        this.parseExpr(sub);
        this.conditionalReads--;
        if (test !== null) this.guardReads(elseMark, this.pLen, { test, value: false });
      }
    }
    this.shape = this.i === at ? shape : S_NONE;
  }

  /** Pending reads [from, to) not yet in an inner conditional expression's arm are in an arm guarded by `guard`. */
  guardReads(from: number, to: number, guard: ReadGuard): void {
    for (let r = from; r < to; r++) if (this.pWhen[r] === null) this.pWhen[r] = guard;
  }

  /** The operand [first, at) is a lone name that is a parameter of the def being scanned with a `None`/`False`
   *  default, on a path that certainly runs (docs/facts.md: functions, guard). */
  guardsOr(first: number, at: number): boolean {
    return (
      at === first + 1 &&
      this.kind[first] === T_NAME &&
      this.inDefBody &&
      this.conditionalReads === 0 &&
      this.orGuard === null &&
      this.falsyDefault(this.text(first))
    );
  }

  parseOperand(ctx: number): void {
    const k = this.kind[this.i];
    switch (k) {
      case K_NOT:
        if (ctx & X_NONOT) this.error("invalid syntax: 'not' here needs parentheses");
        this.i++;
        this.parseOperand(ctx & ~(X_TARGET | X_NONOT));
        this.shape = S_NONE;
        return;
      case T_MINUS:
      case T_PLUS:
      case T_TILDE:
      case K_AWAIT:
      case T_DSTAR:
        if (k === K_AWAIT) this.awaitSeen();
        else if (k === T_DSTAR && (ctx & X_DSTAR) === 0) this.error("invalid syntax: '**' not allowed here");
        this.i++;
        this.parseOperand((ctx & ~X_TARGET) | X_NONOT);
        this.shape = S_NONE;
        return;
      case T_STAR:
        if ((ctx & X_STAR) === 0) this.error("invalid syntax: starred expression not allowed here");
        this.i++;
        this.parseOperand(ctx & ~X_STAR);
        if (this.shape !== S_NONE) this.shape = S_MULTI;
        return;
      case K_LAMBDA:
        this.parseLambda(ctx);
        this.shape = S_NONE;
        return;
      case K_YIELD:
        if ((ctx & X_YIELD) === 0) this.error("invalid syntax: unparenthesized yield");
        this.i++;
        this.yieldSeen();
        if (this.kind[this.i] === K_FROM) {
          this.i++;
          this.parseExpr(0);
        } else if (this.startsExpr(this.kind[this.i]!)) this.parseExprList(0);
        this.shape = S_NONE;
        return;
    }
    this.parseAtom(ctx);
  }

  parseLambda(ctx: number): void {
    const kind = this.kind;
    this.i++;
    while (kind[this.i] !== T_COLON) {
      const k = kind[this.i];
      if (k === T_STAR || k === T_DSTAR) this.i++;
      if (kind[this.i] === T_NAME) {
        this.i++;
        if (kind[this.i] === T_EQUAL) {
          this.i++;
          this.parseExpr(0);
        }
      } else if (k === T_SLASH) this.i++;
      else if (k !== T_STAR) {
        this.error("invalid syntax in lambda parameters");
        return;
      }
      if (kind[this.i] === T_COMMA) this.i++;
      else if (kind[this.i] !== T_COLON) {
        this.error("invalid syntax in lambda parameters");
        return;
      }
    }
    this.i++;
    const mark = this.pLen;
    const rec = this.rec;
    this.lambdaDepth++;
    this.parseExpr(ctx & (X_NOIN | X_NOCOND));
    this.lambdaDepth--;
    this.rec = rec;
    this.pLen = mark;
  }

  parseAtom(ctx: number): void {
    const kind = this.kind;
    const s = this.i;
    const k = kind[s];
    const mark = this.pLen;
    let display = false;
    this.shape = S_NONE;
    switch (k) {
      case T_NAME: {
        this.i++;
        this.nameAtom(s, ctx, s);
        return;
      }
      case T_NUMBER:
      case K_NONE:
      case K_TRUE:
      case K_FALSE:
      case T_ELLIPSIS:
        this.i++;
        break;
      case T_STRING:
        while (kind[this.i] === T_STRING) {
          if (stringKind(this.src, this.start[this.i]!) === STR_FSTRING) scanFString(this, this.i);
          this.i++;
        }
        break;
      case T_LPAR: {
        // `(name).attr`: the chain still starts at the name (parentheses are only grouping).
        let k = 1;
        while (kind[s + k] === T_LPAR) k++;
        if (kind[s + k] === T_NAME && kind[s + k + 1] === T_RPAR) {
          let r = 1;
          while (r < k && kind[s + k + 1 + r] === T_RPAR) r++;
          const after = kind[s + k + 1 + r];
          if (r === k && (after === T_DOT || after === T_LPAR || after === T_LSQB)) {
            this.i = s + k + 1 + r;
            this.nameAtom(s + k, ctx, s);
            return;
          }
        }
        this.parseParen(ctx);
        display = true;
        break;
      }
      case T_LSQB:
        this.parseList(ctx);
        display = true;
        break;
      case T_LBRACE:
        this.parseBrace();
        break;
      default:
        this.error("invalid syntax");
        if (k !== T_NEWLINE && k !== T_END && k !== T_RPAR && k !== T_RSQB && k !== T_RBRACE && k !== T_COLON) this.i++;
        return;
    }
    const t = kind[this.i];
    if (t === T_DOT || t === T_LPAR || t === T_LSQB) {
      if (display) this.clearTargetFlags(mark);
      this.trailers(s, false);
    }
  }

  /** A `yield` / `await` was parsed (the statement walker checks where it is). */
  abstract yieldSeen(): void;
  /** A parameter of the module-level def being scanned whose default is `None` or `False`. */
  abstract falsyDefault(name: string): boolean;
  /** `name` is the first parameter of a metaclass's `__init__` being scanned: its `.NAME(...)` calls count. */
  abstract selfParam(name: string): boolean;
  abstract awaitSeen(): void;

  /** A name atom and its trailers: one pending read with the leading attribute chain. */
  nameAtom(s: number, ctx: number, first: number): void {
    const kind = this.kind;
    let t = kind[this.i];
    const rec = this.rec && (!this.onlyTargets || (ctx & X_TARGET) !== 0);
    if (t !== T_DOT && t !== T_LPAR && t !== T_LSQB) {
      if (rec) this.pushPending(this.text(s), this.start[s]!, this.tline[s]!, null, ctx & X_TARGET ? P_CAND : 0);
      this.shape = S_SINGLE;
      return;
    }
    let attrs: string[] | null = null;
    // In a def body: the first attribute of the chain and the chain's length (for `self.method(...)`).
    let firstAttr = -1;
    let chain = 0;
    const call = t === T_LPAR ? P_CALL : 0;
    const len = this.end[s]! - this.start[s]!;
    if (this.lambdaDepth === 0) {
      if (t === T_DOT && len === 3 && this.text(s) === "sys") this.maybeSysPath(s);
      else if (len === 7 && this.text(s) === "__all__") this.maybeAllMutation(s);
    }
    if (rec) {
      while (t === T_DOT && kind[this.i + 1] === T_NAME) {
        // In a def body only the name matters (no attribute facts there).
        if (!this.inDefBody) {
          if (attrs === null) attrs = [];
          attrs.push(this.text(this.i + 1));
        } else if (chain === 0) firstAttr = this.i + 1;
        chain++;
        this.i += 2;
        t = kind[this.i];
      }
      const allAttrs = t !== T_LPAR && t !== T_LSQB && t !== T_DOT;
      this.pushPending(
        this.text(s),
        this.start[s]!,
        this.tline[s]!,
        attrs,
        allAttrs && ctx & X_TARGET && attrs !== null ? P_LASTATTR : call,
        call !== 0 ? this.i : -1,
      );
      // `cls.method(...)` in a metaclass's `__init__`: a pseudo-read ".method" at `cls`, kept as a call.
      if (chain === 1 && t === T_LPAR && this.inDefBody && this.selfParam(this.text(s)))
        this.pushPending(`.${this.text(firstAttr)}`, this.start[s]!, this.tline[s]!, null, 0);
      if (allAttrs) {
        this.shape = S_SINGLE;
        return;
      }
    }
    this.trailers(first, rec);
  }

  maybeAllMutation(s: number): void {
    const kind = this.kind;
    if (kind[s + 1] === T_DOT) {
      if (kind[s + 2] === T_NAME && kind[s + 3] === T_LPAR && ALL_MUTATORS.has(this.text(s + 2))) this.allMutation();
    } else if (kind[s + 1] === T_LSQB) {
      const close = matchingClose(this, s + 1);
      const k = kind[close + 1];
      if (k === T_EQUAL || k === T_AUGASSIGN || kind[s - 1] === K_DEL) this.allMutation();
    }
  }

  maybeSysPath(s: number): void {
    const kind = this.kind;
    if (
      kind[s + 1] === T_DOT &&
      kind[s + 2] === T_NAME &&
      kind[s + 3] === T_DOT &&
      kind[s + 4] === T_NAME &&
      kind[s + 5] === T_LPAR &&
      this.text(s + 2) === "path"
    ) {
      const m = this.text(s + 4);
      if (m === "insert" || m === "append") this.sysPathCall(s);
    }
  }

  checkPytestCall(nameTok: number, first: number): void {
    if (this.kind[nameTok - 1] !== T_DOT || this.kind[nameTok] !== T_NAME) return;
    const len = this.end[nameTok]! - this.start[nameTok]!;
    if (len !== 16 && len !== 6 && len !== 9 && len !== 10) return;
    const m = this.text(nameTok);
    if (m === "addinivalue_line" || m === "addini" || m === "addoption" || m === "_addoption")
      this.pytestCall(m, nameTok + 1, this.start[first]!, this.tline[first]!);
  }

  /** Trailers after an atom starting at token `first`. `started`: the caller already consumed a chain. */
  trailers(first: number, _started: boolean): void {
    const kind = this.kind;
    let shape = S_SINGLE;
    for (;;) {
      const t = kind[this.i];
      if (t === T_DOT) {
        if (kind[this.i + 1] !== T_NAME) this.error("invalid syntax");
        this.i += 2;
        shape = S_SINGLE;
      } else if (t === T_LPAR) {
        this.checkPytestCall(this.i - 1, first);
        this.parseCallArgs();
        shape = S_NONE;
      } else if (t === T_LSQB) {
        this.parseSubscript();
        shape = S_SINGLE;
      } else break;
    }
    this.shape = shape;
  }

  parseCallArgs(): void {
    this.kwDepth++;
    this.callArgs();
    this.kwDepth--;
  }

  callArgs(): void {
    const kind = this.kind;
    this.i++;
    let sawKeyword = false;
    let nKw = 0;
    let nArgs = 0;
    const KW_SEEN = this.kwSeen();
    while (kind[this.i] !== T_RPAR) {
      const k = kind[this.i];
      if (k === T_NEWLINE || k === T_END) {
        this.error("'(' was never closed");
        return;
      }
      if (k === T_NAME && kind[this.i + 1] === T_EQUAL) {
        // Keyword argument: each name once.
        for (let q = 0; q < nKw; q++) {
          const other = KW_SEEN[q]!;
          if (sameText(this, other, this.i)) this.error(`keyword argument repeated: ${this.text(this.i)}`);
        }
        if (nKw < KW_SEEN.length) KW_SEEN[nKw++] = this.i;
        sawKeyword = true;
        this.i += 2;
      } else if (k === T_DSTAR) sawKeyword = true;
      else if (k !== T_STAR && sawKeyword) this.error("positional argument follows keyword argument");
      const mark = this.pLen;
      const effects = this.effectMark();
      this.parseExpr(X_STAR | X_DSTAR);
      const f = kind[this.i];
      if (f === K_FOR || (f === K_ASYNC && kind[this.i + 1] === K_FOR)) {
        this.parseComprehension(mark, GEN, effects);
        if (nArgs > 0 || kind[this.i] !== T_RPAR) this.error("Generator expression must be parenthesized");
      }
      nArgs++;
      if (kind[this.i] === T_COMMA) this.i++;
      else if (kind[this.i] !== T_RPAR) {
        this.error("invalid syntax in call arguments");
        this.skipTo(T_RPAR);
        break;
      }
    }
    this.i++;
  }

  parseSubscript(): void {
    const kind = this.kind;
    this.i++;
    if (kind[this.i] === T_RSQB) this.error("invalid syntax: empty subscript");
    while (kind[this.i] !== T_RSQB) {
      const k = kind[this.i];
      if (k === T_NEWLINE || k === T_END) {
        this.error("'[' was never closed");
        return;
      }
      if (k !== T_COLON) this.parseExpr(X_STAR);
      while (kind[this.i] === T_COLON) {
        this.i++;
        const n = kind[this.i];
        if (n !== T_COLON && n !== T_COMMA && n !== T_RSQB) this.parseExpr(0);
      }
      if (kind[this.i] === T_COMMA) this.i++;
      else if (kind[this.i] !== T_RSQB) {
        this.error("invalid syntax in subscript");
        this.skipTo(T_RSQB);
        break;
      }
    }
    this.i++;
  }

  /** Skips to the closing token `close` of the current bracket level (used only to recover from errors). */
  skipTo(close: number): void {
    const kind = this.kind;
    let depth = 0;
    for (;;) {
      const k = kind[this.i]!;
      if (k === T_END || k === T_NEWLINE) return;
      if (k === T_LPAR || k === T_LSQB || k === T_LBRACE) depth++;
      else if (k === T_RPAR || k === T_RSQB || k === T_RBRACE) {
        if (depth === 0) {
          if (k !== close) this.i++;
          return;
        }
        depth--;
      }
      this.i++;
    }
  }

  parseParen(ctx: number): void {
    const kind = this.kind;
    this.i++;
    const mark = this.pLen;
    const effects = this.effectMark();
    if (kind[this.i] === T_RPAR) {
      this.i++;
      this.shape = S_MULTI;
      return;
    }
    const sub = (ctx & X_TARGET) | X_STAR;
    if (kind[this.i] === K_YIELD) {
      this.parseOperand(X_YIELD);
      this.expect(T_RPAR, ")");
      this.shape = S_NONE;
      return;
    }
    this.parseExpr(sub);
    let shape = this.shape;
    const f = kind[this.i];
    if (f === K_FOR || (f === K_ASYNC && kind[this.i + 1] === K_FOR)) {
      this.parseComprehension(mark, GEN, effects);
      shape = S_NONE;
      if (kind[this.i] !== T_RPAR) this.error("invalid syntax: a generator expression ends its parentheses");
    }
    while (kind[this.i] === T_COMMA) {
      this.i++;
      if (shape !== S_NONE) shape = S_MULTI;
      if (kind[this.i] === T_RPAR) break;
      this.parseExpr(sub);
      if (this.shape === S_NONE) shape = S_NONE;
    }
    this.shape = shape;
    if (kind[this.i] === T_RPAR) this.i++;
    else {
      this.error("'(' was never closed");
      this.skipTo(T_RPAR);
      if (kind[this.i] === T_RPAR) this.i++;
    }
  }

  parseList(ctx: number): void {
    const kind = this.kind;
    this.i++;
    const mark = this.pLen;
    if (kind[this.i] === T_RSQB) {
      this.i++;
      this.shape = S_MULTI;
      return;
    }
    const sub = (ctx & X_TARGET) | X_STAR;
    this.parseExpr(sub);
    let shape = this.shape === S_NONE ? S_NONE : S_MULTI;
    const f = kind[this.i];
    if (f === K_FOR || (f === K_ASYNC && kind[this.i + 1] === K_FOR)) {
      this.parseComprehension(mark, LIST, -1);
      shape = S_NONE;
      if (kind[this.i] !== T_RSQB) this.error("invalid syntax: a comprehension ends its brackets");
    }
    while (kind[this.i] === T_COMMA) {
      this.i++;
      if (kind[this.i] === T_RSQB) break;
      this.parseExpr(sub);
      if (this.shape === S_NONE) shape = S_NONE;
    }
    this.shape = shape;
    if (kind[this.i] === T_RSQB) this.i++;
    else {
      this.error("'[' was never closed");
      this.skipTo(T_RSQB);
      if (kind[this.i] === T_RSQB) this.i++;
    }
  }

  parseBrace(): void {
    const kind = this.kind;
    this.i++;
    const mark = this.pLen;
    let first = true;
    let dict = false;
    while (kind[this.i] !== T_RBRACE) {
      const k = kind[this.i];
      if (k === T_NEWLINE || k === T_END) {
        this.error("'{' was never closed");
        return;
      }
      let isDict: boolean;
      if (k === T_DSTAR) {
        this.i++;
        this.parseOperand(0);
        isDict = true;
      } else {
        this.parseExpr(X_STAR);
        isDict = kind[this.i] === T_COLON;
        if (isDict) {
          this.i++;
          this.parseExpr(0);
        }
      }
      if (first) dict = isDict;
      else if (dict !== isDict) this.error(dict ? "':' expected after dictionary key" : "invalid syntax");
      const f = kind[this.i];
      if (first && (f === K_FOR || (f === K_ASYNC && kind[this.i + 1] === K_FOR))) {
        this.parseComprehension(mark, LIST, -1);
        if (kind[this.i] !== T_RBRACE) this.error("invalid syntax: a comprehension ends its braces");
      }
      first = false;
      if (kind[this.i] === T_COMMA) this.i++;
      else if (kind[this.i] !== T_RBRACE) {
        this.error("invalid syntax in display");
        this.skipTo(T_RBRACE);
        break;
      }
    }
    this.i++;
  }

  /** The `for ... in ... if ...` clauses after a comprehension's element (its reads start at `elemMark`). */
  /** Where module-level side facts (sys.path changes, `__all__` mutations) stand, so that a generator
   *  expression can drop the ones in parts that do not run at import time. */
  /** Scratch space for one call's keyword argument names (per nesting level, so nested calls do not clash). */
  kwStack: number[][] = [];
  kwDepth = 0;
  kwSeen(): number[] {
    let seen = this.kwStack[this.kwDepth];
    if (seen === undefined) {
      seen = new Array<number>(16).fill(0);
      this.kwStack[this.kwDepth] = seen;
    }
    return seen;
  }

  effectMark(): number {
    return 0;
  }

  dropEffects(_from: number, _keepFrom: number, _keepTo: number): void {}

  parseComprehension(elemMark: number, what: number, effects: number): void {
    const kind = this.kind;
    const bound: string[] = [];
    let iterS = -1;
    let iterE = -1;
    let effS = 0;
    let effE = 0;
    while (kind[this.i] === K_FOR || (kind[this.i] === K_ASYNC && kind[this.i + 1] === K_FOR)) {
      if (kind[this.i] === K_ASYNC) this.i++;
      this.i++;
      const tMark = this.pLen;
      this.parseExprList(X_TARGET | X_NOIN);
      if (this.shape === S_NONE) this.error("cannot assign to expression");
      for (let r = tMark; r < this.pLen; r++) {
        const f = this.pFlags[r]!;
        if (f & P_CAND) bound.push(this.pName[r]!);
        else if (f & P_LASTATTR) this.pAttrs[r]!.pop();
      }
      this.dropPending(tMark, (r) => (this.pFlags[r]! & P_CAND) === 0);
      if (!this.expect(K_IN, "in")) return;
      const first = iterS < 0;
      if (first) {
        iterS = this.pLen;
        effS = this.effectMark();
      }
      this.parseExpr(X_NOCOND);
      if (first) {
        iterE = this.pLen;
        effE = this.effectMark();
      }
      while (kind[this.i] === K_IF) {
        this.i++;
        this.parseExpr(X_NOCOND);
      }
    }
    if (what === GEN && effects >= 0 && iterS >= 0) this.dropEffects(effects, effS, effE);
    this.clearTargetFlags(elemMark);
    this.dropPending(elemMark, (r) => {
      if (r >= iterS && r < iterE) return true;
      if (what === GEN) return false;
      if (bound.includes(this.pName[r]!)) return false;
      this.pFlags[r]! |= P_COMPINNER;
      return true;
    });
  }
}

/** Whether tokens a and b have the same text. */
function sameText(v: { src: string; start: Int32Array; end: Int32Array }, a: number, b: number): boolean {
  const len = v.end[a]! - v.start[a]!;
  if (v.end[b]! - v.start[b]! !== len) return false;
  const sa = v.start[a]!;
  const sb = v.start[b]!;
  for (let q = 0; q < len; q++) if (v.src.charCodeAt(sa + q) !== v.src.charCodeAt(sb + q)) return false;
  return true;
}
