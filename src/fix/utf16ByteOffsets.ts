// Where each UTF-16 offset of a file's text (as `readFileSync(file, "utf8")` decodes it) starts in the file's bytes.
// Edits are offsets in that text; writing them into the bytes (not re-encoding the text) keeps every byte outside
// the edits as it was, even bytes that are not UTF-8 (a latin-1 comment decodes to U+FFFD and re-encodes otherwise).

/** Offset -> byte offset; -1 where an offset falls inside a surrogate pair (no edit may start or end there). The
 *  last entry (index text length) is the byte length. Follows the WHATWG decoder, as Node's Buffer does: each
 *  maximal invalid subpart becomes one U+FFFD. */
export function utf16ByteOffsets(bytes: Uint8Array): Int32Array {
  const out: number[] = [];
  const emit = (start: number, codePoint: number): void => {
    out.push(start);
    if (codePoint > 0xffff) out.push(-1);
  };
  let i = 0;
  while (i < bytes.length) {
    const start = i;
    const b = bytes[i++]!;
    let needed = 0;
    let cp = 0;
    let lower = 0x80;
    let upper = 0xbf;
    if (b < 0x80) {
      emit(start, b);
      continue;
    }
    if (b >= 0xc2 && b <= 0xdf) {
      needed = 1;
      cp = b & 0x1f;
    } else if (b >= 0xe0 && b <= 0xef) {
      needed = 2;
      cp = b & 0x0f;
      if (b === 0xe0) lower = 0xa0;
      if (b === 0xed) upper = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      needed = 3;
      cp = b & 0x07;
      if (b === 0xf0) lower = 0x90;
      if (b === 0xf4) upper = 0x8f;
    } else {
      emit(start, 0xfffd);
      continue;
    }
    let seen = 0;
    while (seen < needed && i < bytes.length) {
      const c = bytes[i]!;
      if (c < lower || c > upper) break; // not consumed: it starts the next sequence
      lower = 0x80;
      upper = 0xbf;
      cp = (cp << 6) | (c & 0x3f);
      seen++;
      i++;
    }
    emit(start, seen === needed ? cp : 0xfffd);
  }
  out.push(bytes.length);
  return Int32Array.from(out);
}
