import assert from "node:assert/strict";
import { test } from "node:test";
import { runAnalyzers } from "../../src/analyze/runAnalyzers.ts";
import type { Binding, ImportFact } from "../../src/python/facts.ts";
import { facts, failure, input, ROOT, step } from "./build.ts";

const T = `${ROOT}/tests/test_t.py`;
const mod = (name: string) => ({ name, path: `${ROOT}/${name.replace(/\./g, "/")}.py` });
const def = (name: string, line = 1): Binding => ({
  name,
  kind: "class",
  line,
  col: 0,
  stmt: 0,
});
const from = (module: string, name: string, level = 0): ImportFact => ({
  kind: "from",
  module,
  level,
  names: [{ name, asname: null }],
  line: 1,
  col: 0,
  stmt: 0,
  scope: "module",
});

function suggest(
  f: ReturnType<typeof failure>,
  modules: ReturnType<typeof mod>[],
  all: ReturnType<typeof facts>[],
  requirements = [],
) {
  return runAnalyzers(
    input({ files: [{ path: T, role: "test", failures: [f] }] }, { testFiles: [T] }, all, { modules, requirements }),
  ).findings[0]!.suggestions;
}

test("missing name: modules that define it now, ranked by how many modules already import it from there", () => {
  const modules = [mod("app.old"), mod("shared.types"), mod("app.copy"), mod("app.a"), mod("app.b"), mod("app.c")];
  const all = [
    facts(modules[0]!.path, { bindings: [def("Status2")] }),
    facts(modules[1]!.path, { bindings: [def("Status", 9)] }),
    facts(modules[2]!.path, { bindings: [def("Status", 4)] }),
    facts(modules[3]!.path, { imports: [from("shared.types", "Status")] }),
    facts(modules[4]!.path, { imports: [from("shared.types", "Status")] }),
    facts(modules[5]!.path, { imports: [from("copy", "Status", 1)] }),
  ];
  const s = suggest(
    failure("missing-name", T, 1, "Status", { module: "app.old", chain: [step(T, 1, "from app.old import Status")] }),
    modules,
    all,
  );
  assert.deepEqual(
    s.map((x) => [x.kind, x.data?.module, x.data?.importers]),
    [
      ["renamed", "app.old", undefined],
      ["relocated", "shared.types", 2],
      ["relocated", "app.copy", 1],
    ],
  );
  assert.equal(
    s[1]!.message,
    "`Status` is defined in `shared.types` (shared/types.py:9); 2 modules already import it from there: `from shared.types import Status`",
  );
  // Names that merely share a word are not offered as renames.
  const renamed = suggest(failure("missing-name", T, 1, "get_redis_manager", { module: "app.old" }), modules, [
    facts(modules[0]!.path, { bindings: [def("create_redis_manager"), def("RedisManager"), def("other_manager")] }),
  ]);
  assert.deepEqual(
    renamed.map((x) => [x.kind, x.data?.name]),
    [["renamed", "create_redis_manager"]],
  );
});

test("missing name nobody defines: removed; missing module: the closest existing module path", () => {
  const modules = [mod("app.tools.registry"), mod("app.other")];
  const all = modules.map((m) => facts(m.path));
  const removed = suggest(failure("missing-name", T, 1, "Gone", { module: "app.other" }), modules, all);
  assert.deepEqual(
    removed.map((x) => x.kind),
    ["removed"],
  );
  // `from app import registry`: nothing defines it and app.registry is no module; app.tools.registry is close.
  const submodule = suggest(failure("missing-name", T, 1, "registry", { module: "app" }), modules, all);
  assert.deepEqual(
    submodule.map((x) => [x.kind, x.data?.module]),
    [
      ["removed", "app"],
      ["closest-module", "app.tools.registry"],
    ],
  );
  assert.match(submodule[0]!.message, /there is no module `app\.registry`/);
  const closest = suggest(failure("missing-module", T, 1, null, { module: "app.registry" }), modules, all);
  assert.deepEqual(
    closest.map((x) => x.data?.module),
    ["app.tools.registry"],
  );
});

