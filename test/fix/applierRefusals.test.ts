// Each safety refusal of `remedy fix --write`, on real temp directories: outside the root, a symlink leading out,
// changed since the scan, uncommitted in git, overlapping edits; and what is written is written atomically.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import {
  chmodSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { applyFixes, type FixOutcome } from "../../src/fix/index.ts";
import { fixOf, gitCommitAll, replaceFix, sha, tempRepo } from "./applierHelpers.ts";

const reasons = (out: FixOutcome) => out.refusals.map((r) => `${r.fix} ${r.reason}`);

test("a file outside the root (through ../) is refused and left as it is", () => {
  const { root, outside } = tempRepo({ "pkg/m.py": "import a\n" });
  writeFileSync(join(outside, "evil.py"), "import a\n");
  const fix = replaceFix("out", join(root, "../evil.py"), "a", "b");
  const out = applyFixes(root, [fix, replaceFix("in", join(root, "pkg/m.py"), "a", "b")], { write: true });
  assert.deepEqual(reasons(out), ["out outside-root"]);
  assert.deepEqual(out.written, ["pkg/m.py"]);
  assert.equal(readFileSync(join(outside, "evil.py"), "utf8"), "import a\n");
  assert.equal(readFileSync(join(root, "pkg/m.py"), "utf8"), "import b\n");
});

test("a symlink leading outside the root is refused, a file or a directory; one inside is followed", () => {
  const { root, outside } = tempRepo({ "pkg/m.py": "x = 1\n" });
  mkdirSync(join(outside, "elsewhere"));
  writeFileSync(join(outside, "elsewhere/t.py"), "x = 1\n");
  symlinkSync(join(outside, "elsewhere/t.py"), join(root, "link.py"));
  symlinkSync(join(outside, "elsewhere"), join(root, "vendor"));
  symlinkSync(join(root, "pkg/m.py"), join(root, "inner.py"));
  const out = applyFixes(
    root,
    [
      replaceFix("file", join(root, "link.py"), "1", "2"),
      replaceFix("dir", join(root, "vendor/t.py"), "1", "2"),
      replaceFix("inner", join(root, "inner.py"), "1", "3"),
    ],
    { write: true },
  );
  assert.deepEqual(reasons(out), ["file symlink-outside", "dir symlink-outside"]);
  assert.equal(readFileSync(join(outside, "elsewhere/t.py"), "utf8"), "x = 1\n");
  assert.deepEqual(out.written, ["pkg/m.py"], "the symlink inside the root is written through to its target");
  assert.equal(readFileSync(join(root, "pkg/m.py"), "utf8"), "x = 3\n");
  assert.ok(lstatSync(join(root, "inner.py")).isSymbolicLink(), "the symlink itself stays a symlink");
});

test("a file that changed since the scan (content hash) is refused; the other fixes go ahead", () => {
  const { root } = tempRepo({ "a.py": "import a\n", "b.py": "import a\n" });
  const stale = replaceFix("stale", join(root, "a.py"), "a", "b");
  writeFileSync(join(root, "a.py"), "import a  # edited after the scan\n");
  const out = applyFixes(root, [stale, replaceFix("fresh", join(root, "b.py"), "a", "b")], { write: true });
  assert.deepEqual(reasons(out), ["stale changed-since-scan"]);
  assert.match(out.refusals[0]!.message, /changed since the scan/);
  assert.equal(readFileSync(join(root, "a.py"), "utf8"), "import a  # edited after the scan\n");
  assert.deepEqual(out.written, ["b.py"]);
  // A fix that carries no hash for a file it edits is refused the same way.
  const noHash = fixOf("nohash", replaceFix("x", join(root, "b.py"), "b", "c").edits, {});
  assert.deepEqual(reasons(applyFixes(root, [noHash], { write: true })), ["nohash changed-since-scan"]);
});

