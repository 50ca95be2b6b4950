// duplicate-factory: several module-level factories (get_X, create_X, make_X, build_X, new_X) returning the same
// class, told by the return annotation or by `return ClassName(...)`, whose name contains the class's (snake case). Why: two ways to build one object drift apart
// (one sets a default the other forgets). Fix: keep one factory, call it everywhere.
import { readFileSync } from "node:fs";
import { type DefinitionShape, definitionShapes } from "../../python/index.ts";
import type { AuditFinding, AuditSite } from "./auditFinding.ts";
import type { AuditInput } from "./auditInput.ts";
import { isConceptName } from "./concepts.ts";
import { ssotIndex } from "./ssotIndex.ts";

const FACTORY = /^(get|create|make|build|new)_[a-z0-9_]+$/;
/** Annotation wrappers looked through (`Optional[Client]`, `Client | None`) and names that are not classes. */
const NOT_A_CLASS = new Set([
  "Optional",
  "Union",
  "None",
  "Any",
  "Self",
  "Type",
  "type",
  "object",
  "Iterator",
  "Generator",
  "AsyncIterator",
  "Awaitable",
  "Coroutine",
]);

interface Factory {
  name: string;
  module: string;
  file: string;
  line: number;
  importers: number;
}

/** The class a factory returns: its annotation's one class name, else the one CapWords callable it returns. */
export function returnedClass(shape: DefinitionShape): string | null {
  if (shape.kind !== "function") return null;
  if (shape.returns !== null) {
    const names = (shape.returns.match(/[A-Za-z_][A-Za-z0-9_.]*/g) ?? [])
      .map((n) => n.split(".").pop()!)
      .filter((n) => !NOT_A_CLASS.has(n));
    if (names.length === 1 && /^[A-Z]/.test(names[0]!)) return names[0]!;
    if (names.length > 0) return null;
  }
  const built = shape.constructs.map((c) => c.split(".").pop()!).filter((c) => /^[A-Z][a-z]/.test(c));
  return built.length === 1 ? built[0]! : null;
}

/** `PaymentGateway` -> `payment_gateway`. */
function snake(cls: string): string {
  return cls.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase();
}

export function duplicateFactories(input: AuditInput): AuditFinding[] {
  const index = ssotIndex(input);
  const byClass = new Map<string, Factory[]>();
  for (const mod of input.analysis.modules) {
    if (!index.inScope(mod.path)) continue;
    const facts = input.analysis.facts(mod.path);
    const names = new Set(
      facts.bindings
        .filter((b) => b.kind === "def" && FACTORY.test(b.name) && isConceptName(b.name, []))
        .map((b) => b.name),
    );
    if (names.size === 0) continue;
    let source = "";
    try {
      source = readFileSync(mod.path, "utf8");
    } catch {
      continue;
    }
    for (const [name, shape] of definitionShapes(source, names)) {
      const cls = returnedClass(shape);
      if (cls === null || input.config.audit.ignoreNames.includes(cls)) continue;
      // A factory names what it builds (make_client -> Client); a getter of a Money or a Decimal computes a value.
      if (!name.includes(snake(cls))) continue;
      const list = byClass.get(cls) ?? [];
      list.push({
        name,
        module: mod.name,
        file: input.rel(mod.path),
        line: shape.line,
        importers: index.symbols.importersOf(mod.name, name).length,
      });
      byClass.set(cls, list);
    }
  }
  const findings: AuditFinding[] = [];
  for (const [cls, factories] of byClass) {
    if (factories.length < 2) continue;
    const ranked = [...factories].sort(
      (a, b) =>
        b.importers - a.importers || (a.module < b.module ? -1 : a.module > b.module ? 1 : a.name < b.name ? -1 : 1),
    );
    const keep = ranked[0]!;
    const sites: AuditSite[] = factories
      .map((f) => ({ file: f.file, line: f.line, module: f.module, role: "factory" }))
      .sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
    findings.push({
      id: `duplicate-factory:${cls}`,
      kind: "duplicate-factory",
      severity: "info",
      subject: cls,
      message: `${factories.length} factories return ${cls}: ${ranked.map((f) => `${f.module}.${f.name}`).join(", ")}.`,
      sites,
      proposal: {
        summary: `Keep ${keep.module}.${keep.name} (most imported) and call it instead of the other ${factories.length - 1}.`,
        canonical: keep.module,
        changes: [],
      },
      detail: { factories: ranked.map((f) => ({ module: f.module, name: f.name, importers: f.importers })) },
    });
  }
  return findings;
}
