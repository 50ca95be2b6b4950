// Names missing from standard-library modules (`from collections import Mapping` on 3.10+, `asyncio.coroutine`
// on 3.11+) for scan(): the import-time model records every name it looks up in a stdlib module (GraphInput's
// onStdlibLookup) while it is built as if every name existed; the interpreter is then asked about those pairs
// (src/discover/stdlibNames.ts: cached, one process for the pairs not known, started while the model is built when
// nothing is known yet), and the model is built again only when the interpreter lacks a name the repository uses.

import type { PytestView } from "../discover/index.ts";
import { missingKey, type NameQuery, queryKey, StdlibNames, startupModules } from "../discover/index.ts";
import { addMatchedNames } from "../graph/index.ts";

export class StdlibNameCheck {
  private readonly queries = new Map<string, NameQuery>();

  private constructor(private readonly names: StdlibNames) {}

  /** Null without an interpreter (nothing outside the repository is known then). */
  static start(view: PytestView, cacheDir: string | null): StdlibNameCheck | null {
    const i = view.interpreter;
    if (!i) return null;
    const names = new StdlibNames({ ...i, sysPath: view.sysPath }, { cacheDir });
    // A first scan asks whatever the repository imports: Python starts while the model is built.
    if (names.empty()) names.prestart();
    return new StdlibNameCheck(names);
  }

  /** For GraphInput.onStdlibLookup. */
  readonly onLookup = (module: string, name: string, how: "from" | "attr" | "star"): void => {
    const q = { module, name, how };
    const k = queryKey(q);
    if (!this.queries.has(k)) this.queries.set(k, q);
  };

  /** "module:name" of every looked-up name the interpreter lacks, except names the repository's own code assigns
   *  as an attribute (`collections.Mapping = collections.abc.Mapping`, `setattr(m, "Mapping", ...)`: a shim may
   *  put it back before it is read). Never throws; an interpreter that cannot answer lacks nothing. */
  async missing(pythonFiles: readonly string[]): Promise<Set<string>> {
    const answers = await this.names.ask([...this.queries.values()]);
    const missing = new Map<string, string>();
    for (const q of this.queries.values()) {
      if (answers.get(queryKey(q)) === "missing") missing.set(missingKey(q), q.name);
    }
    if (missing.size === 0) return new Set();
    const assigned = assignedAttributes(pythonFiles, new Set(missing.values()));
    return new Set([...missing].filter(([, name]) => !assigned.has(name)).map(([pair]) => pair));
  }
}

/** Which of `names` some file assigns as an attribute (`x.name = ...`, `setattr(x, "name", ...)`). O(bytes of
 *  the files), done only when the interpreter lacks a name the repository uses. */
export function assignedAttributes(files: readonly string[], names: Set<string>): Set<string> {
  const assigned = attributeAssignments(files);
  return new Set([...names].filter(assigned));
}

/** Every name some file assigns as an attribute (`x.name = ...`, `setattr(x, "name", ...)`), for GraphInput's
 *  attributeAssigned: read once, and only when an installed module is about to be said to lack a name (a shim
 *  in the repository may put it back). O(bytes of the files). */
export function attributeAssignments(files: readonly string[]): (name: string) => boolean {
  let found: Set<string> | null = null;
  return (name) => {
    if (found === null) {
      found = new Set();
      const store = /\.\s*([A-Za-z_]\w*)\s*=(?!=)|setattr\s*\([^,()]+,\s*['"]([A-Za-z_]\w*)['"]/g;
      for (const file of files) addMatchedNames(file, store, found);
    }
    return found.has(name);
  };
}

/** Which of the stdlib names a repository file shadowed (the model's onShadowedStdlib) pytest's start-up had
 *  already imported, before the initial conftests and before collection: those are found in sys.modules, not on
 *  sys.path. Asks the interpreter only when there are such names (src/discover/startupModules.ts, cached); null
 *  without an interpreter, an answer, or a name it imported. */
export async function preloadedAmong(
  shadowed: ReadonlySet<string>,
  view: PytestView,
  cacheDir: string | null,
): Promise<{ initial: Set<string>; collection: Set<string> } | null> {
  const i = view.interpreter;
  if (shadowed.size === 0 || !i) return null;
  const loaded = await startupModules({ ...i, sysPath: view.sysPath }, { cacheDir });
  if (!loaded) return null;
  const among = (set: Set<string>) => new Set([...shadowed].filter((name) => set.has(name)));
  const preloaded = { initial: among(loaded.initial), collection: among(loaded.collection) };
  return preloaded.collection.size > 0 ? preloaded : null;
}
