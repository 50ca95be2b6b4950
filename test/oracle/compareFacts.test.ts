// The differential's comparison rule (docs/facts.md): full facts where CPython accepts, "some syntax error" where
// it rejects, equal status for binary/undecodable files; and the first differing JSON path is named exactly.
import assert from "node:assert/strict";
import { test } from "node:test";
import { compareFacts, firstDifference } from "../../bench/compareFacts.ts";
import type { FileFacts } from "../../src/python/facts.ts";
import { emptyFacts } from "../../src/python/index.ts";

const base = (): FileFacts => ({
  ...emptyFacts("a.py"),
  reads: [{ name: "x", line: 1, col: 0, stmt: 0, scope: "module", conditional: true, caught: ["ImportError"] }],
});

test("equal facts, key order and path aside", () => {
  const scanner = { ...base(), path: "/elsewhere/a.py" };
  scanner.reads = [
    { caught: ["ImportError"], conditional: true, scope: "module", stmt: 0, col: 0, line: 1, name: "x" },
  ];
  assert.equal(compareFacts(base(), scanner), null);
});

test("the first differing JSON path with both values", () => {
  const scanner = base();
  scanner.reads[0]!.col = 1;
  assert.deepEqual(compareFacts(base(), scanner), { file: "a.py", path: "reads[0].col", oracle: 0, scanner: 1 });
  scanner.reads = [];
  assert.equal(compareFacts(base(), scanner)?.path, "reads[0]");
  assert.deepEqual(firstDifference({ a: [1, { b: null }] }, { a: [1, { b: [] }] }), { path: "a[1].b", a: null, b: [] });
});

test("on accepted files the scanner must say ok with no syntax errors", () => {
  const scanner = { ...base(), status: "syntax-error" as const };
  assert.equal(compareFacts(base(), scanner)?.path, "status");
  const noisy = base();
  noisy.syntaxErrors = [{ line: 1, col: 0, message: "x", source: "scanner" }];
  assert.equal(compareFacts(base(), noisy)?.path, "syntaxErrors");
});

test("on rejected files only a reported syntax error counts; other statuses must match", () => {
  const oracle = { ...base(), status: "syntax-error" as const, reads: [] };
  oracle.syntaxErrors = [{ line: 1, col: 4, message: "invalid syntax", source: "cpython" }];
  const scanner = { ...base(), status: "syntax-error" as const };
  scanner.syntaxErrors = [{ line: 2, col: 0, message: "unexpected token", source: "scanner" }];
  assert.equal(compareFacts(oracle, scanner), null);
  assert.equal(compareFacts(oracle, base())?.path, "syntaxErrors");
  assert.equal(compareFacts({ ...base(), status: "binary" }, { ...base(), status: "binary" }), null);
  assert.equal(compareFacts({ ...base(), status: "decode-error" }, base())?.path, "status");
});
