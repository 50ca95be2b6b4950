// The plan on hand-built findings: the grouping rules (a common file, an error hidden behind another), balancing,
// fewer streams than teams, audit findings in phase 2, and what an empty scan or a bad team count gives.
import assert from "node:assert/strict";
import { test } from "node:test";
import { RemedyError } from "../../src/errors.ts";
import { planWorkstreams, workstreamBrief } from "../../src/plan/index.ts";
import { auditFinding, auditOf, blocking, finding, scanOf } from "./build.ts";

const ids = (plan: ReturnType<typeof planWorkstreams>) => plan.workstreams.map((w) => w.findings);

test("an error hidden behind another in the same test file goes to that one's stream, after it", () => {
  const first = blocking("missing-name:src/a.py:1:A", ["tests/test_x.py"], 3, {
    sites: [{ file: "src/a.py", line: 1, col: 0 }],
  });
  const behind = finding("missing-module:src/b.py:2:b.gone", { hiddenIn: ["tests/test_x.py"], hidden: true });
  const other = blocking("missing-name:src/c.py:1:C", ["tests/test_y.py"], 1);
  const plan = planWorkstreams({ scan: scanOf([behind, other, first]), teams: 3 });
  assert.deepEqual(ids(plan), [[first.id, behind.id], [other.id]]);
  assert.deepEqual(
    plan.workstreams[0]!.order.map((i) => i.phase),
    ["unblock", "hidden"],
  );
  assert.deepEqual(plan.workstreams[0]!.files, ["src/a.py", "src/b.py"]);
  assert.deepEqual(plan.workstreams[0]!.mustNotTouch, ["src/c.py"]);
  assert.match(plan.notes![0]!, /^3 teams asked for, but the findings form only 2 independent groups/);
  const brief = workstreamBrief(plan, plan.workstreams[0]!, scanOf([behind, other, first]));
  assert.ok(brief.includes(`\`tests/test_x.py\`, behind \`${first.id}\``));
  assert.ok(brief.includes("**Hidden today**"));
});

test("findings whose fixes edit a common file share a stream; others are spread", () => {
  const a = blocking("missing-name:src/a.py:1:A", ["tests/test_a.py"], 2, {
    sites: [
      { file: "src/a.py", line: 1, col: 0 },
      { file: "src/shared.py", line: 4, col: 0 },
    ],
  });
  const b = blocking("missing-name:src/shared.py:9:B", ["tests/test_b.py"], 5);
  const c = blocking("missing-name:src/c.py:1:C", ["tests/test_c.py"], 1);
  const plan = planWorkstreams({ scan: scanOf([a, b, c]), teams: 2 });
  assert.deepEqual(ids(plan), [[b.id, a.id], [c.id]]);
  assert.deepEqual(plan.notes, []);
});

test("groups are balanced longest first onto the least loaded stream", () => {
  // Efforts: cycle 5, a name with no known home 3.25, three third-party modules 1 each (no requirements file: no
  // file edited, so each is its own group), a marker 1.
  const cycle = blocking("circular-import:src/m.py:3:M", ["tests/test_m.py"], 1, {
    cycle: [
      { file: "src/m.py", line: 3, statement: "from src.n import N", module: "src.m" },
      { file: "src/n.py", line: 2, statement: "from src.m import M", module: "src.n" },
    ],
  });
  const gone = blocking("missing-name:src/g.py:1:G", ["tests/test_g.py"], 2);
  const third = ["redis", "yaml", "boto3"].map((m, i) =>
    blocking(`missing-third-party:src/t${i}.py:1:${m}`, [`tests/test_t${i}.py`], 1, {
      suggestions: [{ kind: "install", message: `pip install ${m}`, data: { requirementsFile: null } }],
    }),
  );
  const marker = blocking("unknown-marker:tests/test_k.py:4:slow", ["tests/test_k.py"], 1, {
    suggestions: [
      { kind: "register-marker", message: "add slow", data: { configfile: "pytest.ini", line: "    slow: slow" } },
    ],
  });
  const plan = planWorkstreams({ scan: scanOf([cycle, gone, ...third, marker]), teams: 2 });
  // LPT: cycle 5 -> A; G 3.25 -> B; then the 1-point groups in id order go to B (4.25), B (5.25), A (6), B (6.25).
  const loads = plan.workstreams.map((w) => [w.effort, w.findings.length]);
  assert.deepEqual(
    loads.sort((x, y) => x[0]! - y[0]!),
    [
      [6, 2],
      [6.25, 4],
    ],
  );
  for (const w of plan.workstreams) assert.ok(!w.files.includes("requirements.txt"));
  const env = plan.workstreams.flatMap((w) => w.order).find((i) => i.finding === third[0]!.id)!;
  assert.deepEqual(env.files, []);
});

