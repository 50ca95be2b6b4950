// duplicate-definition: one concept (class, function, UPPER_CASE constant) defined in several first-party modules.
// Why it matters: the copies drift apart (an enum member added to one), and importers split between them until one
// moves and "cannot import name" breaks collection. Fix: keep the canonical home, import it everywhere else.
import type { AuditFinding } from "./auditFinding.ts";
import type { AuditInput } from "./auditInput.ts";
import { type Concept, type ConceptDefinition, definitionSite, duplicateConcepts, importChanges } from "./concepts.ts";

export function duplicateDefinitions(input: AuditInput): AuditFinding[] {
  return duplicateConcepts(input).map((concept) => finding(input, concept));
}

function finding(input: AuditInput, concept: Concept): AuditFinding {
  const defs = concept.definitions;
  const home = defs[0]!;
  const similarity = similarityOf(defs);
  const kinds = [...new Set(defs.map((d) => d.kind))];
  const changes = importChanges(input, concept);
  const modules = defs.map((d) => d.module.name);
  const imported = defs.map((d) => d.importers.length).join(", ");
  return {
    id: `duplicate-definition:${concept.name}`,
    kind: "duplicate-definition",
    severity: "warning",
    subject: concept.name,
    message:
      `${kinds.join("/")} ${concept.name} is defined in ${defs.length} modules (${modules.join(", ")}): ` +
      `${similarity.summary}; imported by ${imported} modules.`,
    sites: defs.map(definitionSite).sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line)),
    proposal: {
      summary:
        `Keep ${concept.name} in ${home.module.name} (${concept.reason}), delete the other ` +
        `${defs.length - 1} and import it from there (${changes.length} import${changes.length === 1 ? "" : "s"} change).`,
      canonical: home.module.name,
      changes,
    },
    detail: {
      conceptKind: kinds.length === 1 ? kinds[0]! : "mixed",
      identical: similarity.identical,
      similarity: similarity.detail,
      definitions: defs.map((d) => ({
        module: d.module.name,
        kind: d.kind,
        importers: d.importers.length,
        firstPartyImports: d.firstPartyImports,
        shared: d.shared,
        shape: d.shape,
      })),
    },
  };
}

interface Similarity {
  identical: boolean;
  summary: string;
  detail: Record<string, unknown>;
}

/** How alike the definitions are, over those whose shape is known. */
export function similarityOf(defs: ConceptDefinition[]): Similarity {
  const shapes = defs.flatMap((d) => (d.shape ? [{ module: d.module.name, shape: d.shape }] : []));
  const unknown = defs.length - shapes.length;
  const tail = unknown > 0 ? ` (${unknown} not at module top level, not compared)` : "";
  const kinds = new Set(shapes.map((s) => s.shape.kind));
  if (shapes.length < 2 || kinds.size > 1)
    return {
      identical: false,
      summary: kinds.size > 1 ? "different kinds of definition" : `shapes not comparable${tail}`,
      detail: { comparable: false, unknown },
    };
  const same = (f: (s: (typeof shapes)[number]["shape"]) => unknown) =>
    new Set(shapes.map((s) => JSON.stringify(f(s.shape)))).size === 1;
  const first = shapes[0]!.shape;
  if (first.kind === "class") {
    const fields = overlap(
      shapes.map((s) => ({ module: s.module, names: s.shape.kind === "class" ? s.shape.fields : [] })),
    );
    const methods = overlap(
      shapes.map((s) => ({ module: s.module, names: s.shape.kind === "class" ? s.shape.methods : [] })),
    );
    const sameBases = same((s) => (s.kind === "class" ? s.bases : null));
    const identical = sameBases && fields.differ === 0 && methods.differ === 0;
    return {
      identical,
      summary:
        `${sameBases ? "same bases" : "different bases"}, fields ${fields.words}, methods ${methods.words}` + tail,
      detail: { comparable: true, unknown, sameBases, fields: fields.detail, methods: methods.detail },
    };
  }
  if (first.kind === "function") {
    const sameParams = same((s) => (s.kind === "function" ? s.params : null));
    const sameReturns = same((s) => (s.kind === "function" ? s.returns : null));
    return {
      identical: sameParams && sameReturns,
      summary: `${sameParams ? "same parameters" : "different parameters"}${sameReturns ? "" : ", different return annotations"}${tail}`,
      detail: { comparable: true, unknown, sameParams, sameReturns },
    };
  }
  const values = shapes.map((s) => (s.shape.kind === "constant" ? s.shape.value : null));
  const sameValue = values.every((v) => v !== null) && same((s) => (s.kind === "constant" ? s.value : null));
  return {
    identical: sameValue,
    summary: `${sameValue ? `same value ${values[0]}` : "different values"}${tail}`,
    detail: { comparable: true, unknown, sameValue },
  };
}

/** Names every definition has, and those only some have (per module). */
function overlap(lists: { module: string; names: string[] }[]) {
  const all = new Set(lists.flatMap((l) => l.names));
  const shared = [...all].filter((n) => lists.every((l) => l.names.includes(n))).sort();
  const only: Record<string, string[]> = {};
  for (const l of lists) {
    const own = l.names.filter((n) => !shared.includes(n)).sort();
    if (own.length > 0) only[l.module] = own;
  }
  const differ = all.size - shared.length;
  const words =
    all.size === 0
      ? "none"
      : differ === 0
        ? `all ${shared.length} shared`
        : `${shared.length} shared, ${differ} differ`;
  return { differ, words, detail: { shared, only } };
}
