// The ways out of a circular import, chosen from what the importing module does with the name at import time:
// a name read only inside functions can be imported there; one read only in annotations can go under
// TYPE_CHECKING; otherwise import the module instead of the name, or move the shared definition.
import type { FileFacts } from "../python/index.ts";
import type { ChainStep, Suggestion } from "./findingFields.ts";

const moveDefinition = (name: string, module: string): Suggestion => ({
  kind: "break-cycle",
  message: `Or move \`${name}\` out of \`${module}\` into a module lower in the dependency order that both sides import`,
  data: { module, name, way: "move-definition" },
});

export function cycleSuggestions(
  failing: { file: string; line: number; module: string | null; name: string | null },
  facts: FileFacts | null,
  cycle: ChainStep[],
  rel: (path: string) => string,
): Suggestion[] {
  const at = `${rel(failing.file)}:${failing.line}`;
  const name = failing.name;
  const partial = failing.module ?? "the partially initialized module";
  const path = cycle.map((s) => s.module ?? rel(s.file)).join(" -> ");
  const out: Suggestion[] = [];
  const stmt = facts?.imports.find((i) => i.line === failing.line);
  const bound = stmt?.names.map((n) => n.asname ?? n.name.split(".")[0]!) ?? (name ? [name] : []);
  const importTimeReads = facts
    ? facts.reads.filter((r) => bound.includes(r.name) && !r.typeChecking && r.line !== failing.line)
    : [];
  if (facts && !stmt && name && failing.module && cycle.length > 0) {
    // Not an import: an attribute read (`mod.X` in a default, a decorator or an evaluated annotation) of a module
    // the cycle re-entered before it bound X. The way out is at the cycle's first import, in that module.
    const first = cycle[0]!;
    out.push({
      kind: "break-cycle",
      message: `${at} reads \`${failing.module}.${name}\` while \`${failing.module}\` is still initializing (cycle: ${path}): \`${name}\` is bound only after ${rel(first.file)}:${first.line} imports back; move that import below the definition of \`${name}\` or into the functions that use it, or let ${at} read it lazily (\`from __future__ import annotations\` when it is an annotation)`,
      data: { file: rel(first.file), line: first.line, way: "defer-import" },
    });
    out.push(moveDefinition(name, failing.module));
    return out;
  }
  const enter = `${at} imports from \`${partial}\` while it is still initializing (cycle: ${path})`;
  if (facts && importTimeReads.length === 0) {
    out.push({
      kind: "break-cycle",
      message: `${enter}; nothing reads ${bound.map((b) => `\`${b}\``).join(", ")} at import time: move the import into the functions that use it, or under \`if TYPE_CHECKING:\` if only annotations use it`,
      data: { file: rel(failing.file), line: failing.line, way: "defer-import" },
    });
  }
  if (name && failing.module) {
    out.push({
      kind: "break-cycle",
      message: `${enter}: import the module instead of the name (\`import ${failing.module}\`, then \`${failing.module}.${name}\` where it is used)${importTimeReads.length > 0 ? `, which only helps if \`${name}\` is not read at import time (line ${importTimeReads[0]!.line} reads it)` : ""}`,
      data: { file: rel(failing.file), line: failing.line, way: "import-module" },
    });
    out.push(moveDefinition(name, failing.module));
  }
  return out;
}
