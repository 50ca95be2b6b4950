// renamed-import: `from m import old` where m now defines the name under a new spelling. The item becomes
// `new as old` (`new as alias` when it had one): the file's uses of `old` keep working without touching them, so
// it is safe whenever exactly one renamed candidate exists; renaming every use instead would need scope analysis
// and changes more lines than the bug did. Several candidates: listed, not fixed.
import { type Codemod, makeFix, unfixed } from "./fixContext.ts";
import { importSites } from "./importSites.ts";
import { itemText } from "./importStatement.ts";
import type { TextEdit } from "./textEdit.ts";

export const RENAMED_IMPORT = "renamed-import";

export const renamedImport: Codemod = {
  name: RENAMED_IMPORT,
  kinds: ["missing-name"],
  run(finding, context) {
    const renamed = finding.suggestions.filter((s) => s.kind === "renamed" && typeof s.data?.name === "string");
    if (renamed.length === 0) return null;
    if (renamed.length > 1)
      return unfixed(
        RENAMED_IMPORT,
        finding.id,
        `${renamed.length} names are close: ${renamed.map((s) => s.data!.name).join(", ")}; pick one by hand`,
      );
    const now = renamed[0]!.data!.name as string;
    const sites = importSites(finding, context);
    if (typeof sites === "string") return unfixed(RENAMED_IMPORT, finding.id, sites);
    const edits: TextEdit[] = sites.flatMap((site) =>
      site.items.map((i) => ({ file: site.file, start: i.start, end: i.end, text: itemText(now, i.asname ?? i.name) })),
    );
    return makeFix(
      RENAMED_IMPORT,
      finding.id,
      "safe",
      `import ${now} as ${finding.name} (the name ${finding.module ?? "the module"} defines now)`,
      edits,
      context.read,
    );
  },
};
