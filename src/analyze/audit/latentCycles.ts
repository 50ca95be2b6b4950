// latent-cycle: every strongly connected component of the import-time graph of first-party modules (imports that
// run when the module is imported; typing-only and function-level imports are listed but cannot close a cycle),
// with a shortest cycle through each of its modules, whether the import-time model says it fails today and from
// which test files, and the one import whose removal breaks the most of those cycles.
import type { FileFacts } from "../../python/index.ts";
import type { AnalysisInput } from "../analysisInput.ts";
import type { AuditFinding, AuditSite } from "./auditFinding.ts";
import type { AuditInput } from "./auditInput.ts";
import { auditedModules } from "./auditScope.ts";
import { canonicalCycle, cycleEdges, type Graph, shortestCycle, stronglyConnected } from "./importCycles.ts";
import { type ImportEdge, importEdges } from "./importEdges.ts";

/** How the importer uses what an import binds, from its facts: never at import time (the import can move into the
 *  functions that use it), only in reads CPython makes late (annotations: `if TYPE_CHECKING:` with
 *  `from __future__ import annotations`), or at import time (the cycle must be broken elsewhere or by moving code). */
export type ImportUse = "not-at-import-time" | "annotations-only" | "at-import-time";

const USE_RANK: Record<ImportUse, number> = { "not-at-import-time": 0, "annotations-only": 1, "at-import-time": 2 };

function useOf(facts: FileFacts | null, edge: ImportEdge): ImportUse {
  if (facts === null || edge.bound.length === 0) return "at-import-time";
  const bound = new Set(edge.bound);
  const reads = [...facts.reads, ...facts.attributeReads].filter((r) => bound.has(r.name));
  if (reads.length === 0) return "not-at-import-time";
  return reads.every((r) => r.late) ? "annotations-only" : "at-import-time";
}

function factsOrNull(input: AnalysisInput, path: string): FileFacts | null {
  try {
    return input.facts(path);
  } catch {
    return null;
  }
}

/** Test files and conftests whose import the model says fails on a cycle among `modules`, and whether any is
 *  certain. */
function failuresThrough(input: AuditInput, modules: ReadonlySet<string>): { entryPoints: string[]; certain: boolean } {
  const entry = new Set<string>();
  let certain = false;
  for (const file of input.analysis.model.files)
    for (const f of file.failures) {
      const cyclic = f.kind === "circular-import" || f.message.includes("partially initialized module");
      if (!cyclic) continue;
      const through =
        (f.module !== null && modules.has(f.module)) || (f.cycle ?? []).some((s) => s.module && modules.has(s.module));
      if (!through) continue;
      entry.add(input.rel(file.path));
      if (f.certainty === "certain") certain = true;
    }
  return { entryPoints: [...entry].sort(), certain };
}

const arrow = (a: string, b: string) => `${a} -> ${b}`;

function finding(
  input: AuditInput,
  scc: string[],
  graph: Graph,
  byPair: Map<string, ImportEdge[]>,
  deferred: ImportEdge[],
): AuditFinding {
  const members = new Set(scc);
  const seen = new Map<string, string[]>();
  for (const m of scc) {
    const cycle = shortestCycle(graph, m, members);
    if (cycle === null) continue;
    const canon = canonicalCycle(cycle);
    seen.set(canon.join("\0"), canon);
  }
  const cycles = [...seen.values()].sort((a, b) => a.length - b.length || (a.join() < b.join() ? -1 : 1));
  const through = new Map<string, number>();
  for (const c of cycles)
    for (const [a, b] of cycleEdges(c)) through.set(arrow(a, b), (through.get(arrow(a, b)) ?? 0) + 1);
  const ranked = [...through.entries()].map(([key, count]) => {
    const edge = byPair.get(key)![0]!;
    return { key, count, edge, use: useOf(factsOrNull(input.analysis, edge.file), edge) };
  });
  ranked.sort(
    (a, b) => b.count - a.count || USE_RANK[a.use] - USE_RANK[b.use] || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
  const best = ranked[0]!;
  const { entryPoints, certain } = failuresThrough(input, members);
  const first = cycles[0]!;
  const subject = [...first, first[0]!].join(" -> ");
  const sites: AuditSite[] = [];
  for (const r of [...ranked].sort((a, b) => (a.key < b.key ? -1 : 1)))
    sites.push({ file: input.rel(r.edge.file), line: r.edge.line, module: r.edge.to, role: "cycle-edge" });
  const where = `${input.rel(best.edge.file)}:${best.edge.line}`;
  const how =
    best.use === "not-at-import-time"
      ? "into the functions that use it (nothing reads it at import time)"
      : best.use === "annotations-only"
        ? "under `if TYPE_CHECKING:` with `from __future__ import annotations` (only annotations read it)"
        : "under `if TYPE_CHECKING:` or into the function that uses it, after moving the code that reads it at import time";
  const fails = certain ? `fails today when ${entryPoints.length} file(s) are imported` : "does not fail today";
  return {
    id: `latent-cycle:${subject}`,
    kind: "latent-cycle",
    severity: certain ? "warning" : "info",
    subject,
    message: `${scc.length} modules import one another at import time (${cycles.length} shortest cycle(s)); the cycle ${fails}.`,
    sites,
    proposal: {
      summary: `Move \`${best.edge.statement}\` in ${where} ${how}: it breaks ${best.count} of the ${cycles.length} shortest cycle(s).`,
      canonical: null,
      changes: [
        {
          file: input.rel(best.edge.file),
          line: best.edge.line,
          from: best.edge.statement,
          to:
            best.use === "not-at-import-time"
              ? "(inside the functions that use it)"
              : `if TYPE_CHECKING: ${best.edge.statement}`,
        },
      ],
    },
    detail: {
      modules: scc,
      shortestCycles: cycles,
      failsToday: certain,
      entryPoints,
      breakingEdge: {
        from: best.edge.from,
        to: best.edge.to,
        file: input.rel(best.edge.file),
        line: best.edge.line,
        statement: best.edge.statement,
        cycles: best.count,
        use: best.use,
      },
      deferredEdges: deferred
        .filter((e) => members.has(e.from) && members.has(e.to))
        .map((e) => ({ from: e.from, to: e.to, file: input.rel(e.file), line: e.line, when: e.when })),
    },
  };
}

export function latentCycles(input: AuditInput): AuditFinding[] {
  const modules = auditedModules(input);
  const audited = new Set(modules.map((m) => m.name));
  const edges = importEdges(input.analysis, modules).filter((e) => audited.has(e.to));
  const byPair = new Map<string, ImportEdge[]>();
  const successors = new Map<string, Set<string>>();
  const deferred: ImportEdge[] = [];
  for (const e of edges) {
    if (e.when !== "import-time") {
      deferred.push(e);
      continue;
    }
    const key = arrow(e.from, e.to);
    const list = byPair.get(key);
    if (list) list.push(e);
    else byPair.set(key, [e]);
    const succ = successors.get(e.from) ?? new Set<string>();
    succ.add(e.to);
    successors.set(e.from, succ);
  }
  const graph: Graph = new Map([...successors].map(([k, v]) => [k, [...v].sort()]));
  return stronglyConnected(graph).map((scc) => finding(input, scc, graph, byPair, deferred));
}