test("audit findings come after collection errors, in the stream that owns their files, else the least loaded", () => {
  const a = blocking("missing-name:src/a.py:1:A", ["tests/test_a.py"], 4, {
    suggestions: [{ kind: "relocated", message: "import A from src.home", data: { module: "src.home" } }],
  });
  const b = blocking("circular-import:src/b.py:1:B", ["tests/test_b.py"], 2, {
    cycle: [{ file: "src/b.py", line: 1, statement: "from src.c import C", module: "src.b" }],
  });
  const dup = auditFinding("duplicate-definition:Status", {
    sites: [
      { file: "src/a.py", line: 3, module: "src.a", role: "definition" },
      { file: "src/z.py", line: 3, module: "src.z", role: "definition" },
    ],
    proposal: {
      summary: "Keep Status in src.z; import it from there.",
      canonical: "src.z",
      changes: [{ file: "src/a.py", line: 3, from: "class Status(Enum): ...", to: "from src.z import Status" }],
    },
  });
  const lone = auditFinding("boundary-violation:api->billing", {
    sites: [{ file: "api/handlers.py", line: 7, module: "billing.internal", role: "import" }],
  });
  const scan = scanOf([a, b]);
  const audit = auditOf([lone, dup]);
  const plan = planWorkstreams({ scan, audit, teams: 2 });
  const withA = plan.workstreams.find((w) => w.findings.includes(a.id))!;
  // a (1.25) + dup (3 + 1/5 -> 3.25) = 4.5 against the cycle's 5: the lone audit finding goes to a's stream.
  assert.deepEqual(withA.findings, [a.id, lone.id, dup.id]);
  assert.deepEqual(
    withA.order.map((i) => i.phase),
    ["unblock", "architecture", "architecture"],
  );
  assert.deepEqual(withA.order[1]!.commands, ["remedy audit --only 'boundary-violation:api->billing'"]);
  assert.deepEqual(withA.order[2]!.commands, ["remedy audit --only duplicate-definition:Status"]);
  assert.deepEqual(withA.files, ["api/handlers.py", "src/a.py"]);
  assert.equal(withA.effort, 6.5);
  const brief = workstreamBrief(plan, withA, scan, audit);
  assert.ok(brief.includes("`src/a.py:3`: `class Status(Enum): ...` -> `from src.z import Status`"));
  assert.ok(brief.includes("Keep Status in src.z; import it from there."));
  assert.ok(brief.includes("1 collection error pytest reports today, 2 architecture findings (phase 2)"));
});

test("an audit finding that edits files of two collection groups joins them", () => {
  const a = blocking("missing-name:src/a.py:1:A", ["tests/test_a.py"], 4);
  const b = blocking("missing-name:src/b.py:1:B", ["tests/test_b.py"], 2);
  const split = auditFinding("split-consumers:Thing", {
    proposal: {
      summary: "Import Thing from src.core.",
      canonical: "src.core",
      changes: [
        { file: "src/a.py", line: 2, from: "from x import Thing", to: "from src.core import Thing" },
        { file: "src/b.py", line: 2, from: "from y import Thing", to: "from src.core import Thing" },
      ],
    },
  });
  const plan = planWorkstreams({ scan: scanOf([a, b]), audit: auditOf([split]), teams: 2 });
  assert.deepEqual(ids(plan), [[a.id, b.id, split.id]]);
});

