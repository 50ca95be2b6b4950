// The texts files would have after a set of edits, computed in memory (the re-check scans them; the applier writes
// them). Edits are applied from the end of each file backwards; insertions at the same offset keep their order.
import type { TextEdit } from "./textEdit.ts";

/** Each touched file's new text; throws when two edits of one file overlap (a codemod bug). */
export function editedTexts(edits: TextEdit[], read: (path: string) => string): Map<string, string> {
  const byFile = new Map<string, { edit: TextEdit; order: number }[]>();
  edits.forEach((edit, order) => {
    const list = byFile.get(edit.file) ?? [];
    list.push({ edit, order });
    byFile.set(edit.file, list);
  });
  const out = new Map<string, string>();
  for (const [file, list] of byFile) {
    list.sort((a, b) => a.edit.start - b.edit.start || a.edit.end - b.edit.end || a.order - b.order);
    let text = read(file);
    let result = "";
    let at = 0;
    for (const { edit } of list) {
      if (edit.start < at || edit.end < edit.start || edit.end > text.length)
        throw new Error(`overlapping or out-of-range edit in ${file} at ${edit.start}-${edit.end}`);
      result += text.slice(at, edit.start) + edit.text;
      at = edit.end;
    }
    text = result + text.slice(at);
    out.set(file, text);
  }
  return out;
}
