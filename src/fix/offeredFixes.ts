// Every codemod over every finding of a scan: what can be fixed (safe or unsafe) and what was looked at but left
// alone, with the reason. Pure: it reads through `read` and writes nothing. One line per codemod in CODEMODS.
import type { ScanResult } from "../analyze/index.ts";
import { absolute, type Codemod, type FixContext, isFix } from "./fixContext.ts";
import { registerMarker } from "./registerMarker.ts";
import type { Fix, Unfixed } from "./textEdit.ts";

/** In the order they are tried: the first codemod that offers a Fix for a finding wins. */
export const CODEMODS: Codemod[] = [registerMarker];

export function offerFixes(scan: ScanResult, read: (path: string) => string): { fixes: Fix[]; unfixed: Unfixed[] } {
  const context: FixContext = {
    read,
    scan,
    configfile: scan.configfile === null ? null : absolute(scan, scan.configfile),
  };
  const fixes: Fix[] = [];
  const unfixed: Unfixed[] = [];
  for (const finding of scan.findings) {
    const tried: Unfixed[] = [];
    let fix: Fix | null = null;
    for (const codemod of CODEMODS) {
      if (!codemod.kinds.includes(finding.kind)) continue;
      const r = codemod.run(finding, context);
      if (r === null) continue;
      if (isFix(r)) {
        fix = r;
        break;
      }
      tried.push(r);
    }
    if (fix) fixes.push(fix);
    else unfixed.push(...tried);
  }
  return { fixes, unfixed };
}
