// The fix stage's public face: codemods produce Fixes (text edits as data); one applier shows them as a diff,
// writes them atomically inside the repository root with an undo journal, and undoes the last write.
export { EditError, editedBytes, editedText } from "./applyEdits.ts";
export type { Fix, TextEdit, Unfixed } from "./textEdit.ts";
export { unifiedDiff } from "./unifiedDiff.ts";
