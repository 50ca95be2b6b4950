// The fix stage's public face: codemods turn findings into text edits (data); nothing here writes a file.
export { editedTexts } from "./editedText.ts";
export { CODEMODS, offerFixes } from "./offeredFixes.ts";
export type { Fix, TextEdit, Unfixed } from "./textEdit.ts";
