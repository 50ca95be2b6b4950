// The first-party import graph the structure analyzers read: one edge per import statement and imported module,
// labelled with when the import runs (at import time, only when a function is called, only for type checkers).
// An edge goes to the deepest first-party module the statement names (`from a.b import c` with a/b/c.py: a.b.c);
// the parent packages Python also executes are not edges, as in import-linter and grimp.
import type { AnalysisInput, KnownModule } from "../analysisInput.ts";
import { resolveRelative } from "../symbolIndex.ts";

export type ImportWhen = "import-time" | "function" | "typing";

export interface ImportEdge {
  /** The importing module and its absolute path. */
  from: string;
  file: string;
  /** The imported first-party module. */
  to: string;
  line: number;
  when: ImportWhen;
  /** Names a `from` import takes from `to` (empty for `import to` and for a submodule import). */
  names: string[];
  /** Names the statement binds in the importer for this target (`Order`, `db`, `app` for `import app.db`); a
   *  star import binds none we know. */
  bound: string[];
  /** The statement as written, reconstructed: `from .models import Order`, `import app.db`. */
  statement: string;
}

/** The longest dotted prefix of `name` that is a first-party module, or null. */
function known(name: string, modules: ReadonlySet<string>): string | null {
  let cur = name;
  while (cur !== "") {
    if (modules.has(cur)) return cur;
    const dot = cur.lastIndexOf(".");
    cur = dot < 0 ? "" : cur.slice(0, dot);
  }
  return null;
}

/** Edges out of `importers` into any first-party module of the input, in file and line order. Self-imports and
 *  files whose facts cannot be read give none. */
export function importEdges(input: AnalysisInput, importers: KnownModule[]): ImportEdge[] {
  const names = new Set(input.modules.map((m) => m.name));
  const edges: ImportEdge[] = [];
  for (const mod of importers) {
    let facts: ReturnType<AnalysisInput["facts"]>;
    try {
      facts = input.facts(mod.path);
    } catch {
      continue;
    }
    for (const imp of facts.imports) {
      const when: ImportWhen = imp.typeChecking ? "typing" : imp.scope === "function" ? "function" : "import-time";
      const targets = new Map<string, { names: string[]; bound: string[] }>();
      const add = (to: string | null, name: string | null, bound: string | null) => {
        if (to === null || to === mod.name) return;
        const t = targets.get(to) ?? { names: [], bound: [] };
        if (name !== null) t.names.push(name);
        if (bound !== null) t.bound.push(bound);
        targets.set(to, t);
      };
      let statement: string;
      if (imp.kind === "import") {
        for (const n of imp.names) add(known(n.name, names), null, n.asname ?? n.name.split(".")[0]!);
        statement = `import ${imp.names.map((n) => n.name + (n.asname ? ` as ${n.asname}` : "")).join(", ")}`;
      } else {
        const base = resolveRelative(mod, imp.level, imp.module);
        for (const n of imp.names) {
          const sub = n.name === "*" ? null : `${base}.${n.name}`;
          const bound = n.name === "*" ? null : (n.asname ?? n.name);
          if (sub !== null && names.has(sub)) add(sub, null, bound);
          else add(known(base, names), n.name, bound);
        }
        const written = `${".".repeat(imp.level)}${imp.module ?? ""}`;
        statement = `from ${written} import ${imp.names.map((n) => n.name + (n.asname ? ` as ${n.asname}` : "")).join(", ")}`;
      }
      for (const [to, t] of targets)
        edges.push({
          from: mod.name,
          file: mod.path,
          to,
          line: imp.line,
          when,
          names: t.names,
          bound: t.bound,
          statement,
        });
    }
  }
  return edges;
}
