// The baseline format and its comparison: schema/baseline.schema.json is what the zod schema emits and accepts a
// real baseline of the example (ajv, draft 2020-12); matching is by fingerprint as a multiset, a line move is no
// new finding, fixed entries drop out on update, and audit entries are left alone by a run without the audit.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { test } from "node:test";
import { Ajv2020 } from "ajv/dist/2020.js";
import type { AuditResult } from "../../src/analyze/audit/auditFinding.ts";
import {
  baselineJsonSchema,
  baselineOf,
  baselineText,
  compareWithBaseline,
  type Finding,
  findingFingerprint,
  parseBaseline,
  type ScanResult,
  updatedBaseline,
} from "../../src/analyze/index.ts";
import { scanAndAudit } from "../../src/scan/index.ts";
import { monorepoCopy } from "../report/monorepoCopy.ts";

const SCHEMA = JSON.parse(readFileSync(resolve(import.meta.dirname, "../../schema/baseline.schema.json"), "utf8"));

function marker(name: string, file: string, line: number): Finding {
  return {
    id: `unknown-marker|${file}|${line}|${name}`,
    kind: "unknown-marker",
    category: "configuration",
    severity: "error",
    file,
    line,
    col: 1,
    message: `'${name}' not found in \`markers\` configuration option`,
    exceptionType: null,
    module: null,
    name,
    chain: [],
    blocks: { testFiles: [file], tests: 1, areas: [] },
    hiddenIn: [],
    hidden: false,
    suggestions: [],
  };
}

const scanOf = (findings: Finding[], rootdir = "/repo"): ScanResult => ({
  schemaVersion: 1,
  root: rootdir,
  rootdir,
  configfile: null,
  findings,
  collection: { testFiles: 1, blockedTestFiles: 1, tests: 1, blockedTests: 1 },
  testFiles: [],
  pytestExitCode: 2,
  limitations: [],
  durationMs: 0,
});

const auditOf = (subjects: string[]): AuditResult => ({
  schemaVersion: 1,
  rootdir: "/repo",
  findings: subjects.map((s) => ({
    id: `latent-cycle:${s}`,
    kind: "latent-cycle",
    severity: "info",
    subject: s,
    message: `${s} import each other`,
    sites: [{ file: "a.py", line: 3, module: "a", role: "cycle-edge" }],
    proposal: null,
    detail: {},
  })),
  services: [],
  debt: { score: 1, level: "LOW", breakdown: [] },
  limitations: [],
});

test("schema/baseline.schema.json is what the zod schema emits", () => {
  assert.deepEqual(SCHEMA, baselineJsonSchema(), "run: node --import tsx scripts/baseline-schema.ts");
});

test("a real baseline of the example validates against the schema and parses back unchanged", async () => {
  const { scan, audit } = await scanAndAudit(monorepoCopy(), { cache: false });
  const baseline = baselineOf(scan, audit);
  assert.equal(baseline.entries.length, scan.findings.length + audit.findings.length);
  assert.ok(
    baseline.entries.some((e) => e.source === "audit") && baseline.entries.some((e) => e.kind === "unknown-marker"),
  );
  const text = baselineText(baseline);
  const validate = new Ajv2020({ strict: false, allErrors: true }).compile(SCHEMA);
  assert.ok(validate(JSON.parse(text)), JSON.stringify(validate.errors));
  assert.deepEqual(parseBaseline(text), baseline);
  // No machine's absolute path, no line number, no time: the file is the same wherever and whenever it is made.
  assert.ok(!text.includes(scan.rootdir), "no absolute path in the baseline");
  assert.ok(!/"line"|"time"|"date"/.test(text));
  // The schema refuses what parseBaseline refuses: an entry with a line number.
  const withLine = JSON.parse(text);
  withLine.entries[0].line = 3;
  assert.equal(validate(withLine), false);
  assert.match((parseBaseline(JSON.stringify(withLine)) as { error: string }).error, /entries\.0/);
});

test("parseBaseline names what is wrong", () => {
  assert.match((parseBaseline("{") as { error: string }).error, /not JSON/);
  assert.match((parseBaseline('{"schemaVersion": 2, "entries": []}') as { error: string }).error, /schemaVersion/);
});

test("a line move is no new finding; another marker is; a fixed one drops out on update", () => {
  const before = scanOf([marker("backend", "tests/test_a.py", 9), marker("slowish", "tests/test_b.py", 4)]);
  const baseline = baselineOf(before);
  const moved = scanOf([marker("backend", "tests/test_a.py", 12), marker("slowish", "tests/test_b.py", 4)]);
  const same = compareWithBaseline(baseline, moved);
  assert.deepEqual([same.new.length, same.fixed.length, same.known.length], [0, 0, 2]);
  assert.equal(same.known.find((k) => k.subject === "backend")?.line, 12, "the item says where it is now");

  const added = scanOf([...moved.findings, marker("brand_new", "tests/test_a.py", 20)]);
  const failing = compareWithBaseline(baseline, added);
  assert.deepEqual(
    failing.new.map((n) => n.subject),
    ["brand_new"],
  );

  const fixed = scanOf([marker("backend", "tests/test_a.py", 12)]);
  const shrinking = compareWithBaseline(baseline, fixed);
  assert.deepEqual(
    shrinking.fixed.map((e) => e.subject),
    ["slowish"],
  );
  assert.equal(updatedBaseline(shrinking).entries.length, 1);
});

test("the same statement twice in one file is two entries (a multiset), and the rootdir does not matter", () => {
  const one = marker("backend", "tests/test_a.py", 9);
  const baseline = baselineOf(scanOf([one, { ...one, line: 20 }], "/home/dev/repo"));
  assert.equal(baseline.entries.length, 2);
  const three = scanOf([one, { ...one, line: 20 }, { ...one, line: 30 }], "/ci/checkout");
  assert.equal(compareWithBaseline(baseline, three).new.length, 1);
  // A message naming a file absolutely fingerprints the same from any checkout.
  const at = (root: string) =>
    findingFingerprint(
      { ...one, kind: "conftest-error", message: `ImportError while loading ${root}/conftest.py` },
      root,
    );
  assert.equal(at("/home/dev/repo"), at("/ci/checkout"));
});

test("a run without the audit leaves the baseline's audit entries unchecked and keeps them on update", () => {
  const scan = scanOf([marker("backend", "tests/test_a.py", 9)]);
  const baseline = baselineOf(scan, auditOf(["a -> b", "c -> d"]));
  const noAudit = compareWithBaseline(baseline, scan);
  assert.deepEqual([noAudit.new.length, noAudit.fixed.length, noAudit.unchecked.length], [0, 0, 2]);
  assert.equal(updatedBaseline(noAudit).entries.length, 3);
  const withAudit = compareWithBaseline(baseline, scan, auditOf(["a -> b", "e -> f"]));
  assert.deepEqual(
    [withAudit.new.map((n) => n.subject), withAudit.fixed.map((e) => e.subject)],
    [["e -> f"], ["c -> d"]],
  );
});
