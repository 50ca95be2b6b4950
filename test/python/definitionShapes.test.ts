// definitionShapes against CPython's ast (test/python/definitionShapes.py) on real stdlib files, and a table of the
// cases the audit relies on.
import { strict as assert } from "node:assert";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { definitionShapes } from "../../src/python/index.ts";

const here = fileURLToPath(new URL(".", import.meta.url));
const stdlib = execFileSync("python3", ["-c", "import sysconfig; print(sysconfig.get_paths()['stdlib'])"], {
  encoding: "utf8",
}).trim();

const files = ["enum.py", "argparse.py", "dataclasses.py", "json/decoder.py", "http/client.py", "typing.py"];
const paths = files.map((f) => join(stdlib, f));
// One interpreter for all files: its start-up is most of the cost.
const reference = JSON.parse(
  execFileSync("python3", [join(here, "definitionShapes.py"), ...paths], { encoding: "utf8" }),
) as Record<string, Record<string, unknown>>;

for (const path of paths) {
  test(`definitionShapes agrees with ast on stdlib ${path.slice(stdlib.length + 1)}`, () => {
    const expected = reference[path]!;
    const source = readFileSync(path, "utf8");
    const got = Object.fromEntries(definitionShapes(source, new Set(Object.keys(expected))));
    assert.ok(Object.keys(expected).length > 5);
    assert.deepEqual(got, expected);
  });
}

test("definitionShapes reads enum members, signatures, factories and constants", () => {
  const source = [
    "import enum",
    "class Status(enum.Enum):",
    '    """Doc."""',
    '    ACTIVE = "active"',
    "    DONE: str = 'done'",
    "    def label(self) -> str:",
    "        return self.value",
    "@decorator",
    "async def fetch(a, /, b=lambda x, y: x, *args, c: int = 1, **kw) -> Optional[Client]:",
    "    if a:",
    "        return Client(a)",
    "    return make()",
    "TIMEOUT = 30  # seconds",
    "if x:",
    "    HIDDEN = 1",
    "class Empty: pass",
  ].join("\n");
  const shapes = definitionShapes(source, new Set(["Status", "fetch", "TIMEOUT", "HIDDEN", "Empty", "absent"]));
  assert.deepEqual(Object.fromEntries(shapes), {
    Status: { kind: "class", line: 2, bases: ["enum.Enum"], fields: ["ACTIVE", "DONE"], methods: ["label"] },
    fetch: {
      kind: "function",
      line: 9,
      params: ["a", "b", "*args", "c", "**kw"],
      returns: "Optional[Client]",
      constructs: ["Client", "make"],
    },
    TIMEOUT: { kind: "constant", line: 13, value: "30" },
    Empty: { kind: "class", line: 16, bases: [], fields: [], methods: [] },
  });
});
