// Module-level lists read as literals: `__all__`, `pytest_plugins`, `collect_ignore(_glob)` and `pytestmark`
// (docs/facts.md dunderAll and pytest): which assignments, `+=` and `.append/.extend` calls count, and how.
import type { FactScanner } from "./scanFacts.ts";
import * as tokenKinds_ from "./tokenKinds.ts";
import * as tokenRanges_ from "./tokenRanges.ts";

// Local copies: module-namespace getters are slow in the hot loop under some loaders.
const { callArgs, displayItems, isKeywordArg, matchingClose, plainString, stringList } = tokenRanges_;
const { T_LPAR, T_NAME } = tokenKinds_;

/** `NAME = value` for the module-level lists; true when it is a literal form that keeps `__all__` complete. */
export function assignSpecial(sc: FactScanner, target: [number, number], value: [number, number]): boolean {
  const name = sc.specialTarget(target);
  if (name === null || sc.scope === "function") return false;
  const [a, b] = value;
  if (sc.scope === "class") {
    if (name === "pytestmark" && sc.markClass !== null) pytestmark(sc, a, b, sc.markClass);
    return false;
  }
  // `NAME = pytest.mark.X(...)`: a mark made once and applied as `@NAME` (resolved with the imports, pytestFacts.ts).
  if (name !== "pytestmark" && sc.kind[a] === T_NAME)
    sc.marks.push({ a, b, target: name, via: "alias", fixture: null });
  switch (name) {
    case "__all__": {
      const list = stringList(sc, a, b, true);
      if (list === null) return false;
      if (sc.dunderAll === null) sc.dunderAll = { names: list, line: sc.stmtLine, complete: true };
      else sc.dunderAll.names = list;
      return true;
    }
    case "pytest_plugins": {
      const one = plainString(sc, a, b);
      sc.pytest.plugins = one !== null ? [one] : stringList(sc, a, b, true);
      return true;
    }
    case "collect_ignore":
    case "collect_ignore_glob": {
      const list = stringList(sc, a, b, false) ?? [];
      if (name === "collect_ignore") sc.pytest.collectIgnore = list;
      else sc.pytest.collectIgnoreGlob = list;
      return false;
    }
    case "pytestmark":
      pytestmark(sc, a, b, null);
      return false;
  }
  return false;
}

export function augSpecial(sc: FactScanner, name: string, isPlus: boolean, [a, b]: [number, number]): boolean {
  if (sc.scope === "class") {
    if (name === "pytestmark" && isPlus && sc.markClass !== null) pytestmark(sc, a, b, sc.markClass);
    return false;
  }
  if (!isPlus) return false;
  if (name === "pytestmark") pytestmark(sc, a, b, null);
  else if (name === "__all__") {
    const list = stringList(sc, a, b, true);
    if (list === null) return false;
    if (sc.dunderAll === null) sc.dunderAll = { names: list, line: sc.stmtLine, complete: true };
    else sc.dunderAll.names.push(...list);
    return true;
  } else if (name === "collect_ignore" || name === "collect_ignore_glob") {
    const list = stringList(sc, a, b, false) ?? [];
    const key = name === "collect_ignore" ? "collectIgnore" : "collectIgnoreGlob";
    sc.pytest[key] = [...(sc.pytest[key] ?? []), ...list];
  }
  return false;
}

/** `__all__.append("x")`, `collect_ignore.extend([...])` and friends as whole expression statements. */
export function methodSpecial(sc: FactScanner, s: number): void {
  const kind = sc.kind;
  if (sc.scope !== "module" || kind[s + 2] !== T_NAME || kind[s + 3] !== T_LPAR) return;
  const name = sc.text(s);
  if (name !== "__all__" && name !== "collect_ignore" && name !== "collect_ignore_glob") return;
  const close = matchingClose(sc, s + 3);
  const method = sc.text(s + 2);
  if (close + 1 !== sc.i || (method !== "append" && method !== "extend")) return;
  const args = callArgs(sc, s + 3);
  if (args.length !== 1 || isKeywordArg(sc, args[0]![0])) return;
  const [a, b] = args[0]!;
  if (name === "__all__") {
    let list: string[] | null;
    if (method === "append") {
      const one = plainString(sc, a, b);
      list = one === null ? null : [one];
    } else list = stringList(sc, a, b, true);
    if (list === null) return;
    sc.allMutations--;
    sc.dunderAll?.names.push(...list);
  } else {
    const key = name === "collect_ignore" ? "collectIgnore" : "collectIgnoreGlob";
    const current = sc.pytest[key];
    if (current === null) return;
    if (method === "append") {
      const one = plainString(sc, a, b);
      if (one !== null) current.push(one);
    } else current.push(...(stringList(sc, a, b, false) ?? []));
  }
}

export function pytestmark(sc: FactScanner, a: number, b: number, target: string | null): void {
  const items = displayItems(sc, a, b) ?? [[a, b] as [number, number]];
  for (const [s, e] of items) sc.marks.push({ a: s, b: e, target, via: "pytestmark", fixture: null });
}