test("third-party module: names the requirements file that asks for the distribution", () => {
  const f = failure("missing-third-party", T, 1, null, { module: "yaml.loader" });
  const [s] = runAnalyzers(
    input({ files: [{ path: T, role: "test", failures: [f] }] }, { testFiles: [T] }, [], {
      requirements: [{ file: "requirements-dev.txt", line: 3, name: "pyyaml" }],
    }),
  ).findings[0]!.suggestions;
  assert.equal(s!.kind, "install");
  assert.equal(s!.data?.requirementsFile, "requirements-dev.txt");
  const [none] = suggest(f, [], []);
  assert.match(none!.message, /No requirements file in the repository asks for `PyYAML`/);
});

test("circular import: when nothing reads the name at import time, the import can move into the function", () => {
  const M = `${ROOT}/app/metrics.py`;
  const f = failure("circular-import", M, 17, "Monitor", {
    module: "app.performance",
    cycle: [
      step(`${ROOT}/app/performance.py`, 6, "from app.metrics import Collector", "app.performance"),
      step(M, 17, "from app.performance import Monitor", "app.metrics"),
    ],
  });
  const s = suggest(f, [], [facts(M, { imports: [{ ...from("app.performance", "Monitor"), line: 17 }] })]);
  assert.deepEqual(
    s.map((x) => x.data?.way),
    ["defer-import", "import-module", "move-definition"],
  );
  assert.match(
    s[0]!.message,
    /^app\/metrics\.py:17 imports from `app.performance` while it is still initializing \(cycle: app.performance -> app.metrics\)/,
  );
});

test("edit distance with a limit: the exact distance up to the limit, limit + 1 beyond, on every pair", async () => {
  const { editDistance } = await import("../../src/analyze/editDistance.ts");
  const words = [
    "",
    "a",
    "ab",
    "ba",
    "abc",
    "acb",
    "services.api",
    "service.api",
    "services.apis",
    "svc.api.v2",
    "xyz",
  ];
  for (const a of words) {
    for (const b of words) {
      const exact = editDistance(a, b);
      for (const limit of [0, 1, 2, 3, 5]) {
        assert.equal(editDistance(a, b, limit), Math.min(exact, limit + 1), `${a} / ${b} / ${limit}`);
      }
    }
  }
  // Random strings over a small alphabet (many near pairs), against the full table.
  let seed = 7;
  const rnd = (k: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % k;
  };
  const word = () => Array.from({ length: rnd(9) }, () => "abc."[rnd(4)]).join("");
  // The textbook table (optimal string alignment), written out independently.
  const reference = (a: string, b: string): number => {
    const d = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => i + j));
    for (let i = 1; i <= a.length; i++) {
      for (let j = 1; j <= b.length; j++) {
        const row = d[i]!;
        row[j] = Math.min(d[i - 1]![j]! + 1, row[j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
          row[j] = Math.min(row[j]!, d[i - 2]![j - 2]! + 1);
      }
    }
    return d[a.length]![b.length]!;
  };
  for (let k = 0; k < 3000; k++) {
    const [a, b] = [word(), word()];
    const exact = reference(a, b);
    assert.equal(editDistance(a, b), exact, `${a}/${b}`);
    for (const limit of [0, 1, 2, 3]) assert.equal(editDistance(a, b, limit), Math.min(exact, limit + 1), `${a}/${b}`);
  }
  assert.equal(editDistance("ca", "abc"), 3);
  assert.equal(editDistance("abcd", "acbd"), 1);
});

test("closest modules: moved (same last name in the same top package) first, then near spellings", () => {
  const modules = ["app.core.models", "app.modles", "app.views", "other.models", "app.model", "app.mod"].map(mod);
  const all = modules.map((m) => facts(m.path));
  const got = suggest(failure("missing-module", T, 1, null, { module: "app.models" }), modules, all);
  // app.core.models moved (shares `app`); app.model (1 edit) and app.modles (1 transposition), by name; not
  // other.models (another top package, 6 edits) nor app.views (5 edits, over the limit of 3).
  assert.deepEqual(
    got.map((x) => x.data?.module),
    ["app.core.models", "app.model", "app.modles"],
  );
  // The same missing module again (memoized ranking) gives equal but separate suggestion objects.
  const again = suggest(failure("missing-module", T, 2, null, { module: "app.models" }), modules, all);
  assert.deepEqual(again, got);
  assert.notEqual(again[0], got[0]);
});
