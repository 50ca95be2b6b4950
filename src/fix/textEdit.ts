/** One replacement in one file: [start, end) are offsets in UTF-16 code units of the file's text as read (utf-8). */
export interface TextEdit {
  file: string /* absolute */;
  start: number;
  end: number;
  text: string;
}

/** A TextEdit of a text whose file the caller knows: what the helpers that edit one file's text return. */
export type RangeEdit = Omit<TextEdit, "file">;
/** What one codemod offers for one finding. */
export interface Fix {
  id: string; // `${codemod}:${finding.id}`
  codemod: string; // "register-marker" | "relocated-import" | "type-checking-import" | "renamed-import" | "function-import"
  finding: string; // the finding id it targets
  safety: "safe" | "unsafe";
  title: string; // one line: what it does
  edits: TextEdit[];
  /** sha256 (hex) of each touched file's bytes as the codemod read them: the applier refuses when a file changed. */
  hashes: Record<string, string>;
}
/** A finding a codemod looked at but did not fix, and why (listed, never fixed). */
export interface Unfixed {
  finding: string;
  codemod: string;
  reason: string;
}
