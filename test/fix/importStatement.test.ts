// The `from` import scanner and the item mover on written layouts: one line, parentheses over several lines with
// comments, aliases, continuation lines, a statement in an indented block; the results parse (CPython's ast).
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { test } from "node:test";
import { fromImportAt } from "../../src/fix/importStatement.ts";
import { editedTexts } from "../../src/fix/index.ts";
import { moveImportItems } from "../../src/fix/moveImportItems.ts";

function move(src: string, line: number, col: number, names: string[], to: string): string {
  const stmt = fromImportAt(src, line, col);
  assert.ok(stmt, "statement found");
  const edits = moveImportItems(
    stmt,
    stmt.items.filter((i) => names.includes(i.name)),
    to,
  );
  assert.ok(typeof edits !== "string", String(edits));
  return editedTexts(
    edits.map((e) => ({ file: "f", ...e })),
    () => src,
  ).get("f")!;
}

const CASES: [string, string, number, number, string[], string][] = [
  ["all move", "from old import A\nx = 1\n", 1, 0, ["A"], "from new import A\nx = 1\n"],
  ["alias kept", "from .old import A as X, B\n", 1, 0, ["A"], "from .old import B\nfrom new import A as X\n"],
  ["last item", "from old import B, A  # c\n", 1, 0, ["A"], "from old import B  # c\nfrom new import A\n"],
  [
    "parenthesized, own lines, comment follows",
    "from old import (\n    A,  # the a\n    B,\n)\ny = 2\n",
    1,
    0,
    ["A"],
    "from old import (\n    B,\n)\nfrom new import A  # the a\ny = 2\n",
  ],
  [
    "parenthesized, two of three",
    "from old import (\n    A,\n    B,\n    C\n)\n",
    1,
    0,
    ["A", "C"],
    "from old import (\n    B,\n)\nfrom new import A, C\n",
  ],
  ["middle of three", "from old import C, A, B\n", 1, 0, ["A", "B"], "from old import C\nfrom new import A, B\n"],
  ["continuation", "from old import A, \\\n    B\n", 1, 0, ["A"], "from old import B\nfrom new import A\n"],
  [
    "indented, no final newline",
    "try:\n    from old import A, B\nexcept ImportError:\n    pass",
    2,
    4,
    ["B"],
    "try:\n    from old import A\n    from new import B\nexcept ImportError:\n    pass",
  ],
  ["crlf", "from old import A, B\r\nx = 1\r\n", 1, 0, ["A"], "from old import B\r\nfrom new import A\r\nx = 1\r\n"],
];

for (const [label, src, line, col, names, expected] of CASES) {
  test(`move items: ${label}`, () => {
    const out = move(src, line, col, names, "new");
    assert.equal(out, expected);
    execFileSync("python3", ["-c", "import ast, sys; ast.parse(sys.stdin.read())"], { input: out });
  });
}

test("not a from import", () => {
  assert.equal(fromImportAt("import a\n", 1, 0), null);
  assert.equal(fromImportAt("x = 1\n", 1, 0), null);
});

test("a statement followed by another on its line is not split", () => {
  const stmt = fromImportAt("from old import A, B; x = 1\n", 1, 0)!;
  assert.equal(typeof moveImportItems(stmt, [stmt.items[0]!], "new"), "string");
});
