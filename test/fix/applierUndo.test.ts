// The undo journal: written before any file, usable after a crash between it and the writes, and undoLast()
// restoring exactly the previous bytes (CRLF and a non-UTF-8 byte included), refusing when a file changed since.
import assert from "node:assert/strict";
import { chmodSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { applyFixes, UndoError, undoLast } from "../../src/fix/index.ts";
import { replaceFix, sha, tempRepo } from "./applierHelpers.ts";

const CRLF_LATIN1 = Buffer.concat([
  Buffer.from("# -*- coding: latin-1 -*-\r\n# caf"),
  Buffer.from([0xe9]),
  Buffer.from("\r\nfrom shared import Status\r\n"),
]);

function manifestOf(
  root: string,
  entry: string,
): { status: string; files: { rel: string; before: string; after: string }[] } {
  return JSON.parse(readFileSync(join(root, ".remedy/fix-journal", entry, "manifest.json"), "utf8"));
}

test("undoLast restores the exact previous bytes (CRLF, a non-UTF-8 byte, the mode) and marks the entry undone", () => {
  const { root } = tempRepo({ "pkg/legacy.py": CRLF_LATIN1, "pkg/m.py": "import a\n" });
  chmodSync(join(root, "pkg/m.py"), 0o751);
  const before = { legacy: sha(CRLF_LATIN1), m: sha(readFileSync(join(root, "pkg/m.py"))) };
  const out = applyFixes(
    root,
    [
      replaceFix("legacy", join(root, "pkg/legacy.py"), "from shared import Status", "from shared.enums import Status"),
      replaceFix("m", join(root, "pkg/m.py"), "a", "b"),
    ],
    { write: true },
  );
  assert.deepEqual(out.written, ["pkg/legacy.py", "pkg/m.py"]);
  const written = readFileSync(join(root, "pkg/legacy.py"));
  assert.equal(written.indexOf(Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0d, 0x0a])), 29, "the latin-1 byte is kept");
  assert.ok(written.toString("latin1").endsWith("from shared.enums import Status\r\n"));
  const entry = readdirSync(join(root, ".remedy/fix-journal"))[0]!;
  assert.equal(manifestOf(root, entry).status, "written");

  const undo = undoLast(root);
  assert.equal(undo.undone, true);
  assert.equal(undo.entry, entry);
  assert.deepEqual(undo.restored, ["pkg/legacy.py", "pkg/m.py"]);
  assert.equal(sha(readFileSync(join(root, "pkg/legacy.py"))), before.legacy);
  assert.equal(sha(readFileSync(join(root, "pkg/m.py"))), before.m);
  assert.equal(statSync(join(root, "pkg/m.py")).mode & 0o7777, 0o751);
  assert.equal(manifestOf(root, entry).status, "undone");
  assert.throws(
    () => undoLast(root),
    (e: unknown) => e instanceof UndoError && /nothing to undo/.test(e.message),
  );
});

test("successive undos walk back through successive fixes", () => {
  const { root } = tempRepo({ "m.py": "v = 1\n" });
  const file = join(root, "m.py");
  applyFixes(root, [replaceFix("one", file, "1", "2")], { write: true });
  applyFixes(root, [replaceFix("two", file, "2", "3")], { write: true });
  assert.equal(readFileSync(file, "utf8"), "v = 3\n");
  assert.deepEqual(undoLast(root).fixes, ["two"]);
  assert.equal(readFileSync(file, "utf8"), "v = 2\n");
  assert.deepEqual(undoLast(root).fixes, ["one"]);
  assert.equal(readFileSync(file, "utf8"), "v = 1\n");
});

test("undo refuses (restoring nothing) when a file changed after the fix wrote it, unless forced", () => {
  const { root } = tempRepo({ "a.py": "import a\n", "b.py": "import a\n" });
  applyFixes(root, [replaceFix("a", join(root, "a.py"), "a", "b"), replaceFix("b", join(root, "b.py"), "a", "b")], {
    write: true,
  });
  writeFileSync(join(root, "b.py"), "import b\n# the user's own work\n");
  const refused = undoLast(root);
  assert.equal(refused.undone, false);
  assert.deepEqual(
    refused.refusals.map((r) => r.file),
    ["b.py"],
  );
  assert.match(refused.refusals[0]!.message, /changed since remedy fix wrote it/);
  assert.equal(readFileSync(join(root, "a.py"), "utf8"), "import b\n", "nothing restored, not even the unchanged file");
  const forced = undoLast(root, { force: true });
  assert.equal(forced.undone, true);
  assert.equal(readFileSync(join(root, "a.py"), "utf8"), "import a\n");
  assert.equal(readFileSync(join(root, "b.py"), "utf8"), "import a\n");
});

test("a crash between the journal and the writes leaves files intact and the journal usable", () => {
  const { root } = tempRepo({ "a.py": "import a\n", "b.py": "import a\n" });
  const fixes = [replaceFix("a", join(root, "a.py"), "a", "b"), replaceFix("b", join(root, "b.py"), "a", "b")];
  let journal = "";
  assert.throws(
    () =>
      applyFixes(root, fixes, {
        write: true,
        afterJournal: (entry) => {
          journal = entry;
          // The crash happens after the first file is written: the journal must cover both states.
          writeFileSync(join(root, "a.py"), "import b\n");
          throw new Error("simulated crash");
        },
      }),
    /simulated crash/,
  );
  assert.equal(readFileSync(join(root, "b.py"), "utf8"), "import a\n");
  const manifest = JSON.parse(readFileSync(join(journal, "manifest.json"), "utf8"));
  assert.equal(manifest.status, "writing");
  assert.deepEqual(
    manifest.files.map((f: { rel: string; before: string }) => [f.rel, f.before]),
    [
      ["a.py", sha(Buffer.from("import a\n"))],
      ["b.py", sha(Buffer.from("import a\n"))],
    ],
  );
  const undo = undoLast(root);
  assert.equal(undo.undone, true);
  assert.deepEqual(undo.restored, ["a.py"]);
  assert.deepEqual(undo.unchanged, ["b.py"]);
  assert.equal(readFileSync(join(root, "a.py"), "utf8"), "import a\n");
});

test("a damaged saved copy stops the undo instead of restoring wrong bytes", () => {
  const { root } = tempRepo({ "a.py": "import a\n" });
  const out = applyFixes(root, [replaceFix("a", join(root, "a.py"), "a", "b")], { write: true });
  writeFileSync(join(out.journal!, "files/0.before"), "import zzz\n");
  assert.throws(
    () => undoLast(root),
    (e: unknown) => e instanceof UndoError && /damaged/.test(e.message),
  );
  assert.equal(readFileSync(join(root, "a.py"), "utf8"), "import b\n");
});

test("a .remedy that is a symlink leading outside stops the write before anything is written", () => {
  const { root, outside } = tempRepo({ "a.py": "import a\n" });
  mkdirSync(join(outside, "cache"));
  symlinkSync(join(outside, "cache"), join(root, ".remedy"));
  assert.throws(
    () => applyFixes(root, [replaceFix("a", join(root, "a.py"), "a", "b")], { write: true }),
    (e: unknown) => e instanceof UndoError && /leads outside the repository root/.test(e.message),
  );
  assert.equal(readFileSync(join(root, "a.py"), "utf8"), "import a\n");
  assert.deepEqual(readdirSync(join(outside, "cache")), []);
});
