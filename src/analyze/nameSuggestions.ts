// Suggestions for a name that is not where the code looks for it (missing-name, attribute-error, name-error):
// where it lives now, what it may have been renamed to, or that nothing defines it any more.
import { editDistance, isSimilarName } from "./editDistance.ts";
import type { Suggestion } from "./finding.ts";
import type { SymbolIndex } from "./symbolIndex.ts";

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;

export function nameSuggestions(
  index: SymbolIndex,
  name: string,
  module: string | null,
  rel: (path: string) => string,
  nameError = false,
): Suggestion[] {
  const out: Suggestion[] = [];
  for (const d of index
    .definersOf(name)
    .filter((d) => d.module !== module)
    .slice(0, 3)) {
    const already = d.importers > 0 ? `; ${plural(d.importers, "module")} already import it from there` : "";
    out.push({
      kind: "relocated",
      message: `\`${name}\` is defined in \`${d.module}\` (${rel(d.path)}:${d.line})${already}: \`from ${d.module} import ${name}\``,
      data: { module: d.module, name, importers: d.importers, file: rel(d.path), line: d.line },
    });
  }
  if (module && !nameError) {
    const similar = index
      .namesOf(module)
      .filter((n) => isSimilarName(name, n))
      .sort((a, b) => editDistance(name, a) - editDistance(name, b) || (a < b ? -1 : 1))
      .slice(0, 3);
    for (const n of similar) {
      out.push({
        kind: "renamed",
        message: `\`${module}\` defines \`${n}\`: if \`${name}\` was renamed, import \`${n}\` instead`,
        data: { module, name: n, was: name },
      });
    }
  }
  if (out.length === 0) {
    out.push({
      kind: "removed",
      message: module
        ? `No first-party module defines \`${name}\`: it was removed; restore it in \`${module}\` or remove its uses`
        : `No first-party module defines \`${name}\`: it was removed; restore it or remove its uses`,
      data: { module, name },
    });
  }
  return out;
}

/** Existing first-party modules closest to a module path that does not exist. */
export function closestModules(index: SymbolIndex, missing: string): Suggestion[] {
  const last = missing.split(".").pop()!;
  const scored = index
    .moduleNames()
    .map((m) => {
      const sameLeaf = m.split(".").pop() === last;
      return { m, score: sameLeaf ? 0 : editDistance(missing, m) };
    })
    .filter((s) => s.score === 0 || s.score <= Math.min(3, Math.floor(missing.length / 3)))
    .sort((a, b) => a.score - b.score || (a.m < b.m ? -1 : 1))
    .slice(0, 3);
  return scored.map(({ m }) => ({
    kind: "closest-module",
    message: `\`${missing}\` does not exist; the closest existing module is \`${m}\``,
    data: { missing, module: m },
  }));
}
