// The texts files would have after a set of edits, computed in memory (the re-check scans them; the applier writes
// them): the edits grouped by file, each file's applied by applyEdits.ts (insertions at one offset keep their order).
import { editedText } from "./applyEdits.ts";
import type { TextEdit } from "./textEdit.ts";

/** Each touched file's new text; throws EditError when two edits of one file overlap (a codemod bug). */
export function editedTexts(edits: TextEdit[], read: (path: string) => string): Map<string, string> {
  const byFile = new Map<string, TextEdit[]>();
  for (const edit of edits) byFile.set(edit.file, [...(byFile.get(edit.file) ?? []), edit]);
  return new Map([...byFile].map(([file, list]) => [file, editedText(read(file), list)]));
}
