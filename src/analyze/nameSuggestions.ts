// Suggestions for a name that is not where the code looks for it (missing-name, attribute-error, name-error):
// where it lives now, what it may have been renamed to, or that nothing defines it any more.
import { editDistance, isSimilarName } from "./editDistance.ts";
import type { Suggestion } from "./finding.ts";
import type { SymbolIndex } from "./symbolIndex.ts";

/** Lower is closer; a different naming style (function vs class) ranks a candidate further away. */
function similarity(wanted: string, candidate: string): number {
  const style = (n: string) => /^_*[A-Z]/.test(n);
  return editDistance(wanted.toLowerCase(), candidate.toLowerCase()) + (style(wanted) === style(candidate) ? 0 : 3);
}

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
    const already =
      d.importers > 0
        ? `; ${plural(d.importers, "module")} already import${d.importers === 1 ? "s" : ""} it from there`
        : "";
    out.push({
      kind: "relocated",
      message: `\`${name}\` is defined in \`${d.module}\` (${rel(d.path)}:${d.line})${already}: \`from ${d.module} import ${name}\``,
      data: { module: d.module, name, importers: d.importers, file: rel(d.path), line: d.line },
    });
  }
  // A definition elsewhere is stronger evidence than a similar name: only guess a rename when nothing moved.
  if (module && !nameError && out.length === 0) {
    const similar = index
      .namesOf(module)
      .filter((n) => isSimilarName(name, n))
      .sort((a, b) => similarity(name, a) - similarity(name, b) || (a < b ? -1 : 1))
      .slice(0, 2);
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
        ? `No first-party module defines \`${name}\`: define it in \`${module}\` again, import it from the library that provides it, or remove its uses`
        : `No first-party module defines \`${name}\`: define it again, import it from the library that provides it, or remove its uses`,
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