test("a possible error is a check-after item, and an empty scan plans nothing", () => {
  const sure = blocking("missing-name:src/a.py:1:A", ["tests/test_a.py"], 4);
  const maybe = finding("name-error:src/a.py:9:LIMIT", {
    severity: "warning",
    condition: "when FEATURE is false",
  });
  const plan = planWorkstreams({ scan: scanOf([maybe, sure]), teams: 1 });
  assert.deepEqual(
    plan.workstreams[0]!.order.map((i) => [i.finding, i.phase, i.effort]),
    [
      [sure.id, "unblock", 3.25],
      [maybe.id, "check-after", 1],
    ],
  );
  assert.match(plan.workstreams[0]!.order[1]!.title, /^Check whether it happens: /);
  const empty = planWorkstreams({ scan: scanOf([]), teams: 3 });
  assert.deepEqual(empty.workstreams, []);
  assert.equal(empty.notes!.length, 1);
});

test("the team count must be a positive integer", () => {
  for (const teams of [0, -1, 1.5, Number.NaN]) {
    assert.throws(() => planWorkstreams({ scan: scanOf([]), teams }), RemedyError);
  }
});

test("a gate (blocks every test file) joins nothing it hides; missing distributions are one environment task", () => {
  const all = ["tests/test_a.py", "tests/test_b.py", "tests/test_c.py"];
  const gate = blocking("conftest-error:conftest.py:3", all, 30, {
    cause: { ...finding("missing-name:app/settings.py:2:DB"), kind: "missing-name" },
  });
  const a = finding("missing-name:src/a.py:1:A", { hiddenIn: ["tests/test_a.py"], hidden: true });
  const b = finding("name-error:src/b.py:4:B", { hiddenIn: ["tests/test_b.py"], hidden: true });
  const install = [
    { kind: "install" as const, message: "pip install", data: { requirementsFile: "requirements.txt" } },
  ];
  const redis = finding("missing-third-party:src/c.py:1:redis", {
    hiddenIn: ["tests/test_c.py"],
    hidden: true,
    suggestions: install,
  });
  const yaml = finding("missing-third-party:src/d.py:1:yaml", {
    hiddenIn: ["tests/test_c.py"],
    hidden: true,
    suggestions: install,
  });
  const scan = {
    ...scanOf([gate, a, b, redis, yaml]),
    testFiles: all.map((file) => ({ file, tests: 10, blockedBy: gate.id })),
  };
  const plan = planWorkstreams({ scan, teams: 4 });
  // The gate unblocks every test; then by effort: a 3.25, the environment 2, b 2 (ties by first finding id).
  assert.deepEqual(ids(plan), [[gate.id], [a.id], [redis.id, yaml.id], [b.id]]);
  assert.equal(plan.workstreams[0]!.findings[0], gate.id);
  assert.deepEqual(plan.workstreams[0]!.files, ["app/settings.py"]);
  const env = plan.workstreams.find((w) => w.findings.includes(redis.id))!;
  assert.deepEqual(env.files, []);
  assert.deepEqual(plan.notes, [
    `${gate.id} blocks every test file (pytest stops there): ws-1 fixes it first; every other finding is behind it, so the other workstreams can make their changes but prove them only once it is fixed.`,
  ]);
  const brief = workstreamBrief(plan, env, scan);
  assert.ok(brief.includes("## About the whole plan\n\n- conftest-error:conftest.py:3 blocks every test file"));
  assert.ok(brief.includes("no file of the repository (the environment: install what is missing)"));
});
