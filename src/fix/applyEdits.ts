// Text edits -> edited text (what the codemods re-check and the dry run shows) and edited bytes (what is written).
// Edits apply to the text as read; they are sorted here, and two that overlap are an error, never a guess.
import { RemedyError } from "../errors.ts";
import type { TextEdit } from "./textEdit.ts";
import { utf16ByteOffsets } from "./utf16ByteOffsets.ts";

/** Edits that cannot be applied as given: overlapping, out of range, or splitting a character. */
export class EditError extends RemedyError {
  override name = "EditError";
  constructor(
    readonly kind: "overlap" | "range" | "split",
    message: string,
  ) {
    super(message);
  }
}

/** True when a and b claim the same text: their ranges overlap, or both insert at the same offset (which goes
 *  first would be a guess). An insertion at the edge of a replaced range does not overlap it. */
export function editsOverlap(a: TextEdit, b: TextEdit): boolean {
  if (a.start < b.end && b.start < a.end) return true;
  return a.start === b.start && a.start === a.end && b.start === b.end;
}

const describe = (e: TextEdit): string => `[${e.start}, ${e.end})`;

/** The edits in text order (stable: insertions at one offset from one fix keep their given order), each checked
 *  against `length`; throws EditError when two overlap. */
export function sortedEdits(edits: readonly TextEdit[], length: number): TextEdit[] {
  const sorted = edits
    .map((e, i) => ({ e, i }))
    .sort((x, y) => x.e.start - y.e.start || x.e.end - y.e.end || x.i - y.i)
    .map(({ e }) => e);
  for (const e of sorted) {
    if (!Number.isInteger(e.start) || !Number.isInteger(e.end) || e.start < 0 || e.end < e.start || e.end > length) {
      throw new EditError("range", `${e.file}: edit ${describe(e)} is outside the text (length ${length})`);
    }
  }
  for (let k = 1; k < sorted.length; k++) {
    const prev = sorted[k - 1]!;
    const cur = sorted[k]!;
    if (prev.start < cur.end && cur.start < prev.end) {
      throw new EditError("overlap", `${cur.file}: overlapping edits ${describe(prev)} and ${describe(cur)}`);
    }
  }
  return sorted;
}

/** `original` with `edits` applied (offsets into `original`). */
export function editedText(original: string, edits: readonly TextEdit[]): string {
  let out = "";
  let at = 0;
  for (const e of sortedEdits(edits, original.length)) {
    out += original.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + original.slice(at);
}

/** `bytes` with `edits` applied (offsets into the bytes decoded as UTF-8): the bytes between edits are copied as
 *  they are, the inserted text is encoded as UTF-8. Throws EditError when an offset splits a surrogate pair. */
export function editedBytes(bytes: Uint8Array, edits: readonly TextEdit[]): Buffer {
  const offsets = utf16ByteOffsets(bytes);
  const parts: Uint8Array[] = [];
  let at = 0;
  for (const e of sortedEdits(edits, offsets.length - 1)) {
    const start = offsets[e.start]!;
    const end = offsets[e.end]!;
    if (start < 0 || end < 0) throw new EditError("split", `${e.file}: edit ${describe(e)} splits a character`);
    parts.push(bytes.subarray(at, start), Buffer.from(e.text, "utf8"));
    at = end;
  }
  parts.push(bytes.subarray(at));
  return Buffer.concat(parts);
}
