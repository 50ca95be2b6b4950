// pytest's -m grammar: what remedy reads, and what it leaves as unknown (null).
import assert from "node:assert/strict";
import { test } from "node:test";
import { parseMarkExpression, selectsMarks } from "../../src/analyze/markExpression.ts";

const selects = (expr: string, marks: string[]) => {
  const e = parseMarkExpression(expr);
  assert.ok(e, `${expr} parses`);
  return selectsMarks(e, new Set(marks));
};

test("not / and / or / parentheses with pytest's precedence", () => {
  assert.equal(selects("not slow", ["slow"]), false);
  assert.equal(selects("not slow", ["fast"]), true);
  assert.equal(selects("a or b and c", ["a"]), true);
  assert.equal(selects("a or b and c", ["b"]), false);
  assert.equal(selects("(a or b) and c", ["b", "c"]), true);
  assert.equal(selects("not (integration or gpu)", ["gpu"]), false);
  assert.equal(selects("not not slow", ["slow"]), true);
  assert.equal(selects("", []), true);
});

test("keyword matching and malformed expressions are not read", () => {
  assert.equal(parseMarkExpression("slow(reason='x')"), null);
  assert.equal(parseMarkExpression("slow and"), null);
  assert.equal(parseMarkExpression("(slow"), null);
  assert.equal(parseMarkExpression("slow fast"), null);
});
