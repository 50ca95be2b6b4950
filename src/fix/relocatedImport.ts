// relocated-import: `from old import Name` where Name now lives in another first-party module. Every import of the
// missing name (the finding's sites) is rewritten to the module that defines it: the module part changes when all
// names move, otherwise the statement is split and the moved names (aliases and comments kept) get their own line.
// Safe when exactly one module defines the name and others already import it from there; unsafe when the top
// candidate is only the likeliest (several definers, or nobody imports it from there yet).
import type { Finding } from "../analyze/index.ts";
import { type Codemod, makeFix, unfixed } from "./fixContext.ts";
import { importSites } from "./importSites.ts";
import { moveImportItems } from "./moveImportItems.ts";
import type { TextEdit } from "./textEdit.ts";

export const RELOCATED_IMPORT = "relocated-import";

function target(finding: Finding): { module: string; safety: "safe" | "unsafe"; why: string } | string {
  const candidates = finding.suggestions.filter((s) => s.kind === "relocated" && typeof s.data?.module === "string");
  if (candidates.length === 0) return "no module defines the name elsewhere";
  const [top, second] = candidates.map((c) => ({
    module: c.data!.module as string,
    importers: Number(c.data!.importers ?? 0),
  }));
  if (!second) {
    return top!.importers > 0
      ? {
          module: top!.module,
          safety: "safe",
          why: `the one module defining it, imported from there by ${top!.importers}`,
        }
      : {
          module: top!.module,
          safety: "unsafe",
          why: "the one module defining it, but nothing imports it from there yet",
        };
  }
  if (top!.importers > second.importers)
    return {
      module: top!.module,
      safety: "unsafe",
      why: `${candidates.length} modules define it; the one most imported from`,
    };
  return `${candidates.length} modules define it and none is imported from more often: ${candidates.map((c) => c.data!.module).join(", ")}`;
}

export const relocatedImport: Codemod = {
  name: RELOCATED_IMPORT,
  kinds: ["missing-name"],
  run(finding, context) {
    if (!finding.suggestions.some((s) => s.kind === "relocated")) return null;
    const to = target(finding);
    if (typeof to === "string") return unfixed(RELOCATED_IMPORT, finding.id, to);
    const sites = importSites(finding, context);
    if (typeof sites === "string") return unfixed(RELOCATED_IMPORT, finding.id, sites);
    const edits: TextEdit[] = [];
    for (const site of sites) {
      const e = moveImportItems(site.stmt, site.items, to.module);
      if (typeof e === "string") return unfixed(RELOCATED_IMPORT, finding.id, `${site.file}: ${e}`);
      edits.push(...e.map((x) => ({ file: site.file, ...x })));
    }
    const where = sites.length > 1 ? ` in ${sites.length} files` : "";
    return makeFix(
      RELOCATED_IMPORT,
      finding.id,
      to.safety,
      `import ${finding.name} from ${to.module}${where} (${to.why})`,
      edits,
      context.read,
    );
  },
};
