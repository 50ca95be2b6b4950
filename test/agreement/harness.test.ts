// The agreement bench's own parts: how it scores a comparison, how it moves a package under another name, and
// how it tells runtime failures from the ones a static scan is expected to predict.
import assert from "node:assert/strict";
import { test } from "node:test";
import { rewriteSelfImports } from "../../bench/agreement/realPackages.ts";
import { type FileComparison, score } from "../../bench/agreement/score.ts";
import { runtimeCause } from "../../bench/agreement/verdicts.ts";

const row = (outcome: FileComparison["outcome"], pytest: string | null, remedy: string | null): FileComparison => ({
  group: "g",
  run: "r",
  mutation: null,
  file: "f",
  outcome,
  pytest: pytest ? { type: "ImportError", message: pytest } : null,
  remedy: remedy ? { type: "ImportError", message: remedy } : null,
});

test("a wrong error is both a false positive and a false negative; runtime rows are not scored", () => {
  const s = score(
    [
      row("agree-fail", "a", "a"),
      row("agree-collect", null, null),
      row("disagree", "a", "b"),
      row("disagree", null, "c"),
      row("disagree", "d", null),
      row("runtime", "e", null),
    ],
    "g",
  );
  assert.deepEqual(
    { tp: s.tp, fp: s.fp, fn: s.fn, runtime: s.runtime, precision: s.precision, recall: s.recall },
    { tp: 1, fp: 2, fn: 2, runtime: 1, precision: 1 / 3, recall: 1 / 3 },
  );
});

test("self-imports are rewritten for nesting; `import pkg.sub` makes a package unmovable", () => {
  const src = "from json import scanner\nfrom json.decoder import X\nimport json\nimport json as j\n";
  assert.equal(
    rewriteSelfImports(src, "json", "std."),
    "from std.json import scanner\nfrom std.json.decoder import X\nimport std.json as json\nimport std.json as j\n",
  );
  assert.equal(rewriteSelfImports("import json.decoder\n", "json", "std."), null);
  assert.equal(rewriteSelfImports("import jsonschema\n", "json", "std."), "import jsonschema\n");
});

test("runtime failures are classified from pytest's exception alone", () => {
  const none = () => false;
  const frames = (source: string) => ({ frames: [{ file: "x.py", line: 1, function: "<module>", source }] });
  const err = (type: string, message: string) => ({ type, message });
  assert.equal(
    runtimeCause(err("ImportError", "win32 only"), frames("raise ImportError('win32 only')"), none, none),
    "raised-at-import",
  );
  assert.equal(
    runtimeCause(err("ImportError", "libfoo.so: cannot open shared object file"), null, none, none),
    "shared-library",
  );
  assert.equal(
    runtimeCause(err("ModuleNotFoundError", "No module named 'socks'"), null, none, none),
    "missing-dependency",
  );
  assert.equal(runtimeCause(err("AssertionError", ""), null, none, none), "other-runtime");
  assert.equal(
    runtimeCause(err("ModuleNotFoundError", "No module named 'app.x'"), null, none, () => true),
    null,
  );
  assert.equal(runtimeCause(err("NameError", "name 'x' is not defined"), frames("y = x"), none, none), null);
});
