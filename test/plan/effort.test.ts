// The effort model and the files each fix edits, per kind: the documented values, and the files the plan
// partitions on.
import assert from "node:assert/strict";
import { test } from "node:test";
import { FINDING_KINDS } from "../../src/analyze/index.ts";
import { filesOfAuditFix, filesOfFix } from "../../src/plan/filesOfFix.ts";
import { auditEffort, EFFORT_MODEL, EFFORT_REASONS, findingEffort } from "../../src/plan/index.ts";
import { auditFinding, finding } from "./build.ts";

const AUDIT_KINDS = [
  "duplicate-definition",
  "split-consumers",
  "shim",
  "duplicate-factory",
  "boundary-violation",
  "latent-cycle",
];

test("every finding kind and audit kind has points and a reason", () => {
  for (const kind of [...FINDING_KINDS.map((k) => k.kind), ...AUDIT_KINDS]) {
    assert.ok((EFFORT_MODEL as Record<string, number>)[kind]! > 0, kind);
    assert.ok(EFFORT_REASONS[kind]!.length > 20, kind);
  }
  assert.equal(Object.keys(EFFORT_MODEL).length, FINDING_KINDS.length + AUDIT_KINDS.length);
});

const sites = (n: number) => Array.from({ length: n }, (_, i) => ({ file: `tests/test_${i}.py`, line: 1, col: 0 }));

test("collection findings: points per kind", () => {
  const relocated = [{ kind: "relocated" as const, message: "import it from shared" }];
  const cases: [ReturnType<typeof finding>, number][] = [
    [finding("missing-name:a.py:1:X", { suggestions: relocated, sites: sites(4) }), 2],
    [finding("missing-name:a.py:1:X", { suggestions: relocated }), 1.25],
    [finding("missing-name:a.py:1:X", { sites: sites(2) }), 3.5],
    [finding("missing-module:a.py:1:m", { suggestions: [{ kind: "removed", message: "restore it" }] }), 3.25],
    [finding("circular-import:a.py:1:X"), 5],
    [finding("unknown-marker:tests/t.py:3:slow"), 1],
    [finding("missing-third-party:a.py:1:redis"), 1],
    [finding("config-error:pytest.ini:2:foo"), 1],
    [finding("name-error:a.py:1:LIMIT", { severity: "warning" }), 1],
    [
      finding("conftest-error:tests/conftest.py:2", {
        cause: { ...finding("circular-import:a.py:1:X"), kind: "circular-import", file: "a.py" },
      }),
      5,
    ],
  ];
  for (const [f, points] of cases) assert.equal(findingEffort(f), points, f.id);
});

test("audit findings: the kind's base plus the importers repointed, in quarter points", () => {
  const change = { file: "a.py", line: 1, from: "x", to: "y" };
  const proposal = (n: number) => ({ summary: "s", canonical: "c", changes: Array.from({ length: n }, () => change) });
  assert.equal(auditEffort(auditFinding("duplicate-definition:S", { proposal: proposal(10) })), 5);
  assert.equal(auditEffort(auditFinding("duplicate-definition:S", { proposal: proposal(1) })), 3.25);
  assert.equal(auditEffort(auditFinding("shim:m", { proposal: proposal(0) })), 1);
  assert.equal(auditEffort(auditFinding("latent-cycle:a -> b", { proposal: proposal(9) })), 3);
  assert.equal(auditEffort(auditFinding("boundary-violation:a->b")), 2);
});

test("the files each fix edits", () => {
  const scan = { configfile: "setup.cfg" };
  const register = (configfile: string | null) => [
    { kind: "register-marker" as const, message: "register", data: { configfile, line: "    slow: slow" } },
  ];
  assert.deepEqual(
    filesOfFix(finding("unknown-marker:tests/t.py:3:slow", { suggestions: register("tox.ini") }), scan),
    ["tox.ini"],
  );
  assert.deepEqual(filesOfFix(finding("unknown-marker:tests/t.py:3:slow", { suggestions: register(null) }), scan), [
    "setup.cfg",
  ]);
  assert.deepEqual(filesOfFix(finding("unknown-marker:tests/t.py:3:slow"), scan), ["tests/t.py"]);
  assert.deepEqual(
    filesOfFix(
      finding("missing-name:b.py:1:X", {
        sites: [
          { file: "b.py", line: 1, col: 0 },
          { file: "a.py", line: 5, col: 0 },
          { file: "b.py", line: 9, col: 0 },
        ],
      }),
      scan,
    ),
    ["a.py", "b.py"],
  );
  assert.deepEqual(
    filesOfFix(
      finding("circular-import:m.py:3:M", {
        cycle: [
          { file: "n.py", line: 2, statement: "from m import M", module: "n" },
          { file: "m.py", line: 3, statement: "from n import N", module: "m" },
        ],
      }),
      scan,
    ),
    ["m.py", "n.py"],
  );
  const install = (requirementsFile: string | null) => [
    { kind: "install" as const, message: "install", data: { requirementsFile } },
  ];
  assert.deepEqual(
    filesOfFix(finding("missing-third-party:a.py:1:redis", { suggestions: install("requirements/dev.txt") }), scan),
    [],
  );
  assert.deepEqual(filesOfFix(finding("missing-third-party:a.py:1:redis", { suggestions: install(null) }), scan), []);
  assert.deepEqual(
    filesOfFix(
      finding("conftest-error:tests/conftest.py:2", {
        cause: { ...finding("missing-name:app/core.py:4:X"), kind: "missing-name" },
      }),
      scan,
    ),
    ["app/core.py"],
  );
  assert.deepEqual(filesOfFix(finding("config-error:(no config file):0:x"), scan), []);
  assert.deepEqual(filesOfFix(finding("config-error:pytest.ini:3:-p foo"), scan), ["pytest.ini"]);

  const site = (file: string, role: string) => ({ file, line: 1, module: "m", role });
  assert.deepEqual(
    filesOfAuditFix(
      auditFinding("shim:m", {
        sites: [site("m.py", "re-export"), site("b.py", "importer"), site("a.py", "importer")],
      }),
    ),
    ["a.py", "b.py"],
  );
  assert.deepEqual(
    filesOfAuditFix(
      auditFinding("latent-cycle:a -> b", { sites: [site("b.py", "cycle-edge"), site("a.py", "cycle-edge")] }),
    ),
    ["a.py", "b.py"],
  );
});
