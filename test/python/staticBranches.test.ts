// `if` tests on the interpreter: remedy's value for each test must be the one python3 computes itself, and
// settling a file's branches must drop exactly the statements that cannot run.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { test } from "node:test";
import {
  evaluateCondition,
  factsOfText,
  type InterpreterTraits,
  settleStaticBranches,
} from "../../src/python/index.ts";

const TESTS = [
  "sys.version_info >= (3, 8)",
  "sys.version_info >= (3, 11)",
  "sys.version_info < (3, 11)",
  "sys.version_info == (3, 11)",
  "sys.version_info > (3, 11)",
  "sys.version_info <= (3, 11, 99)",
  "sys.version_info != (3,)",
  "sys.version_info[:2] == (3, 11)",
  "sys.version_info[:2] >= (3, 12)",
  "sys.version_info[:1] > (2,)",
  "sys.version_info[:3] == (3, 11)",
  "sys.version_info[0] == 3",
  "sys.version_info[1] < 10",
  "sys.version_info.major >= 3",
  "sys.version_info.minor == 11",
  "sys.version_info.micro > 100",
  "sys.platform == 'linux'",
  "sys.platform != 'win32'",
  "sys.platform.startswith('win')",
  "sys.platform.startswith('lin')",
  "os.name == 'posix'",
  "os.name == 'nt'",
  "not sys.version_info >= (3, 8)",
  "sys.platform == 'darwin' or sys.version_info >= (3, 0)",
  "sys.platform == 'linux' and sys.version_info < (3, 0)",
  "(sys.version_info >= (3, 9)) and not (os.name == 'nt')",
];

function pythonValues(): { values: boolean[]; traits: InterpreterTraits } {
  const script = [
    "import json, os, sys",
    "tests = json.loads(sys.stdin.read())",
    "print(json.dumps({'values': [bool(eval(t)) for t in tests], 'version': list(sys.version_info[:3]),",
    "  'platform': sys.platform, 'osName': os.name}))",
  ].join("\n");
  const r = spawnSync("python3", ["-c", script], { input: JSON.stringify(TESTS), encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout);
  return { values: out.values, traits: { version: out.version, platform: out.platform, osName: out.osName } };
}

test("every evaluable test has the value python3 gives it", () => {
  const { values, traits } = pythonValues();
  const src = TESTS.map((t) => `if ${t}:\n    pass\n`).join("");
  const facts = factsOfText(`import os, sys\n${src}`, "t.py");
  assert.equal(facts.branches.length, TESTS.length);
  TESTS.forEach((t, i) => {
    assert.equal(evaluateCondition(facts.branches[i]!.test, traits), values[i], t);
  });
});

test("unknown parts: three-valued and/or/not, and no interpreter at all", () => {
  const linux: InterpreterTraits = { version: [3, 11, 7], platform: "linux", osName: "posix" };
  const f = factsOfText(
    "if sys.platform == 'win32' and FLAG:\n    pass\nif sys.platform == 'linux' or FLAG:\n    pass\nif FLAG or sys.version_info < (3,):\n    pass\n",
    "t.py",
  );
  assert.deepEqual(
    f.branches.map((b) => evaluateCondition(b.test, linux)),
    [false, true, null],
  );
  assert.deepEqual(
    f.branches.map((b) => evaluateCondition(b.test, null)),
    [null, null, null],
  );
});

test("settling drops statements of branches that cannot run and keeps the taken ones certain", () => {
  const src = [
    "import sys",
    "if sys.version_info >= (3, 8):",
    "    import a",
    "    if x:",
    "        import b",
    "elif sys.platform == 'win32':",
    "    import c",
    "else:",
    "    import d",
    "if FLAG and sys.platform == 'win32':",
    "    import e",
    "class K:",
    "    if sys.platform == 'win32':",
    "        y = 1",
    "",
  ].join("\n");
  const raw = factsOfText(src, "t.py");
  const imports = (f: typeof raw) => f.imports.map((i) => [i.names[0]!.name, i.conditional === true]);
  assert.deepEqual(imports(raw), [
    ["sys", false],
    ["a", false],
    ["b", true],
    ["c", false],
    ["d", false],
    ["e", false],
  ]);
  const linux = settleStaticBranches(raw, { version: [3, 11, 7], platform: "linux", osName: "posix" });
  assert.deepEqual(imports(linux), [
    ["sys", false],
    ["a", false],
    ["b", true],
  ]);
  // Only the branch whose test cannot be known is left, for the model to track what it binds.
  assert.deepEqual(
    linux.branches.map((b) => [b.line, b.test.kind]),
    [[4, "name"]],
  );
  assert.equal(settleStaticBranches(linux, null), linux);
  assert.ok(!linux.bindings.some((b) => b.name === "y"));
  const unknown = settleStaticBranches(raw, null);
  assert.deepEqual(imports(unknown), [
    ["sys", false],
    ["a", true],
    ["b", true],
    ["c", true],
    ["d", true],
    ["e", true],
  ]);
});
