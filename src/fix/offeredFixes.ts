// Every codemod over every finding of a scan: what can be fixed (safe or unsafe) and what was looked at but left
// alone, with the reason. Pure: it reads through `read` and writes nothing. One line per codemod in CODEMODS.
import type { ScanResult } from "../analyze/index.ts";
import { absolute, type Codemod, type FixContext, isFix } from "./fixContext.ts";
import { functionImport } from "./functionImport.ts";
import { registerMarker } from "./registerMarker.ts";
import { relocatedImport } from "./relocatedImport.ts";
import { renamedImport } from "./renamedImport.ts";
import type { Fix, Unfixed } from "./textEdit.ts";
import { typeCheckingImport } from "./typeCheckingImport.ts";

/** Every codemod, one line each; for one finding, the first safe Fix wins, else the first unsafe one. */
export const CODEMODS: Codemod[] = [
  registerMarker, // unknown-marker: safe
  renamedImport, // missing-name with one renamed candidate: safe (`new as old`)
  relocatedImport, // missing-name defined elsewhere: safe with one certain target, else unsafe or unfixed
  typeCheckingImport, // circular-import, names used only in annotations: safe with the future import, else unsafe
  functionImport, // circular-import, names used by one function only: unsafe
];

/** The codemods that offer fixes for findings of `kind`, by name (what `remedy rules` prints). */
export const codemodsFor = (kind: string): string[] =>
  CODEMODS.filter((c) => c.kinds.includes(kind as never)).map((c) => c.name);

export function offerFixes(
  scan: ScanResult,
  read: (path: string) => string,
  options: { reExport?: boolean } = {},
): { fixes: Fix[]; unfixed: Unfixed[] } {
  const context: FixContext = {
    read,
    scan,
    configfile: scan.configfile === null ? null : absolute(scan, scan.configfile),
    ...(options.reExport ? { reExport: true } : {}),
  };
  const fixes: Fix[] = [];
  const unfixed: Unfixed[] = [];
  for (const finding of scan.findings) {
    const tried: Unfixed[] = [];
    const offered: Fix[] = [];
    for (const codemod of CODEMODS) {
      if (!codemod.kinds.includes(finding.kind)) continue;
      const r = codemod.run(finding, context);
      if (r === null) continue;
      if (isFix(r)) offered.push(r);
      else tried.push(r);
    }
    const fix = offered.find((f) => f.safety === "safe") ?? offered[0];
    if (fix) fixes.push(fix);
    else unfixed.push(...tried);
  }
  return { fixes, unfixed };
}
