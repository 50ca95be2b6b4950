// The applier's pure half: edits -> text and bytes (non-UTF-8 bytes outside the edits kept), overlapping edits
// rejected, and a unified diff that the real `git apply` and `patch` accept.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { EditError, editedBytes, editedText } from "../../src/fix/applyEdits.ts";
import type { TextEdit } from "../../src/fix/textEdit.ts";
import { unifiedDiff } from "../../src/fix/unifiedDiff.ts";
import { utf16ByteOffsets } from "../../src/fix/utf16ByteOffsets.ts";

const edit = (start: number, end: number, text: string): TextEdit => ({ file: "/r/m.py", start, end, text });

test("edits apply in text order whatever order they come in", () => {
  const text = "import a\nimport b\n";
  assert.equal(
    editedText(text, [edit(16, 17, "c"), edit(7, 8, "x"), edit(0, 0, "# head\n")]),
    "# head\nimport x\nimport c\n",
  );
  assert.equal(editedText(text, []), text);
  // Two insertions at one offset keep their given order.
  assert.equal(editedText("ab", [edit(1, 1, "1"), edit(1, 1, "2")]), "a12b");
});

test("overlapping edits are rejected with an error that names them", () => {
  assert.throws(
    () => editedText("abcdef", [edit(1, 4, "x"), edit(3, 5, "y")]),
    (e: unknown) => {
      assert.ok(e instanceof EditError);
      assert.match(e.message, /overlapping edits \[1, 4\) and \[3, 5\)/);
      return true;
    },
  );
  assert.throws(() => editedText("abc", [edit(2, 9, "x")]), /outside the text/);
  // Adjacent edits do not overlap.
  assert.equal(editedText("abcdef", [edit(1, 3, "X"), edit(3, 5, "Y")]), "aXYf");
});

test("byte offsets follow Node's UTF-8 decoding, invalid bytes included (random bytes)", () => {
  let seed = 7;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed;
  };
  const alphabet = [
    0x41, 0x0a, 0x0d, 0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80, 0xff, 0xc0, 0xed, 0xa0, 0xf4, 0x90, 0xe0,
    0x80,
  ];
  for (let round = 0; round < 3000; round++) {
    const bytes = Buffer.from(Array.from({ length: rand() % 12 }, () => alphabet[rand() % alphabet.length]!));
    const text = bytes.toString("utf8");
    const offsets = utf16ByteOffsets(bytes);
    assert.equal(offsets.length, text.length + 1, bytes.toString("hex"));
    // Re-decoding each character's own bytes gives that character back.
    for (let i = 0; i < text.length; i++) {
      if (offsets[i] === -1) continue;
      const next = offsets[i + 1] === -1 ? offsets[i + 2]! : offsets[i + 1]!;
      const width = offsets[i + 1] === -1 ? 2 : 1;
      assert.equal(bytes.subarray(offsets[i]!, next).toString("utf8"), text.slice(i, i + width), bytes.toString("hex"));
    }
  }
});

test("edited bytes keep a latin-1 byte and CRLF endings outside the edits", () => {
  const bytes = Buffer.concat([Buffer.from("# caf"), Buffer.from([0xe9]), Buffer.from("\r\nimport a\r\n")]);
  const text = bytes.toString("utf8");
  const at = text.indexOf("a\r\n", 8);
  const out = editedBytes(bytes, [edit(at, at + 1, "b  # é")]);
  assert.deepEqual(
    out,
    Buffer.concat([Buffer.from("# caf"), Buffer.from([0xe9]), Buffer.from("\r\nimport b  # é\r\n")]),
  );
  assert.throws(() => editedBytes(Buffer.from("😀"), [edit(1, 1, "x")]), /splits a character/);
});

function applies(before: string, after: string): void {
  const dir = mkdtempSync(join(tmpdir(), "remedy-diff-"));
  try {
    mkdirSync(join(dir, "pkg"));
    writeFileSync(join(dir, "pkg/m.py"), before);
    const patch = unifiedDiff("pkg/m.py", before, after);
    writeFileSync(join(dir, "fix.patch"), patch);
    execFileSync("git", ["apply", "--check", "fix.patch"], { cwd: dir, stdio: "pipe" });
    execFileSync("patch", ["-p1", "--dry-run", "-s", "-i", "fix.patch"], { cwd: dir, stdio: "pipe" });
    execFileSync("git", ["apply", "fix.patch"], { cwd: dir, stdio: "pipe" });
    assert.equal(readFileSync(join(dir, "pkg/m.py"), "utf8"), after, patch);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test("the diff is standard: headers, hunks with 3 lines of context, and git apply / patch accept it", () => {
  const before = Array.from({ length: 30 }, (_, i) => `line ${i + 1}\n`).join("");
  const after = before
    .replace("line 5\n", "line five\n")
    .replace("line 25\n", "")
    .replace("line 30\n", "line 30\nline 31\n");
  const patch = unifiedDiff("pkg/m.py", before, after);
  assert.equal(
    patch
      .split("\n")
      .filter((l) => l.startsWith("@@") || l.startsWith("---") || l.startsWith("+++"))
      .join("|"),
    "--- a/pkg/m.py|+++ b/pkg/m.py|@@ -2,7 +2,7 @@|@@ -22,9 +22,9 @@",
  );
  applies(before, after);
  assert.equal(unifiedDiff("m.py", before, before), "");
});

test("git apply accepts diffs of CRLF files, files without a final newline, empty files and random edits", () => {
  applies("a\r\nb\r\nc\r\n", "a\r\nB\r\nc\r\n");
  applies("a\nb", "a\nb\nc");
  applies("a\nb\n", "a\nb");
  applies("", "x = 1\n");
  applies("x = 1\n", "");
  let seed = 11;
  const rand = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed;
  };
  for (let round = 0; round < 40; round++) {
    const lines = Array.from({ length: 5 + (rand() % 40) }, () => `v${rand() % 6}\n`);
    const before = lines.join("");
    const next = [...lines];
    for (let n = rand() % 6; n >= 0; n--) {
      const at = rand() % (next.length + 1);
      const what = rand() % 3;
      if (what === 0) next.splice(at, 1);
      else if (what === 1) next.splice(at, 0, `new${rand() % 4}\n`);
      else next.splice(at, 1, `chg${rand() % 4}\n`);
    }
    applies(before, next.join(""));
  }
});
