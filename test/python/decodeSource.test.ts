// Decoding source bytes as CPython does (BOM, PEP 263 on line 1 or 2, strict UTF-8, NUL bytes): each case is
// checked against python3's own decision (tokenize.detect_encoding + bytes.decode) run on the same bytes.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { test } from "node:test";
import { decodeSource } from "../../src/python/decodeSource.ts";

const latin1 = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
const utf8 = (s: string) => new TextEncoder().encode(s);

const cases: [string, Uint8Array][] = [
  ["plain utf-8", utf8('x = "\u00e9"\n')],
  ["BOM", Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8("x = 1\n")])],
  ["BOM with a latin-1 declaration", Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8("# coding: latin-1\nx = 1\n")])],
  ["latin-1 declared", latin1('# -*- coding: latin-1 -*-\nx = "\u00e9"\n')],
  ["ISO_8859_1 spelling", latin1('# coding: ISO_8859_1\nx = "\u00e9\u0080"\n')],
  ["declaration on line 2 after a comment", latin1('#!/usr/bin/env python\n# coding: latin-1\nx = "\u00e9"\n')],
  ["declaration on line 2 after code is ignored", latin1('x = 1\n# coding: latin-1\ny = "\u00e9"\n')],
  ["utf8 alias kept as written", utf8('# coding: utf8\nx = "\u00e9"\n')],
  ["ascii with a non-ascii byte", latin1('# coding: ascii\nx = "\u00e9"\n')],
  ["unknown encoding", utf8("# coding: foobar\nx = 1\n")],
  ["invalid utf-8", latin1('x = "\u00ff\u00fe"\n')],
  ["cp1252", latin1('# -*- coding: cp1252 -*-\nx = "\u0080"\n')],
  ["mac-roman", latin1('# coding: mac-roman\nx = "\u008e"\n')],
  ["NUL bytes", Uint8Array.from([0x78, 0x00, 0x0a])],
];

/** python3's verdict per case: [status, encoding, text] with status "ok" | "decode-error" | "binary". */
function python(cases: Uint8Array[]): [string, string, string | null][] {
  const script = `
import io, json, sys, tokenize
out = []
for data in (bytes(b) for b in json.load(sys.stdin)):
    if b"\\0" in data:
        out.append(["binary", "utf-8", None]); continue
    try:
        enc, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
    except SyntaxError:
        out.append(["decode-error", "utf-8", None]); continue
    try:
        text = data.decode(enc)
        out.append(["ok", enc, text.replace("\\r\\n", "\\n")])
    except (UnicodeDecodeError, LookupError):
        out.append(["decode-error", enc, None])
print(json.dumps(out))
`;
  const r = spawnSync("python3", ["-c", script], { input: JSON.stringify(cases.map((c) => [...c])), encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout);
}

test("decodeSource agrees with CPython on encodings, BOMs, declarations and bad bytes", () => {
  const verdicts = python(cases.map(([, b]) => b));
  cases.forEach(([name, bytes], k) => {
    const [status, encoding, text] = verdicts[k]!;
    const d = decodeSource(bytes);
    assert.equal(d.status, status, name);
    if (status === "ok") {
      assert.equal(d.encoding, encoding, name);
      assert.equal(d.text, text, name);
    }
  });
});
