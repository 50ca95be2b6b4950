// Concepts defined more than once: a class, function or UPPER_CASE constant name that several first-party modules
// define (not import), each definition with its shape, its importers, and ranked so the proposed canonical home comes
// first. Shared by duplicate-definition, split-consumers and the SSOT registry.
import { readFileSync } from "node:fs";
import { type DefinitionShape, definitionShapes } from "../../python/index.ts";
import type { KnownModule } from "../analysisInput.ts";
import type { ImportSite } from "../symbolIndex.ts";
import type { AuditSite, ProposedChange } from "./auditFinding.ts";
import type { AuditInput } from "./auditInput.ts";
import { ssotIndex } from "./ssotIndex.ts";

/** Names every module may define for itself: conventional per-module names (a module's logger, its app, its
 *  entry point, Django's per-app `Migration`/`Meta`/`Config`), not concepts with one true home. */
export const CONVENTIONAL_NAMES: ReadonlySet<string> = new Set([
  "main",
  "logger",
  "log",
  "LOGGER",
  "LOG",
  "app",
  "application",
  "router",
  "api",
  "setup",
  "teardown",
  "run",
  "cli",
  "Migration",
  "Meta",
  "Config",
  "urlpatterns",
  "default_app_config",
  "VERSION",
]);

export type ConceptKind = "class" | "function" | "constant";

export interface ConceptDefinition {
  module: KnownModule;
  file: string;
  line: number;
  kind: ConceptKind;
  /** Null when the definition is not at the top level of its module (under `if`/`try`). */
  shape: DefinitionShape | null;
  /** Every first-party import of it, direct or through re-exports. */
  importers: ImportSite[];
  firstPartyImports: number;
  shared: boolean;
}

export interface Concept {
  name: string;
  /** Canonical home first (see rankHomes). */
  definitions: ConceptDefinition[];
  /** Why the first one was chosen, in words. */
  reason: string;
}

const CONSTANT = /^[A-Z][A-Z0-9_]*$/;
const cache = new WeakMap<AuditInput, Concept[]>();

/** A name is a candidate concept unless it is dunder, private, conventional or ignored in the configuration. */
export function isConceptName(name: string, ignoreNames: readonly string[]): boolean {
  return !name.startsWith("_") && !CONVENTIONAL_NAMES.has(name) && !ignoreNames.includes(name);
}

export function duplicateConcepts(input: AuditInput): Concept[] {
  const known = cache.get(input);
  if (known) return known;
  const index = ssotIndex(input);
  const { ignoreNames, minDuplicates } = input.config.audit;
  const found: { name: string; defs: Omit<ConceptDefinition, "shape">[] }[] = [];
  for (const name of index.symbols.definedNames()) {
    if (!isConceptName(name, ignoreNames)) continue;
    const defs: Omit<ConceptDefinition, "shape">[] = [];
    for (const d of index.symbols.definersOf(name)) {
      const kind = conceptKind(d.kind, name);
      if (kind === null || !index.inScope(d.path)) continue;
      // A name the module also imports is a fallback or an override of the import, not a second home.
      if (input.analysis.facts(d.path).bindings.some((b) => b.name === name && b.kind === "import")) continue;
      const module = index.symbols.byName(d.module)!;
      defs.push({
        module,
        file: input.rel(d.path),
        line: d.line,
        kind,
        importers: index.importersOf(d.module, name),
        firstPartyImports: index.firstPartyImports(d.module),
        shared: index.isShared(module),
      });
    }
    if (defs.length >= Math.max(2, minDuplicates)) found.push({ name, defs });
  }
  // Shapes: each file involved is read once, for all its duplicated names.
  const namesByPath = new Map<string, Set<string>>();
  for (const c of found)
    for (const d of c.defs) namesByPath.set(d.module.path, (namesByPath.get(d.module.path) ?? new Set()).add(c.name));
  const shapes = new Map<string, Map<string, DefinitionShape>>();
  for (const [path, names] of namesByPath) shapes.set(path, definitionShapes(readSource(path), names));
  const concepts = found
    .flatMap(({ name, defs }) => {
      const alike = largestAlikeGroup(defs.map((d) => ({ ...d, shape: shapes.get(d.module.path)?.get(name) ?? null })));
      if (alike.length < Math.max(2, minDuplicates)) return [];
      const ranked = rankHomes(alike);
      return [{ name, definitions: ranked.list, reason: ranked.reason }];
    })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  cache.set(input, concepts);
  return concepts;
}

