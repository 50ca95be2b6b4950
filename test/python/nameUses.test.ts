// nameUses against CPython's ast on one module with every place a name can be read: annotations (parameters,
// return, annotated assignments at module, class and function level), defaults and decorators (run at def time),
// bodies of functions, methods and nested defs, one-line bodies, keyword arguments and attributes (not uses).
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { test } from "node:test";
import { nameUses } from "../../src/python/index.ts";

const SOURCE = `"""Doc mentions X."""
from m import X, Y
import z

LIMIT: X = 3
V = Y(x=1, X=2).X


@Y
def f(a: X, b: "X" = Y, *args: X, c=X) -> X:
    return X(a)


class C(Y):
    field: X
    other = X

    def method(self, v: X) -> None:
        def inner():
            return Y
        local: X = z
        return inner


def g(): return Y.attr


async def h(p=lambda q: X):
    async with X() as x:
        pass
`;

const ORACLE = String.raw`
import ast, json, sys
src = sys.stdin.read()
tree = ast.parse(src)
names = {"X", "Y"}
out = []
def visit(node, ann, func):
    if isinstance(node, ast.Name) and node.id in names:
        out.append([node.id, node.lineno, node.col_offset, ann, func])
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
        for d in node.decorator_list: visit(d, ann, func)
        a = node.args
        for arg in a.posonlyargs + a.args + a.kwonlyargs + [x for x in (a.vararg, a.kwarg) if x]:
            if arg.annotation: visit(arg.annotation, True, func)
        for d in a.defaults + [d for d in a.kw_defaults if d]: visit(d, ann, func)
        if node.returns: visit(node.returns, True, func)
        for s in node.body: visit(s, ann, func or node.lineno)
        return
    if isinstance(node, ast.AnnAssign):
        visit(node.annotation, True, func)
        visit(node.target, ann, func)
        if node.value: visit(node.value, ann, func)
        return
    for child in ast.iter_child_nodes(node): visit(child, ann, func)
visit(tree, False, None)
print(json.dumps(sorted(out)))
`;

test("nameUses agrees with CPython's ast", () => {
  const expected = JSON.parse(execFileSync("python3", ["-c", ORACLE], { input: SOURCE, encoding: "utf8" }));
  const lines = SOURCE.split("\n");
  const lineStart = (n: number) => lines.slice(0, n - 1).reduce((a, l) => a + l.length + 1, 0);
  const got = nameUses(SOURCE, new Set(["X", "Y"]))
    .filter((u) => u.line !== 2)
    .map((u) => [u.name, u.line, u.offset - lineStart(u.line), u.annotation, u.func])
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  expected.sort((a: unknown, b: unknown) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  assert.deepEqual(got, expected);
});
