import assert from "node:assert/strict";
import { test } from "node:test";
import { countCollectableTests } from "../../src/analyze/collectableTests.ts";
import { configProblems } from "../../src/analyze/configChecks.ts";
import { unknownMarkerError } from "../../src/analyze/markerPolicy.ts";
import { facts, session } from "./build.ts";

test("unknown marker: strict fails, an error filter raises the warning, otherwise a warning (pytest 9 wording)", () => {
  assert.equal(unknownMarkerError(session({ strictMarkers: true }), "x").outcome, "fail");
  for (const filter of [
    "error",
    "error::pytest.PytestUnknownMarkWarning",
    "error::UserWarning",
    "error:Unknown pytest.mark",
  ]) {
    const e = unknownMarkerError(session({ filterwarnings: [filter] }), "x");
    assert.equal(e.outcome, "warning-error", filter);
    assert.equal(
      e.message,
      "Unknown pytest.mark.x - is this a typo?  You can register custom marks to avoid this warning - for details, see https://docs.pytest.org/en/stable/how-to/mark.html",
    );
  }
  assert.equal(
    unknownMarkerError(session({ filterwarnings: ["error", "ignore::pytest.PytestUnknownMarkWarning"] }), "x").outcome,
    "warning",
  );
  assert.equal(unknownMarkerError(session({ filterwarnings: ["error::DeprecationWarning"] }), "x").outcome, "warning");
  assert.equal(
    unknownMarkerError(session({ addopts: ["-W", "error::pytest.PytestWarning"] }), "x").outcome,
    "warning-error",
  );
  assert.equal(
    unknownMarkerError(session(), "parameterize").message,
    "Unknown 'parameterize' mark, did you mean 'parametrize'?",
  );
});

test("collectable tests: prefix/glob patterns, classes with __init__ skipped, parametrize multiplied", () => {
  const f = facts("/t.py", {
    pytest: {
      functions: [
        { name: "test_a", className: null, async: false, line: 1, col: 0, args: [] },
        { name: "check_b", className: null, async: false, line: 2, col: 0, args: [] },
        { name: "test_m", className: "TestK", async: false, line: 4, col: 0, args: [] },
        { name: "test_n", className: "TestInit", async: false, line: 8, col: 0, args: [] },
        { name: "test_u", className: "Case", async: false, line: 12, col: 0, args: [] },
        { name: "test_a", className: null, async: false, line: 20, col: 0, args: [] },
      ],
      classes: [
        { name: "TestK", bases: [], hasInit: false, line: 3, col: 0 },
        { name: "TestInit", bases: [], hasInit: true, line: 7, col: 0 },
        { name: "Case", bases: ["unittest.TestCase"], hasInit: false, line: 11, col: 0 },
      ],
      parametrize: [
        { target: "TestK", size: 2, line: 3, col: 0, argnames: null, indirect: false },
        { target: "TestK.test_m", size: 3, line: 4, col: 0, argnames: null, indirect: false },
        { target: "test_a", size: null, line: 19, col: 0, argnames: null, indirect: false },
      ],
    },
  });
  assert.deepEqual(countCollectableTests(f, { pythonFunctions: ["test"], pythonClasses: ["Test"] }), {
    count: 1 + 6 + 1,
    exact: false,
  });
  assert.equal(countCollectableTests(f, { pythonFunctions: ["test", "*_b"], pythonClasses: ["Test"] }).count, 9);
});

test("config problems in pytest's order with its messages", () => {
  const problems = configProblems(
    session({
      strictConfig: true,
      unimportablePlugins: [{ name: "nosuch", message: `Error importing plugin "nosuch": No module named 'nosuch'` }],
      requiredPlugins: ["pytest-other>=1.0", "pytest-nosuch", "pytest-benchmark>=5"],
      distributions: [{ name: "pytest-benchmark", version: "5.2.3" }],
      addopts: ["-q", "--nosuch-opt", "--other=3", "-rA"],
      unrecognizedOptions: ["--nosuch-opt", "--other=3"],
      unknownConfigKeys: [
        { key: "foo_bar", line: 3 },
        { key: "baz", line: 4 },
      ],
    }),
  );
  assert.deepEqual(
    problems.map((p) => [p.stage, p.exitCode, p.message]),
    [
      ["startup", 1, `Error importing plugin "nosuch": No module named 'nosuch'`],
      ["startup", 4, "Missing required plugins: pytest-nosuch, pytest-other>=1.0"],
      ["startup", 4, "unrecognized arguments: --nosuch-opt --other=3"],
      ["after-collection", 4, "Unknown config option: baz"],
      ["after-collection", 4, "Unknown config option: foo_bar"],
    ],
  );
});

test("a module using a marker whose installed plugin adds items (anyio's backends) counts at least its own tests", () => {
  const f = facts("/t.py", {
    pytest: {
      functions: [{ name: "test_a", className: null, async: true, line: 2, col: 0, args: [] }],
      markers: [{ name: "anyio", line: 1, col: 0, via: "pytestmark", target: null }],
    },
  });
  const patterns = { pythonFunctions: ["test"], pythonClasses: ["Test"] };
  assert.deepEqual(countCollectableTests(f, patterns), { count: 1, exact: true });
  assert.deepEqual(countCollectableTests(f, { ...patterns, markersAddingItems: ["anyio"] }), {
    count: 1,
    exact: false,
  });
  assert.deepEqual(countCollectableTests(f, { ...patterns, markersAddingItems: ["asyncio"] }), {
    count: 1,
    exact: true,
  });
});