/** Two definitions are of one concept when their shapes say so: classes with the same bases, or sharing a base (or
 *  one without bases) and at least half of their members, functions sharing at least half of their parameters; constants always (one name, two values is
 *  a conflict worth seeing). A Django model `User` and the GraphQL type `User` that exposes it differ in both bases
 *  and members: namesakes in different layers, not copies (they were 17 of saleor's first 20 findings). */
export function alike(a: DefinitionShape | null, b: DefinitionShape | null): boolean {
  if (a === null || b === null) return a === b || (a ?? b)!.kind === "constant";
  if (a.kind !== b.kind) return false;
  if (a.kind === "constant") return true;
  if (a.kind === "function" && b.kind === "function") return jaccard(a.params, b.params) >= 0.5;
  if (a.kind !== "class" || b.kind !== "class") return false;
  if (sameSet(a.bases, b.bases)) return true;
  // Disjoint bases (models.Model vs a GraphQL ObjectType) mean different layers, however alike the fields.
  if (a.bases.length > 0 && b.bases.length > 0 && !a.bases.some((x) => b.bases.includes(x))) return false;
  return jaccard([...a.fields, ...a.methods], [...b.fields, ...b.methods]) >= 0.5;
}

/** The largest group of definitions linked by `alike` (ties: the one with most importers). */
function largestAlikeGroup<T extends { shape: DefinitionShape | null; importers: unknown[] }>(defs: T[]): T[] {
  const group = defs.map((_, i) => i);
  const find = (i: number): number => {
    while (group[i] !== i) i = group[i]!;
    return i;
  };
  for (let i = 0; i < defs.length; i++)
    for (let j = i + 1; j < defs.length; j++) if (alike(defs[i]!.shape, defs[j]!.shape)) group[find(i)] = find(j);
  const groups = new Map<number, T[]>();
  for (const [i, d] of defs.entries()) groups.set(find(i), [...(groups.get(find(i)) ?? []), d]);
  const weight = (g: T[]) => g.length * 1e6 + g.reduce((n, d) => n + d.importers.length, 0);
  return [...groups.values()].sort((x, y) => weight(y) - weight(x))[0] ?? [];
}

function jaccard(a: string[], b: string[]): number {
  const union = new Set([...a, ...b]);
  if (union.size === 0) return 1;
  return a.filter((x) => b.includes(x)).length / union.size;
}

function sameSet(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

function conceptKind(kind: string, name: string): ConceptKind | null {
  if (kind === "class") return "class";
  if (kind === "def") return "function";
  if ((kind === "assign" || kind === "annassign") && CONSTANT.test(name) && name.length > 1) return "constant";
  return null;
}

/** Most imported, then lowest in the dependency order (imports fewer first-party modules), then in shared code,
 *  then by module name (so the choice is deterministic). */
export function rankHomes<T extends Omit<ConceptDefinition, "shape">>(defs: T[]): { list: T[]; reason: string } {
  const list = [...defs].sort(
    (a, b) =>
      b.importers.length - a.importers.length ||
      a.firstPartyImports - b.firstPartyImports ||
      Number(b.shared) - Number(a.shared) ||
      (a.module.name < b.module.name ? -1 : 1),
  );
  const [first, second] = list as [T, T];
  const reason =
    first.importers.length !== second.importers.length
      ? `most imported: ${first.importers.length} importing module${first.importers.length === 1 ? "" : "s"}`
      : first.firstPartyImports !== second.firstPartyImports
        ? `lowest in the dependency order: imports ${first.firstPartyImports} first-party modules`
        : first.shared !== second.shared
          ? "in shared code"
          : "first by module name, nothing else sets them apart";
  return { list, reason };
}

export function definitionSite(d: ConceptDefinition): AuditSite {
  return { file: d.file, line: d.line, module: d.module.name, role: "definition" };
}

/** The import statements that would name the canonical home instead of another definition. */
export function importChanges(input: AuditInput, concept: Concept): ProposedChange[] {
  const [home, ...others] = concept.definitions;
  const changes: ProposedChange[] = [];
  for (const d of others)
    for (const site of d.importers) {
      if (site.module === home!.module.name) continue;
      const as = site.boundAs === site.name ? "" : ` as ${site.boundAs}`;
      changes.push({
        file: input.rel(site.path),
        line: site.line,
        from: `from ${site.written} import ${site.name}${as}`,
        to: `from ${home!.module.name} import ${concept.name}${site.boundAs === concept.name ? "" : ` as ${site.boundAs}`}`,
      });
    }
  return changes.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
}

function readSource(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return "";
  }
}
