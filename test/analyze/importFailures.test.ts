import assert from "node:assert/strict";
import { test } from "node:test";
import { runAnalyzers } from "../../src/analyze/runAnalyzers.ts";
import { facts, failure, input, ROOT, step, testFunctions } from "./build.ts";

const A = `${ROOT}/tests/api/test_a.py`;
const B = `${ROOT}/tests/api/test_b.py`;
const C = `${ROOT}/services/web/tests/test_c.py`;
const MOD = `${ROOT}/app/models.py`;

test("one broken statement blocking several files is one root cause; a second failure in a file is hidden", () => {
  const broken = failure("missing-name", MOD, 3, "Thing", {
    module: "app.models",
    chain: [step(A, 1, "from app.models import Thing", null), step(MOD, 3, "from app.base import Thing", "app.models")],
  });
  const inC = { ...broken, chain: [step(C, 2, "import app.models"), ...broken.chain.slice(1)] };
  const second = failure("missing-module", A, 5, null, { module: "nope", rootKey: "missing-module|A|5|nope" });
  const result = runAnalyzers(
    input(
      {
        files: [
          { path: A, role: "test", failures: [broken, second] },
          { path: B, role: "test", failures: [] },
          { path: C, role: "test", failures: [inC] },
        ],
      },
      { testFiles: [A, B, C] },
      [
        facts(A, {
          pytest: {
            ...testFunctions("test_1", "test_2", "helper"),
            parametrize: [{ target: "test_2", size: 3, line: 9, col: 0, argnames: null, indirect: false }],
          },
        }),
        facts(B, { pytest: testFunctions("test_ok") }),
        facts(C, { pytest: testFunctions("test_c") }),
      ],
    ),
  );
  const [root, hidden] = result.findings;
  assert.equal(result.findings.length, 2);
  assert.equal(root!.kind, "missing-name");
  assert.equal(root!.file, "app/models.py");
  assert.deepEqual(root!.blocks, {
    testFiles: ["tests/api/test_a.py", "services/web/tests/test_c.py"],
    tests: 1 + 3 + 1,
    areas: ["services/web", "tests/api"],
  });
  assert.equal(root!.chain[0]!.file, "tests/api/test_a.py");
  assert.equal(root!.hidden, false);
  assert.equal(hidden!.kind, "missing-module");
  assert.equal(hidden!.hidden, true);
  assert.deepEqual(hidden!.hiddenIn, ["tests/api/test_a.py"]);
  assert.deepEqual(hidden!.blocks.testFiles, []);
});

test("a marker decorator that runs before the failing import is what pytest reports", () => {
  const imp = failure("missing-module", A, 4, null, { module: "nosuchmod", chain: [step(A, 4, "import nosuchmod")] });
  const marker = { name: "foo", via: "decorator" as const, target: "test_x", line: 2, col: 0 };
  const result = runAnalyzers(
    input(
      {
        files: [
          { path: A, role: "test", failures: [imp] },
          { path: B, role: "test", failures: [{ ...imp, chain: [step(B, 2, "import nosuchmod")] }] },
        ],
      },
      { testFiles: [A, B], strictMarkers: true, configKeys: [{ key: "markers", line: 2 }] },
      [facts(A, { pytest: { markers: [marker] } }), facts(B, { pytest: { markers: [{ ...marker, line: 3 }] } })],
    ),
  );
  const mark = result.findings.find((f) => f.kind === "unknown-marker")!;
  const missing = result.findings.find((f) => f.kind === "missing-module")!;
  assert.equal(mark.message, "'foo' not found in `markers` configuration option");
  assert.equal(mark.exceptionType, "Failed");
  assert.deepEqual(mark.blocks.testFiles, ["tests/api/test_a.py"]);
  assert.deepEqual(mark.hiddenIn, ["tests/api/test_b.py"]);
  assert.deepEqual(missing.blocks.testFiles, ["tests/api/test_b.py"]);
  assert.deepEqual(missing.hiddenIn, ["tests/api/test_a.py"]);
  assert.equal(mark.suggestions[0]!.kind, "register-marker");
  assert.match(mark.suggestions[0]!.message, /pytest\.ini: add `foo: foo tests` under `markers =`/);
});

