// boundary-violation: an import between first-party modules that a contract of [tool.remedy] forbids
// (independent, layers, forbidden, public), or, with services and no contracts, that crosses from one service
// into another (services are independent of each other and may import shared code). One finding per
// (contract, importer module, imported module), with every statement of that pair and when each one runs.
import type { Contract } from "../../discover/index.ts";
import type { AuditFinding, AuditSite, ServiceInfo } from "./auditFinding.ts";
import type { AuditInput } from "./auditInput.ts";
import { auditedModules } from "./auditScope.ts";
import { type ImportEdge, type ImportWhen, importEdges } from "./importEdges.ts";
import { ownerOf, servicesOf } from "./services.ts";

/** The implicit contract's name when services exist and no contract is configured. */
export const SERVICES_CONTRACT = "services are independent";

function within(module: string, root: string): boolean {
  return module === root || module.startsWith(`${root}.`);
}

/** The deepest of `roots` that holds `module`, or -1 (nested roots: the most specific one decides). */
function rootIndex(module: string, roots: string[]): number {
  let best = -1;
  roots.forEach((r, i) => {
    if (within(module, r) && (best < 0 || r.length > roots[best]!.length)) best = i;
  });
  return best;
}

/** Why `contract` forbids the edge, in a clause, or null when it allows it. */
function breaks(contract: Contract, from: string, to: string): string | null {
  const ignored = (contract.ignore ?? []).some((pair) => {
    const [a, b] = pair.split(" -> ");
    return a !== undefined && b !== undefined && within(from, a) && within(to, b);
  });
  if (ignored) return null;
  const mods = contract.modules;
  switch (contract.kind) {
    case "independent": {
      const i = rootIndex(from, mods);
      const j = rootIndex(to, mods);
      return i >= 0 && j >= 0 && i !== j ? `${mods[i]} and ${mods[j]} must not import one another` : null;
    }
    case "layers": {
      const i = rootIndex(from, mods);
      const j = rootIndex(to, mods);
      return i >= 0 && j >= 0 && j < i ? `layer ${mods[i]} must not import the higher layer ${mods[j]}` : null;
    }
    case "forbidden": {
      const i = rootIndex(from, mods);
      const banned = contract.forbidden ?? [];
      const j = rootIndex(to, banned);
      return i >= 0 && j >= 0 ? `${mods[i]} must not import ${banned[j]}` : null;
    }
    case "public": {
      const i = rootIndex(to, mods);
      if (i < 0 || within(from, mods[i]!) || to === mods[i]) return null;
      const open = (contract.public ?? []).map((p) => `${mods[i]}.${p}`);
      return open.some((p) => within(to, p))
        ? null
        : `only ${open.join(", ")} of ${mods[i]} may be imported from outside it`;
    }
  }
}

/** How bad the pair's worst statement is: one that runs at import time beats one in a function beats typing. */
const WHEN_ORDER: ImportWhen[] = ["import-time", "function", "typing"];
const WHEN_WORDS: Record<ImportWhen, string> = {
  "import-time": "at import time",
  function: "only inside a function",
  typing: "only for type checking",
};

interface Pair {
  contract: string;
  kind: Contract["kind"] | "services";
  reason: string;
  edges: ImportEdge[];
}

function finding(input: AuditInput, pair: Pair): AuditFinding {
  const first = pair.edges[0]!;
  const when = WHEN_ORDER.find((w) => pair.edges.some((e) => e.when === w))!;
  const subject = `${pair.contract}:${first.from}->${first.to}`;
  const sites: AuditSite[] = pair.edges.map((e) => ({
    file: input.rel(e.file),
    line: e.line,
    module: e.to,
    role: "import",
  }));
  const advice =
    pair.kind === "layers"
      ? `invert the dependency (move what ${first.from} needs from ${first.to} down a layer)`
      : pair.kind === "public"
        ? "import it through the public module instead"
        : `move what ${first.from} uses from ${first.to} into shared code, or go through its public API`;
  return {
    id: `boundary-violation:${subject}`,
    kind: "boundary-violation",
    severity: when === "typing" ? "info" : "warning",
    subject,
    message: `${first.from} imports ${first.to} ${WHEN_WORDS[when]}: contract '${pair.contract}' says ${pair.reason}.`,
    sites,
    proposal: {
      summary: `Remove the import of ${first.to} from ${first.from} (${sites.map((s) => `${s.file}:${s.line}`).join(", ")}): ${advice}.`,
      canonical: null,
      changes: [],
    },
    detail: {
      contract: pair.contract,
      contractKind: pair.kind,
      importer: first.from,
      imported: first.to,
      when,
      statements: pair.edges.map((e) => ({ line: e.line, statement: e.statement, when: e.when })),
    },
  };
}

/** The implicit contract between services (configured or inferred): why the edge crosses one, or null. */
function crossesServices(input: AuditInput, services: ServiceInfo[], paths: Map<string, string>, edge: ImportEdge) {
  const from = ownerOf(input.rel(edge.file), services);
  const toPath = paths.get(edge.to);
  const to = toPath === undefined ? null : ownerOf(input.rel(toPath), services);
  if (from?.kind !== "service" || to?.kind !== "service" || from === to) return null;
  const how = from.inferred ? " (inferred services)" : "";
  return `service ${from.name} must not import service ${to.name}; only shared code is common${how}`;
}

export function boundaryViolations(input: AuditInput): AuditFinding[] {
  const edges = importEdges(input.analysis, auditedModules(input));
  const contracts = input.config.contracts;
  const services = servicesOf(input);
  const paths = new Map(input.analysis.modules.map((m) => [m.name, m.path]));
  const pairs = new Map<string, Pair>();
  const note = (contract: string, kind: Pair["kind"], reason: string, edge: ImportEdge) => {
    const key = `${contract}\0${edge.from}\0${edge.to}`;
    const pair = pairs.get(key);
    if (pair) pair.edges.push(edge);
    else pairs.set(key, { contract, kind, reason, edges: [edge] });
  };
  for (const edge of edges) {
    if (contracts.length > 0)
      for (const c of contracts) {
        const reason = breaks(c, edge.from, edge.to);
        if (reason !== null) note(c.name, c.kind, reason, edge);
      }
    else if (services.length > 0) {
      const reason = crossesServices(input, services, paths, edge);
      if (reason !== null) note(SERVICES_CONTRACT, "services", reason, edge);
    }
  }
  return [...pairs.values()].map((p) => finding(input, p)).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
