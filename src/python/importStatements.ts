// `import` and `from ... import` statements: the import facts, the names they bind, and CPython's rules for
// `from __future__` (only at the top of the module, only known features).

import type { ImportFact, ImportName } from "./facts.ts";
import * as facts_ from "./facts.ts";
import type { FactScanner } from "./scanFacts.ts";
import * as tokenKinds_ from "./tokenKinds.ts";

// Local copies: module-namespace getters are slow in the hot loop under some loaders.
const { K_AS, K_IMPORT, T_COMMA, T_DOT, T_ELLIPSIS, T_LPAR, T_NAME, T_RPAR, T_STAR } = tokenKinds_;
const { setContext } = facts_;

const FUTURE_FEATURES = new Set([
  "nested_scopes",
  "generators",
  "division",
  "absolute_import",
  "with_statement",
  "print_function",
  "unicode_literals",
  "barry_as_FLUFL",
  "generator_stop",
  "annotations",
]);

export function dotted(sc: FactScanner): string {
  const kind = sc.kind;
  let s = sc.kind[sc.i] === T_NAME ? sc.text(sc.i++) : "";
  while (kind[sc.i] === T_DOT && kind[sc.i + 1] === T_NAME) {
    s += `.${sc.text(sc.i + 1)}`;
    sc.i += 2;
  }
  return s;
}

export function importFact(
  sc: FactScanner,
  kw: number,
  kind: "import" | "from",
  module: string | null,
  level: number,
  names: ImportName[],
): void {
  const line = sc.tline[kw]!;
  const fact: ImportFact = { kind, module, level, names, line, col: sc.tokCol(kw), stmt: sc.stmt, scope: sc.scope };
  setContext(fact, sc.typeChecking, sc.conditional, sc.caught);
  sc.imports.push(fact);
  // One of a module-level def's own top-level statements, before any that may end the call: calling it runs it.
  const fn = sc.fn;
  if (fn !== null && sc.scope === "function" && !fn.stopped && fn.inClass === 0 && sc.depth === fn.top)
    fn.imports.push({ line, col: fact.col });
}

export function importStmt(sc: FactScanner): void {
  const kind = sc.kind;
  const kw = sc.i++;
  const names: ImportName[] = [];
  for (;;) {
    const first = sc.i;
    if (kind[first] !== T_NAME) {
      sc.error("invalid syntax in import");
      break;
    }
    const name = dotted(sc);
    let asname: string | null = null;
    if (kind[sc.i] === K_AS) {
      sc.i++;
      asname = kind[sc.i] === T_NAME ? sc.text(sc.i++) : null;
    }
    names.push({ name, asname });
    sc.bindTok(first, "import", asname ?? sc.text(first));
    if (kind[sc.i] !== T_COMMA) break;
    sc.i++;
  }
  importFact(sc, kw, "import", null, 0, names);
}

export function fromStmt(sc: FactScanner): void {
  const kind = sc.kind;
  const kw = sc.i++;
  let level = 0;
  for (;;) {
    if (kind[sc.i] === T_DOT) level++;
    else if (kind[sc.i] === T_ELLIPSIS) level += 3;
    else break;
    sc.i++;
  }
  const module = dotted(sc);
  if (kind[sc.i] !== K_IMPORT) {
    sc.error("invalid syntax: expected 'import'");
    return;
  }
  sc.i++;
  const names: ImportName[] = [];
  if (kind[sc.i] === T_STAR) {
    names.push({ name: "*", asname: null });
    if (sc.scope === "module") sc.starImports.push({ line: sc.tline[kw]!, col: sc.tokCol(kw), stmt: sc.stmt });
    sc.i++;
  } else {
    const paren = kind[sc.i] === T_LPAR;
    if (paren) sc.i++;
    while (kind[sc.i] === T_NAME) {
      const t = sc.i++;
      const name = sc.text(t);
      let asname: string | null = null;
      if (kind[sc.i] === K_AS) {
        sc.i++;
        asname = kind[sc.i] === T_NAME ? sc.text(sc.i++) : null;
      }
      names.push({ name, asname });
      sc.bindTok(t, "import", asname ?? name);
      // `from contextlib import suppress as _suppress`: `with _suppress(E):` catches E like `with suppress(E):`.
      if (asname !== null && name === "suppress" && module === "contextlib" && level === 0 && sc.scope !== "function")
        sc.suppressAliases.add(asname);
      if (kind[sc.i] !== T_COMMA) break;
      sc.i++;
    }
    if (paren) sc.expect(T_RPAR, ")");
    else if (kind[sc.i - 1] === T_COMMA) sc.error("trailing comma not allowed without surrounding parentheses");
    if (names.length === 0) sc.error("invalid syntax: expected names to import");
  }
  if (module === "__future__" && level === 0) {
    if (sc.scope !== "module" || sc.depth > 0 || !sc.futureAllowed)
      sc.errorAt(kw, "from __future__ imports must occur at the beginning of the file");
    for (const n of names) {
      if (n.name === "annotations" && sc.scope === "module") sc.futureAnnotations = true;
      if (!FUTURE_FEATURES.has(n.name))
        sc.errorAt(kw, n.name === "braces" ? "not a chance" : `future feature ${n.name} is not defined`);
    }
  }
  importFact(sc, kw, "from", module, level, names);
}
