// relocated-import: `from old import Name` where Name now lives in another first-party module. Every import of the
// missing name (the finding's sites) is rewritten to the module that defines it: the module part changes when all
// names move, otherwise the statement is split and the moved names (aliases and comments kept) get their own line.
// Safe when exactly one module defines the name and others already import it from there; unsafe when the top
// candidate is only the likeliest (several definers, or nobody imports it from there yet). With `reExport` (remedy
// fix --re-export) the importers stay as written and the module they import from gets `from new import Name` at
// its end instead: one line, for code outside the repository that imports the old path too; the re-check on an
// edited copy refuses it when that import closes a failing cycle.
import type { Finding } from "../analyze/index.ts";
import { type Codemod, type FixContext, makeFix, unfixed } from "./fixContext.ts";
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
    if (context.reExport) return reExportFix(finding, to, context);
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

/** The file CPython names in `cannot import name 'X' from 'm' (/path/m.py)`: the module the code imports from. */
const IMPORTED_FROM = /\((\/[^()]+\.py)\)$/;

function reExportFix(
  finding: Finding,
  to: { module: string; safety: "safe" | "unsafe"; why: string },
  context: FixContext,
): ReturnType<Codemod["run"]> {
  const file = IMPORTED_FROM.exec(finding.message)?.[1];
  if (!file || !finding.name || !file.startsWith(`${context.scan.rootdir}/`))
    return unfixed(RELOCATED_IMPORT, finding.id, "the module imported from is not a file of the repository");
  const text = context.read(file);
  const eol = text.includes("\r\n") ? "\r\n" : "\n";
  // After the module's last line, two blank lines on (it usually ends with a def or a class).
  const lead = (text.length === 0 || text.endsWith("\n") || text.endsWith("\r") ? "" : eol) + eol + eol;
  const line = `from ${to.module} import ${finding.name}  # re-export: ${finding.name} moved to ${to.module}${eol}`;
  return makeFix(
    RELOCATED_IMPORT,
    finding.id,
    to.safety,
    `re-export ${finding.name} from ${finding.module ?? file.slice(context.scan.rootdir.length + 1)} (now defined in ${to.module}: ${to.why})`,
    [{ file, start: text.length, end: text.length, text: lead + line }],
    context.read,
  );
}
