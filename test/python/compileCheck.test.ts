// confirmSyntax runs the real python3 over real files: CPython's messages and positions, and typed failures.
import assert from "node:assert/strict";
import { chmodSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { CompileCheckError, confirmSyntax } from "../../src/python/compileCheck.ts";

const dir = mkdtempSync(join(tmpdir(), "remedy-compilecheck-"));
const file = (name: string, content: string | Buffer): string => {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
};

test("CPython's verdict per file, columns in code points", async () => {
  const files = {
    ok: file("ok.py", "import os\nx = 1\n"),
    doubleEquals: file("double_equals.py", "x = = 1\n"),
    yieldOutside: file("yield_outside.py", "é = 1; yield 5\n"),
    returnOutside: file("return_outside.py", "def f():\n    pass\nreturn 3\n"),
    badCoding: file("bad_coding.py", "# -*- coding: no-such-codec -*-\nx = 1\n"),
    nul: file("nul.py", Buffer.from("x = 1\nab\0c\n")),
    badUtf8: file("bad_utf8.py", Buffer.from([0x78, 0x3d, 0x27, 0xff, 0x27, 0x0a])),
  };
  const missing = join(dir, "missing.py");
  const verdicts = await confirmSyntax([...Object.values(files), missing], "python3");
  assert.equal(verdicts.get(files.ok), null);
  assert.deepEqual(verdicts.get(files.doubleEquals), { line: 1, col: 4, message: "invalid syntax", source: "cpython" });
  // A compiler error: CPython counts its column in UTF-8 bytes (8); `yield` is the 8th code point (col 7).
  assert.deepEqual(verdicts.get(files.yieldOutside), {
    line: 1,
    col: 7,
    message: "'yield' outside function",
    source: "cpython",
  });
  assert.deepEqual(verdicts.get(files.returnOutside), {
    line: 3,
    col: 0,
    message: "'return' outside function",
    source: "cpython",
  });
  assert.deepEqual(verdicts.get(files.badCoding), {
    line: 1,
    col: 0,
    message: "unknown encoding: no-such-codec",
    source: "cpython",
  });
  assert.deepEqual(verdicts.get(files.nul), {
    line: 2,
    col: 2,
    message: "source code string cannot contain null bytes",
    source: "cpython",
  });
  const bad = verdicts.get(files.badUtf8);
  assert.ok(bad?.message.startsWith("(unicode error) 'utf-8' codec can't decode byte 0xff"), String(bad?.message));
  assert.equal(verdicts.has(missing), false, "unreadable files are left to the scanner");
});

test("no files: no process, empty map", async () => {
  assert.equal((await confirmSyntax([], "/no/such/python")).size, 0);
});

test("a missing interpreter is a typed error", async () => {
  await assert.rejects(confirmSyntax([file("a.py", "x = 1\n")], join(dir, "no-python")), (e: unknown) => {
    assert.ok(e instanceof CompileCheckError);
    assert.equal(e.reason, "missing");
    assert.match(e.message, /no python interpreter at/);
    return true;
  });
});

test("an interpreter that crashes or hangs is a typed error", async () => {
  const crash = file("crash.sh", "#!/bin/sh\necho boom >&2\nexit 3\n");
  const hang = file("hang.sh", "#!/bin/sh\nexec sleep 5\n");
  chmodSync(crash, 0o755);
  chmodSync(hang, 0o755);
  const py = file("b.py", "x = 1\n");
  await assert.rejects(confirmSyntax([py], crash), (e: unknown) => {
    assert.ok(e instanceof CompileCheckError && e.reason === "crashed");
    assert.match(e.message, /exit 3\): boom/);
    return true;
  });
  await assert.rejects(confirmSyntax([py], hang, { timeoutMs: 300 }), (e: unknown) => {
    assert.ok(e instanceof CompileCheckError && e.reason === "timeout");
    return true;
  });
});
