// remedy's ports of Python behaviour pytest relies on — iniconfig, shlex.split, fnmatch/fnmatch_ex — checked
// against the real modules: one python3 run evaluates every case and the answers must be identical.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { test } from "node:test";
import { ConfigError } from "../../src/discover/errors.ts";
import { fnmatch, fnmatchEx } from "../../src/discover/fnmatch.ts";
import { parseIni } from "../../src/discover/iniconfig.ts";
import { shlexSplit } from "../../src/discover/shlex.ts";

const INI = [
  "[pytest]\nmarkers =\n    slow: slow ones\n    db(name): database\naddopts = -ra\n",
  "[pytest]\n# comment\n; other comment\nkey: value with = sign\nk2 = a # not a comment\n",
  "[pytest]\nmarkers =\n\n    a: x\n\n    b: y\n",
  "[a]\nx=1\n[b]\ny = 2\n  continued\n\tmore\n",
  "[pytest]\r\nkey = crlf\r\n  cont\r\n",
  "x = 1\n",
  "[pytest]\n  leading continuation\n",
  "[pytest]\nk = 1\nk = 2\n",
  "[pytest]\n[pytest]\n",
  "[pytest]\nno separator here\n",
  "[]\n",
  "[sec] ; trailing comment\nname=value\n",
  "[pytest\nk = v\n",
];

const SHLEX = [
  "-ra --strict-markers",
  "-m 'not slow' -p no:warnings",
  '"a b" c\\ d \'e"f\'',
  '--x="quoted \\" inside"',
  "tests/unit   tests/int\n  -x",
  "'unterminated",
  'a\\\\b "c\\d"',
  "",
];

const FNMATCH: [string, string][] = [
  ["test_a.py", "test_*.py"],
  ["tests/test_a.py", "test_*.py"],
  ["a_test.py", "*_test.py"],
  ["x.egg", "*.egg"],
  [".hidden", ".*"],
  ["{arch}", "{arch}"],
  ["abc", "a[bc]c"],
  ["abc", "a[!b]c"],
  ["a]c", "a[]]c"],
  ["a-c", "a[a-z-]c"],
  ["a/b/c.py", "a/*.py"],
  ["Test.py", "test*.py"],
  ["a.b", "a?b"],
  ["[x", "[x"],
];

const FNMATCH_EX: [string, string][] = [
  ["checks/*.py", "/repo/checks/anything.py"],
  ["checks/*.py", "/repo/other/anything.py"],
  ["test_*.py", "/repo/checks/test_a.py"],
  ["tests/**/doc/test*.py", "/r/tests/foo/bar/doc/test_foo.py"],
  ["/abs/*/x.py", "/abs/d/x.py"],
];

const PY = `
import json, sys, shlex, fnmatch
from iniconfig import IniConfig, ParseError
from _pytest.pathlib import fnmatch_ex
data = json.load(sys.stdin)
out = {"ini": [], "shlex": [], "fnmatch": [], "fnmatch_ex": []}
for text in data["ini"]:
    try:
        ini = IniConfig("f.ini", data=text)
        out["ini"].append({"ok": {s: dict(ini[s].items()) for s in ini.sections}})
    except ParseError as e:
        out["ini"].append({"error": [e.lineno + 1, e.msg]})
for s in data["shlex"]:
    try:
        out["shlex"].append({"ok": shlex.split(s)})
    except ValueError as e:
        out["shlex"].append({"error": str(e)})
out["fnmatch"] = [fnmatch.fnmatch(n, p) for n, p in data["fnmatch"]]
out["fnmatch_ex"] = [fnmatch_ex(p, n) for p, n in data["fnmatch_ex"]]
print(json.dumps(out))
`;

const python = JSON.parse(
  execFileSync("python3", ["-c", PY], {
    input: JSON.stringify({ ini: INI, shlex: SHLEX, fnmatch: FNMATCH, fnmatch_ex: FNMATCH_EX }),
    encoding: "utf8",
  }),
);

test("parseIni reads what iniconfig reads, and fails where it fails (same line, same message)", () => {
  INI.forEach((text, i) => {
    let ours: unknown;
    try {
      const ini = parseIni(text, "f.ini");
      ours = { ok: Object.fromEntries([...ini].map(([name, s]) => [name, Object.fromEntries(s.values)])) };
    } catch (error) {
      assert.ok(error instanceof ConfigError, `case ${i}: ${error}`);
      ours = { error: [error.line, error.message.replace(/^f\.ini:\d+: /, "")] };
    }
    assert.deepEqual(ours, python.ini[i], `case ${i}: ${JSON.stringify(text)}`);
  });
});

test("shlexSplit splits as shlex.split does", () => {
  SHLEX.forEach((s, i) => {
    let ours: unknown;
    try {
      ours = { ok: shlexSplit(s) };
    } catch (error) {
      ours = { error: (error as Error).message };
    }
    assert.deepEqual(ours, python.shlex[i], `case ${i}: ${JSON.stringify(s)}`);
  });
});

test("fnmatch and fnmatchEx match as Python's fnmatch and pytest's fnmatch_ex", () => {
  assert.deepEqual(
    FNMATCH.map(([n, p]) => fnmatch(n, p)),
    python.fnmatch,
  );
  assert.deepEqual(
    FNMATCH_EX.map(([p, n]) => fnmatchEx(p, n)),
    python.fnmatch_ex,
  );
});
