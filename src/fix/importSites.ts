// The import statements of one root cause: every site of a finding (finding.sites, or its own file and line),
// each located as a `from` import that names the missing name; a site that is not one makes the codemod decline.
import type { Finding } from "../analyze/index.ts";
import { absolute, type FixContext } from "./fixContext.ts";
import { type FromImport, fromImportAt, type ImportItem } from "./importStatement.ts";

/** A finding's site located as a `from` import statement of a file, and its items that name the missing name. */
export interface ImportStatementSite {
  file: string;
  stmt: FromImport;
  items: ImportItem[];
}

export function importSites(finding: Finding, context: FixContext): ImportStatementSite[] | string {
  const name = finding.name;
  if (!name) return "the finding names no imported name";
  const sites = finding.sites ?? [{ file: finding.file, line: finding.line, col: finding.col }];
  const out: ImportStatementSite[] = [];
  for (const site of sites) {
    const file = absolute(context.scan, site.file);
    let text: string;
    try {
      text = context.read(file);
    } catch {
      return `${site.file} cannot be read`;
    }
    const stmt = fromImportAt(text, site.line, site.col);
    if (!stmt) return `${site.file}:${site.line} is not a \`from ... import\` statement remedy can rewrite`;
    const items = stmt.items.filter((i) => i.name === name);
    if (items.length === 0) return `${site.file}:${site.line} does not import \`${name}\``;
    out.push({ file, stmt, items });
  }
  return out;
}