test("a file git reports as uncommitted (modified or untracked) is refused unless allowDirty", () => {
  const { root } = tempRepo({ "pkg/m.py": "import a\n", "pkg/clean.py": "import a\n" });
  gitCommitAll(root);
  writeFileSync(join(root, "pkg/m.py"), "import a\nimport c\n");
  writeFileSync(join(root, "pkg/new file.py"), "import a\n");
  const fixes = () => [
    replaceFix("dirty", join(root, "pkg/m.py"), "a", "b"),
    replaceFix("untracked", join(root, "pkg/new file.py"), "a", "b"),
    replaceFix("clean", join(root, "pkg/clean.py"), "a", "b"),
  ];
  const refused = applyFixes(root, fixes(), { write: true });
  assert.deepEqual(reasons(refused), ["dirty uncommitted-changes", "untracked uncommitted-changes"]);
  assert.deepEqual(refused.written, ["pkg/clean.py"]);
  assert.deepEqual(refused.notes, []);
  execFileSync("git", ["checkout", "pkg/clean.py"], { cwd: root });
  const allowed = applyFixes(root, fixes(), { write: true, allowDirty: true });
  assert.deepEqual(allowed.refusals, []);
  assert.deepEqual(allowed.written, ["pkg/clean.py", "pkg/m.py", "pkg/new file.py"]);
  assert.equal(readFileSync(join(root, "pkg/m.py"), "utf8"), "import b\nimport c\n");
});

test("outside a git work tree the uncommitted check is skipped and the outcome says so", () => {
  const { root } = tempRepo({ "m.py": "import a\n" });
  const out = applyFixes(root, [replaceFix("f", join(root, "m.py"), "a", "b")]);
  assert.equal(out.notes.length, 1);
  assert.match(out.notes[0]!, /not inside a git work tree/);
});

test("overlapping edits are refused: within one fix, and a fix overlapping one already accepted", () => {
  const { root } = tempRepo({ "m.py": "import alpha\n" });
  const file = join(root, "m.py");
  const hash = sha(readFileSync(file));
  const first = fixOf("first", [{ file, start: 7, end: 12, text: "beta" }], { [file]: hash });
  const second = fixOf("second", [{ file, start: 9, end: 10, text: "P" }], { [file]: hash });
  const self = fixOf(
    "self",
    [
      { file, start: 0, end: 3, text: "" },
      { file, start: 2, end: 5, text: "" },
    ],
    { [file]: hash },
  );
  const beside = fixOf("beside", [{ file, start: 0, end: 6, text: "from x import" }], { [file]: hash });
  const out = applyFixes(root, [first, second, self, beside], { write: true });
  assert.deepEqual(reasons(out), ["second overlap", "self overlap"]);
  assert.match(out.refusals[0]!.message, /overlap those of first/);
  assert.deepEqual(out.applied, ["first", "beside"]);
  assert.equal(readFileSync(file, "utf8"), "from x import beta\n");
});

test("remedy's cache and git's directory are never edited", () => {
  const { root } = tempRepo({ ".remedy/x.json": "{}", "m.py": "" });
  const out = applyFixes(root, [replaceFix("cache", join(root, ".remedy/x.json"), "{}", "[]")], { write: true });
  assert.deepEqual(reasons(out), ["cache protected"]);
});

test("the dry run writes nothing (not even the journal) and returns a diff that git apply accepts", () => {
  const { root } = tempRepo({ "pkg/m.py": "import a\nx = 1\n" });
  gitCommitAll(root);
  const out = applyFixes(root, [replaceFix("f", join(root, "pkg/m.py"), "a", "b")]);
  assert.deepEqual(out.written, []);
  assert.equal(out.journal, null);
  assert.equal(existsSync(join(root, ".remedy")), false);
  assert.equal(out.diff, "--- a/pkg/m.py\n+++ b/pkg/m.py\n@@ -1,2 +1,2 @@\n-import a\n+import b\n x = 1\n");
  execFileSync("git", ["apply", "--check", "-"], { cwd: root, input: out.diff });
});

test("an atomic write keeps the file's mode and leaves no temp file behind", () => {
  const { root } = tempRepo({ "run.py": "import a\n", "secret.py": "import a\n" });
  chmodSync(join(root, "run.py"), 0o755);
  chmodSync(join(root, "secret.py"), 0o600);
  const out = applyFixes(
    root,
    [replaceFix("r", join(root, "run.py"), "a", "b"), replaceFix("s", join(root, "secret.py"), "a", "b")],
    { write: true },
  );
  assert.deepEqual(out.written, ["run.py", "secret.py"]);
  assert.equal(statSync(join(root, "run.py")).mode & 0o7777, 0o755);
  assert.equal(statSync(join(root, "secret.py")).mode & 0o7777, 0o600);
  assert.deepEqual(readdirSync(root).sort(), [".remedy", "run.py", "secret.py"]);
  assert.equal(readFileSync(join(root, "run.py"), "utf8"), "import b\n");
});
