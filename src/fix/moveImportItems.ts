// Moving some names of a `from` import to another module: when every name moves, only the module part changes;
// otherwise the moving items leave the list (their whole line when alone on it, with the comma that joins them
// otherwise) and a new `from NEW import ...` statement follows the old one, its aliases and comments kept.
import { type FromImport, type ImportItem, itemText } from "./importStatement.ts";
import type { RangeEdit } from "./textEdit.ts";

export function moveImportItems(stmt: FromImport, moving: ImportItem[], module: string): RangeEdit[] | string {
  if (moving.length === stmt.items.length) return [{ start: stmt.moduleStart, end: stmt.moduleEnd, text: module }];
  if (stmt.followed) return "another statement follows the import on its line";
  const text = stmt.lines.text;
  const edits: RangeEdit[] = [];
  const comments: string[] = [];
  for (const item of moving) {
    const k = stmt.items.indexOf(item);
    if (item.ownLine) {
      edits.push({ start: item.ownLine.lineStart, end: item.ownLine.lineEnd, text: "" });
      if (item.ownLine.comment) comments.push(item.ownLine.comment);
    } else {
      // Up to the next item (its comma and the spaces after it); the last item goes with the comma before it,
      // from the end of the nearest item that stays.
      const next = stmt.items[k + 1];
      const stays = stmt.items.slice(0, k).filter((x) => !moving.includes(x));
      if (next) edits.push({ start: item.start, end: next.start, text: "" });
      else edits.push({ start: stays.at(-1)!.end, end: item.end, text: "" });
    }
  }
  const names = moving.map((i) => itemText(i.name, i.asname)).join(", ");
  const after = stmt.afterLines;
  const lead = after === text.length && !/(\r\n|\r|\n)$/.test(text) ? stmt.lines.eol : "";
  const comment = comments.length ? `  ${comments.join(" ")}` : "";
  edits.push({
    start: after,
    end: after,
    text: `${lead}${stmt.indent}from ${module} import ${names}${comment}${stmt.lines.eol}`,
  });
  return mergeAdjacent(edits);
}

/** Deletions of neighbouring items may touch or overlap (a last item's comma): their union, sorted. */
function mergeAdjacent(edits: RangeEdit[]): RangeEdit[] {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: RangeEdit[] = [];
  for (const e of sorted) {
    const last = out.at(-1);
    if (last && e.start < last.end && last.text === "" && e.text === "") last.end = Math.max(last.end, e.end);
    else out.push({ ...e });
  }
  return out;
}
