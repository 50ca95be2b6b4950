// The terminal report: grouped like a remediation report, one block per root cause, hidden ones and warnings
// apart, one summary line; ANSI colours only when asked for.
import assert from "node:assert/strict";
import { test } from "node:test";
import type { Finding } from "../../src/analyze/finding.ts";
import type { ScanResult } from "../../src/analyze/scanResult.ts";
import { terminalReport } from "../../src/report/terminal.ts";

function finding(over: Partial<Finding>): Finding {
  return {
    id: "x",
    kind: "missing-name",
    category: "import",
    severity: "error",
    file: "app/a.py",
    line: 3,
    col: 0,
    message: "cannot import name 'X' from 'app.b' (/r/app/b.py)",
    exceptionType: "ImportError",
    module: "app.b",
    name: "X",
    chain: [
      { file: "tests/test_a.py", line: 1, statement: "import app.a", module: null },
      { file: "app/a.py", line: 3, statement: "from app.b import X", module: "app.a" },
    ],
    blocks: { testFiles: ["tests/test_a.py"], tests: 3, areas: ["tests"] },
    hiddenIn: [],
    hidden: false,
    suggestions: [{ kind: "relocated", message: "`X` is defined in `app.c`" }],
    ...over,
  };
}

const result: ScanResult = {
  schemaVersion: 1,
  root: "/r",
  rootdir: "/r",
  configfile: "pytest.ini",
  findings: [
    finding({}),
    finding({
      id: "m",
      kind: "unknown-marker",
      category: "configuration",
      name: "slow",
      exceptionType: "Failed",
      message: "'slow' not found in `markers` configuration option",
      chain: [],
      blocks: { testFiles: ["tests/test_b.py"], tests: 2, areas: ["tests"], testsLowerBound: true },
    }),
    finding({
      id: "t",
      kind: "missing-third-party",
      category: "environment",
      name: null,
      module: "redis",
      message: "No module named 'redis'",
      exceptionType: "ModuleNotFoundError",
    }),
    finding({
      id: "h",
      name: "Y",
      hidden: true,
      blocks: { testFiles: [], tests: 0, areas: [] },
      hiddenIn: ["tests/test_a.py"],
    }),
    finding({
      id: "w",
      kind: "unknown-marker",
      category: "configuration",
      severity: "warning",
      name: "fast",
      blocks: { testFiles: [], tests: 0, areas: [] },
    }),
  ],
  collection: { testFiles: 4, blockedTestFiles: 3, tests: 10, blockedTests: 8 },
  testFiles: [],
  pytestExitCode: 2,
  limitations: [],
  durationMs: 1234,
};

test("terminal report: categories in remediation-report order, numbered blocks, hidden and warnings apart", () => {
  const text = terminalReport({ scan: result }, { color: false });
  const headings = text.split("\n").filter((l) => /^[A-Z0-9]/.test(l));
  assert.deepEqual(headings, [
    "Import resolution failures (1)",
    "Test configuration errors (1)",
    "Environment problems (1)",
    "Hidden behind other errors (1): pytest reports these once the above are fixed",
    "Warnings (1): do not stop collection",
    "3 root causes (+1 hidden) · 3/4 test files blocked · 8/10 tests blocked · 1.23s (pytest would exit 2)",
  ]);
  assert.match(
    text,
    /✖ 1\. missing name `X`\n {5}at {8}app\/a\.py:3\n {5}pytest {4}ImportError: cannot import name 'X'/,
  );
  assert.match(text, /chain {5}tests\/test_a\.py:1 {2}import app\.a\n {15}-> app\/a\.py:3 {2}from app\.b import X/);
  assert.match(text, /blocks {4}1 test file, at least 2 tests in tests/);
  assert.match(text, /✖ 3\. third-party module not installed `redis`/);
  assert.match(text, /also in {3}tests\/test_a\.py \(behind another error there\)/);
  assert.doesNotMatch(text, /\x1b\[/);
  assert.match(terminalReport({ scan: result }, { color: true }), /\x1b\[31m✖\x1b\[39m/);
});

test("terminal report on a clean repository says so", () => {
  const text = terminalReport({
    scan: {
      ...result,
      findings: [],
      collection: { testFiles: 2, blockedTestFiles: 0, tests: 5, blockedTests: 0 },
      pytestExitCode: 0,
    },
  });
  assert.match(
    text,
    /Nothing stops pytest from collecting\.\n\n0 root causes · 0\/2 test files blocked · 0\/5 tests blocked/,
  );
});

test("a conftest error caused by the same broken statement as another finding points to it and is not a new root cause", () => {
  const base = finding({});
  const { id: _id, blocks: _b, hiddenIn: _h, hidden: _x, suggestions: _s, ...core } = base;
  const conftest = finding({
    id: "c",
    kind: "conftest-error",
    file: "tests/api/conftest.py",
    line: 2,
    cause: { ...core, kind: "missing-name" },
    blocks: { testFiles: ["tests/api/test_x.py"], tests: 1, areas: ["tests/api"] },
  });
  const text = terminalReport({ scan: { ...result, findings: [conftest, base] } }, { color: false });
  assert.match(
    text,
    /✖ 1\. `tests\/api\/conftest\.py` fails to import\n(.*\n)*? {5}same as {3}#2: one broken statement/,
  );
  assert.equal(text.match(/same as/g)?.length, 1);
  assert.match(text, /^1 root cause · /m);
});

test("control characters from source lines and file names are escaped on the terminal, not in JSON", () => {
  const evil = finding({
    file: "app/\x1b]0;owned\x07a.py",
    chain: [
      { file: "tests/test_a.py", line: 1, statement: "import app.a  # \x1b[2J\r\x9bcleared", module: "test_a" },
      { file: "app/a.py", line: 3, statement: "from app.b import X\u202e", module: "app.a" },
    ],
  });
  const text = terminalReport({ scan: { ...result, findings: [evil] } }, { color: false });
  assert.doesNotMatch(text, /[\x00-\x08\x0b-\x1f\x7f-\x9f\u202e]/);
  assert.match(text, /import app\.a {2}# \\x1b\[2J\\r\\x9bcleared/);
  assert.match(text, /app\/\\x1b\]0;owned\\x07a\.py:3/);
  assert.match(text, /from app\.b import X\\u202e/);
});

test("a tree where pytest collects nothing: exit code 5 in the summary", () => {
  const text = terminalReport({
    scan: {
      ...result,
      findings: [],
      collection: { testFiles: 1, blockedTestFiles: 0, tests: 0, blockedTests: 0 },
      pytestExitCode: 5,
    },
  });
  assert.match(text, /pytest collects no test: it ends with exit code 5 \(no tests ran\)/);
  assert.match(text, /\(pytest would exit 5\)\n$/);
});
