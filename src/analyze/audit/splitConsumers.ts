// split-consumers: the importers of one concept divided between two or more of its definitions. The usual cause of
// "cannot import name X from the module that used to have it": when one copy is deleted or moved, the importers of
// that copy break while the others keep working. Fix: point every importer at the canonical home.
import type { AuditFinding, AuditSite } from "./auditFinding.ts";
import type { AuditInput } from "./auditInput.ts";
import { duplicateConcepts, importChanges } from "./concepts.ts";

export function splitConsumers(input: AuditInput): AuditFinding[] {
  const findings: AuditFinding[] = [];
  for (const concept of duplicateConcepts(input)) {
    const used = concept.definitions.filter((d) => d.importers.length > 0);
    if (used.length < 2) continue;
    const home = concept.definitions[0]!;
    // Importer sites grouped by the definition they reach (canonical first), each naming that definition's module.
    const sites: AuditSite[] = used.flatMap((d) =>
      d.importers
        .map((s) => ({ file: input.rel(s.path), line: s.line, module: d.module.name, role: "importer" }))
        .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line)),
    );
    const changes = importChanges(input, concept);
    const groups = used.map((d) => `${d.importers.length} from ${d.module.name}`).join(", ");
    findings.push({
      id: `split-consumers:${concept.name}`,
      kind: "split-consumers",
      severity: "warning",
      subject: concept.name,
      message: `The importers of ${concept.name} are split between ${used.length} definitions: ${groups}.`,
      sites,
      proposal: {
        summary: `Import ${concept.name} from ${home.module.name} everywhere (${changes.length} import${changes.length === 1 ? "" : "s"} change).`,
        canonical: home.module.name,
        changes,
      },
      detail: { groups: used.map((d) => ({ module: d.module.name, importers: d.importers.length })) },
    });
  }
  return findings;
}
