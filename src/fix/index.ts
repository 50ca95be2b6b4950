// The fix stage's public face: codemods turn findings into Fixes (text edits as data, `offerFixes`); one applier
// shows them as a diff, writes them atomically inside the repository root with an undo journal, and undoes the
// last write.
export { EditError, editedBytes, editedText, editsOverlap } from "./applyEdits.ts";
export { editedTexts } from "./editedText.ts";
export type { RefusalReason } from "./fileTarget.ts";
export { CODEMODS, codemodsFor, offerFixes } from "./offeredFixes.ts";
export type { Fix, TextEdit, Unfixed } from "./textEdit.ts";
export { UndoError, type UndoOutcome, type UndoRefusal, undoLast } from "./undoJournal.ts";
export { unifiedDiff } from "./unifiedDiff.ts";
export {
  type ApplyOptions,
  applyFixes,
  applyWrites,
  ChangedDuringFixError,
  type FixOutcome,
  type PlannedWrite,
  type PlanOptions,
  planDiff,
  planWrites,
  type Refusal,
  type WritePlan,
} from "./writeFixes.ts";