test("a conftest failing during collection takes down its directory; a start-up failure takes everything", () => {
  const conftest = `${ROOT}/tests/api/conftest.py`;
  const cause = failure("missing-name", conftest, 1, "gone", {
    module: "os",
    chain: [step(conftest, 1, "from os import gone", null)],
  });
  const model = {
    files: [
      { path: conftest, role: "conftest" as const, failures: [cause] },
      { path: A, role: "test" as const, failures: [] },
      { path: C, role: "test" as const, failures: [] },
    ],
  };
  const files = [facts(A, { pytest: testFunctions("test_a") }), facts(C, { pytest: testFunctions("test_c") })];
  const during = runAnalyzers(input(model, { testFiles: [A, C] }, files)).findings;
  assert.equal(during.length, 1);
  assert.equal(during[0]!.kind, "conftest-error");
  assert.equal(during[0]!.file, "tests/api/conftest.py");
  assert.equal(during[0]!.message, "message of gone");
  assert.equal(during[0]!.cause!.kind, "missing-name");
  assert.deepEqual(during[0]!.blocks.testFiles, ["tests/api/test_a.py"]);

  const startup = runAnalyzers(
    input({ ...model, startupFailure: { conftest, failure: cause } }, { testFiles: [A, C] }, files),
  );
  const f = startup.findings[0]!;
  assert.equal(f.message, `ImportError while loading conftest '${conftest}'.`);
  assert.deepEqual(f.blocks.testFiles, ["tests/api/test_a.py", "services/web/tests/test_c.py"]);
});

test("an import file mismatch from the model is reported before anything the module would do", () => {
  const X1 = `${ROOT}/a/test_x.py`;
  const X2 = `${ROOT}/b/test_x.py`;
  const message = `import file mismatch:\nimported module 'test_x' has this __file__ attribute:\n  ${X1}\nwhich is not the same as the test file we want to collect:\n  ${X2}\nHINT: remove __pycache__ / .pyc files and/or use a unique basename for your test file modules`;
  const mismatch = failure("import-file-mismatch", X2, 1, null, {
    module: "test_x",
    message,
    exceptionType: "ImportPathMismatchError",
  });
  const marker = { name: "foo", via: "decorator" as const, target: "test_2", line: 1, col: 0 };
  const result = runAnalyzers(
    input(
      {
        files: [
          { path: X1, role: "test", failures: [] },
          { path: X2, role: "test", failures: [mismatch] },
        ],
      },
      { testFiles: [X1, X2], strictMarkers: true },
      [facts(X1), facts(X2, { pytest: { ...testFunctions("test_2"), markers: [marker] } })],
    ),
  );
  const f = result.findings.find((x) => x.kind === "import-file-mismatch")!;
  assert.equal(f.category, "configuration");
  assert.deepEqual(f.blocks, { testFiles: ["b/test_x.py"], tests: 1, areas: ["b"] });
  assert.match(f.suggestions[0]!.message, /^b\/test_x.py and a\/test_x.py both import as `test_x`/);
  assert.equal(result.findings.find((x) => x.kind === "unknown-marker")!.hidden, true);
});

test("a 'maybe' failure first in a file: the file collects as far as remedy knows; the warning says what it may block", () => {
  const maybe = failure("missing-name", MOD, 7, "Opt", {
    certainty: "maybe",
    module: "app.models",
    chain: [step(A, 1, "import app.models")],
  });
  const result = runAnalyzers(
    input({ files: [{ path: A, role: "test", failures: [maybe] }] }, { testFiles: [A] }, [
      facts(A, { pytest: testFunctions("test_a") }),
    ]),
  );
  const f = result.findings[0]!;
  assert.equal(f.severity, "warning");
  assert.deepEqual(f.blocks.testFiles, ["tests/api/test_a.py"]);
  assert.equal(result.reportedFailures.byFile.get(A)!.reported, null);
});
