// `match` statements (soft keyword): the subject, case patterns (captures bind, value and class patterns read)
// and guards. Patterns are walked on tokens like everything else; no pattern tree is built.
import { armBody } from "./compoundStatements.ts";
import type { FactScanner } from "./scanFacts.ts";
import * as tokenKinds_ from "./tokenKinds.ts";

// Local copies: module-namespace getters are slow in the hot loop under some loaders.
const {
  K_AS,
  K_FALSE,
  K_IF,
  K_NONE,
  K_TRUE,
  T_AUGASSIGN,
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
  T_MINUS,
  T_NAME,
  T_NEWLINE,
  T_NUMBER,
  T_PLUS,
  T_RBRACE,
  T_RPAR,
  T_RSQB,
  T_STAR,
  T_STRING,
  T_VBAR,
} = tokenKinds_;

/** `match` as a soft keyword: `match <subject>:` NEWLINE INDENT `case`. */
export function isMatch(sc: FactScanner): boolean {
  const kind = sc.kind;
  const s = sc.i;
  if (sc.end[s]! - sc.start[s]! !== 5 || sc.text(s) !== "match") return false;
  const n = kind[s + 1];
  if (n === T_EQUAL || n === T_DOT || n === T_AUGASSIGN || n === T_COLON || n === T_NEWLINE || n === T_COMMA)
    return false;
  let j = s + 1;
  while (kind[j] !== T_NEWLINE && kind[j] !== T_END) j++;
  return (
    kind[j - 1] === T_COLON &&
    kind[j] === T_NEWLINE &&
    kind[j + 1] === T_INDENT &&
    kind[j + 2] === T_NAME &&
    sc.text(j + 2) === "case"
  );
}

export function matchStmt(sc: FactScanner): void {
  const kind = sc.kind;
  const matchTok = sc.i;
  sc.begin();
  const stmt = sc.stmt;
  sc.i++;
  sc.parseExprList(0);
  sc.flush();
  sc.colon();
  sc.i += 2; // NEWLINE INDENT (checked by isMatch)
  while (kind[sc.i] === T_NAME && sc.text(sc.i) === "case") {
    sc.i++;
    sc.stmt = stmt;
    // Patterns and guards run only when the cases before them did not match.
    sc.noCertain++;
    patternTop(sc);
    if (kind[sc.i] === K_IF) {
      sc.i++;
      sc.parseExpr(0);
    }
    sc.flush();
    sc.noCertain--;
    sc.colon();
    armBody(sc, matchTok, stmt, "case", null);
  }
  if (kind[sc.i] === T_DEDENT) sc.i++;
  else if (kind[sc.i] !== T_END) sc.error("invalid syntax: expected 'case'");
}

export function patternTop(sc: FactScanner): void {
  const kind = sc.kind;
  patternAs(sc);
  while (kind[sc.i] === T_COMMA) {
    sc.i++;
    if (kind[sc.i] === T_COLON || kind[sc.i] === K_IF) break;
    patternAs(sc);
  }
}

export function patternAs(sc: FactScanner): void {
  const s = sc.i;
  patternOr(sc);
  if (sc.kind[sc.i] === K_AS) {
    sc.i++;
    if (sc.kind[sc.i] === T_NAME) {
      const name = sc.text(sc.i);
      if (name !== "_") sc.bind(name, "match", sc.start[s]!, sc.tline[s]!);
      sc.i++;
    }
  }
}

export function patternOr(sc: FactScanner): void {
  patternClosed(sc);
  while (sc.kind[sc.i] === T_VBAR) {
    sc.i++;
    patternClosed(sc);
  }
}

/** Items until the closing token `close`. */
export function patternItems(sc: FactScanner, close: number): void {
  const kind = sc.kind;
  sc.i++;
  while (kind[sc.i] !== close) {
    const before = sc.i;
    patternAs(sc);
    if (kind[sc.i] === T_COMMA) sc.i++;
    else if (kind[sc.i] !== close || sc.i === before) {
      sc.error("invalid pattern");
      sc.skipTo(close);
      break;
    }
  }
  if (kind[sc.i] === close) sc.i++;
}

export function patternClosed(sc: FactScanner): void {
  const kind = sc.kind;
  const s = sc.i;
  switch (kind[s]) {
    case T_NAME: {
      sc.i++;
      if (kind[sc.i] === T_DOT || kind[sc.i] === T_LPAR) {
        let attrs: string[] | null = null;
        while (kind[sc.i] === T_DOT && kind[sc.i + 1] === T_NAME) {
          if (attrs === null) attrs = [];
          attrs.push(sc.text(sc.i + 1));
          sc.i += 2;
        }
        if (sc.rec) sc.pushPending(sc.text(s), sc.start[s]!, sc.tline[s]!, attrs, 0);
        if (kind[sc.i] === T_LPAR) {
          // Class pattern arguments: patterns and `kw=pattern`.
          sc.i++;
          while (kind[sc.i] !== T_RPAR) {
            const before = sc.i;
            if (kind[sc.i] === T_NAME && kind[sc.i + 1] === T_EQUAL) sc.i += 2;
            patternAs(sc);
            if (kind[sc.i] === T_COMMA) sc.i++;
            else if (kind[sc.i] !== T_RPAR || sc.i === before) {
              sc.error("invalid pattern");
              sc.skipTo(T_RPAR);
              break;
            }
          }
          if (kind[sc.i] === T_RPAR) sc.i++;
        }
      } else {
        const name = sc.text(s);
        if (name !== "_") sc.bindTok(s, "match", name);
      }
      return;
    }
    case T_STAR:
      sc.i++;
      if (kind[sc.i] === T_NAME) {
        const name = sc.text(sc.i);
        if (name !== "_") sc.bind(name, "match", sc.start[s]!, sc.tline[s]!);
        sc.i++;
      }
      return;
    case T_LPAR:
      patternItems(sc, T_RPAR);
      return;
    case T_LSQB:
      patternItems(sc, T_RSQB);
      return;
    case T_LBRACE: {
      sc.i++;
      while (kind[sc.i] !== T_RBRACE) {
        const before = sc.i;
        if (kind[sc.i] === T_DSTAR) {
          sc.i++;
          if (kind[sc.i] === T_NAME) {
            sc.bind(sc.text(sc.i), "match", sc.start[s]!, sc.tline[s]!);
            sc.i++;
          }
        } else {
          patternClosed(sc);
          if (kind[sc.i] === T_COLON) {
            sc.i++;
            patternAs(sc);
          }
        }
        if (kind[sc.i] === T_COMMA) sc.i++;
        else if (kind[sc.i] !== T_RBRACE || sc.i === before) {
          sc.error("invalid pattern");
          sc.skipTo(T_RBRACE);
          break;
        }
      }
      if (kind[sc.i] === T_RBRACE) sc.i++;
      return;
    }
    case T_MINUS:
    case T_NUMBER:
      if (kind[sc.i] === T_MINUS) sc.i++;
      if (kind[sc.i] === T_NUMBER) sc.i++;
      if ((kind[sc.i] === T_PLUS || kind[sc.i] === T_MINUS) && kind[sc.i + 1] === T_NUMBER) sc.i += 2;
      return;
    case T_STRING:
      while (kind[sc.i] === T_STRING) {
        sc.i++;
      }
      return;
    case K_NONE:
    case K_TRUE:
    case K_FALSE:
      sc.i++;
      return;
  }
  sc.error("invalid pattern");
  if (kind[s] !== T_COLON && kind[s] !== T_NEWLINE && kind[s] !== T_END) sc.i++;
}
