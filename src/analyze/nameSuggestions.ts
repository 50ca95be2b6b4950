// Suggestions for a name that is not where the code looks for it (missing-name, attribute-error, name-error):
// where it lives now, what it may have been renamed to, or that nothing defines it any more.
import { editDistance, isSimilarName } from "./editDistance.ts";
import type { Suggestion } from "./findingFields.ts";
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
  // A similar name in the very module the code imports from is the smallest fix (a rename); a definition of the
  // same name elsewhere (a move) comes next, ranked by how many modules already import it from there.
  if (module && !nameError) {
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
  for (const d of index
    .definersOf(name)
    .filter((d) => d.module !== module && d.importName !== module)
    .slice(0, 3)) {
    const already =
      d.importers > 0
        ? `; ${plural(d.importers, "module")} already import${d.importers === 1 ? "s" : ""} it from there`
        : "";
    out.push({
      kind: "relocated",
      message: `\`${name}\` is defined in \`${d.importName}\` (${rel(d.path)}:${d.line})${already}: \`from ${d.importName} import ${name}\``,
      data: { module: d.importName, name, importers: d.importers, file: rel(d.path), line: d.line },
    });
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

const closestCache = new WeakMap<SymbolIndex, Map<string, string[]>>();

/** Existing first-party modules closest to a module path that does not exist: a near spelling, or a module of
 *  the same name elsewhere in the same top-level package (moved), closest shared prefix first. Memoized per
 *  index and path (many failures name the same missing module). Per new path, the edit distance is computed
 *  only for module names whose length is within reach, and cut off past the limit. */
export function closestModules(index: SymbolIndex, missing: string): Suggestion[] {
  let cache = closestCache.get(index);
  if (!cache) {
    cache = new Map();
    closestCache.set(index, cache);
  }
  let closest = cache.get(missing);
  if (!closest) {
    closest = rankModules(index, missing);
    cache.set(missing, closest);
  }
  // Fresh objects for every finding: a caller may annotate its own.
  return closest.map((m) => ({
    kind: "closest-module",
    message: `\`${missing}\` does not exist; the closest existing module is \`${m}\``,
    data: { missing, module: m },
  }));
}

function rankModules(index: SymbolIndex, missing: string): string[] {
  const parts = missing.split(".");
  const last = parts[parts.length - 1]!;
  const shared = (m: string) => {
    const q = m.split(".");
    let n = 0;
    while (n < q.length && n < parts.length && q[n] === parts[n]) n++;
    return n;
  };
  const limit = Math.min(3, Math.floor(missing.length / 3));
  const moved = new Set(index.modulesEndingIn(last).filter((m) => m.split(".")[0] === parts[0]));
  const scored = [...moved].map((m) => ({ m, score: 10 - shared(m) }));
  for (let length = missing.length - limit; length <= missing.length + limit; length++) {
    for (const m of index.modulesOfLength(length)) {
      if (moved.has(m)) continue;
      const d = editDistance(missing, m, limit);
      if (d <= limit) scored.push({ m, score: 10 + d });
    }
  }
  return scored
    .sort((a, b) => a.score - b.score || (a.m < b.m ? -1 : 1))
    .slice(0, 3)
    .map(({ m }) => m);
}
