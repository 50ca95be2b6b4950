// type-checking-import: breaks a failing cycle by moving an import whose names only annotations use under
// `if TYPE_CHECKING:` (adding `from typing import TYPE_CHECKING` when the module does not bind it). Annotations
// must then not be evaluated: safe when the module already has `from __future__ import annotations`; when the
// codemod has to add it, unsafe, because every annotation of the module becomes a string and code that reads
// annotations at run time (dataclasses' ClassVar, pydantic, typer, singledispatch) may behave differently.

import { futureImportOffset, movableImports, statementText } from "./cycleImport.ts";
import { type Codemod, makeFix, unfixed } from "./fixContext.ts";
import type { TextEdit } from "./textEdit.ts";

export const TYPE_CHECKING_IMPORT = "type-checking-import";

export const typeCheckingImport: Codemod = {
  name: TYPE_CHECKING_IMPORT,
  kinds: ["circular-import"],
  run(finding, context) {
    const candidates = movableImports(finding, context);
    if (typeof candidates === "string") return unfixed(TYPE_CHECKING_IMPORT, finding.id, candidates);
    const m = candidates.find((c) => c.uses.length > 0 && c.uses.every((u) => u.annotation));
    if (!m) {
      // An import whose names nothing uses may be there for its side effects (registration): not moved.
      const why = candidates.every((c) => c.uses.length === 0)
        ? "the cycle's imports bind names nothing in their modules uses (perhaps imported for side effects)"
        : "every import of the cycle is read outside annotations";
      return unfixed(TYPE_CHECKING_IMPORT, finding.id, why);
    }
    const eol = m.text.includes("\r\n") ? "\r\n" : "\n";
    const body = statementText(m)
      .split(/\r\n|\r|\n/)
      .map((l) => `    ${l}`)
      .join(eol);
    const edits: TextEdit[] = [];
    if (!m.futureAnnotations) {
      const at = futureImportOffset(m.text);
      edits.push({
        file: m.file,
        start: at,
        end: at,
        text: `from __future__ import annotations${eol}${at === 0 ? eol : ""}`,
      });
    }
    const typing = m.bindsTypeChecking ? "" : `from typing import TYPE_CHECKING${eol}${eol}`;
    edits.push({
      file: m.file,
      start: m.stmt.start,
      end: m.stmt.end,
      text: `${typing}if TYPE_CHECKING:${eol}${body}${eol}`,
    });
    return makeFix(
      TYPE_CHECKING_IMPORT,
      finding.id,
      m.futureAnnotations ? "safe" : "unsafe",
      `move line ${m.stmt.line} of ${m.file.slice(context.scan.rootdir.length + 1)} under if TYPE_CHECKING: (only annotations use it)${m.futureAnnotations ? "" : ", adding from __future__ import annotations"}`,
      edits,
      context.read,
    );
  },
};
