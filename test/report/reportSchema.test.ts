// `remedy report --format json`: with only a scan it is byte for byte what `remedy scan --json` prints; with the audit
// and the plan it validates against schema/report.schema.json (ajv, draft 2020-12), which takes every scan property
// from schema/scan.schema.json by reference.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { test } from "node:test";
import { Ajv2020 } from "ajv/dist/2020.js";
import type { AuditResult } from "../../src/analyze/audit/auditFinding.ts";
import type { Plan } from "../../src/plan/workstream.ts";
import { jsonReport } from "../../src/report/json.ts";
import { scan } from "../../src/scan/index.ts";
import { monorepoCopy } from "./monorepoCopy.ts";

const schema = (name: string) => JSON.parse(readFileSync(resolve(import.meta.dirname, "../../schema", name), "utf8"));
const SCAN = schema("scan.schema.json");
const REPORT = schema("report.schema.json");
const ajv = new Ajv2020({ strict: false, allErrors: true });
ajv.addSchema(SCAN);
const validate = ajv.compile(REPORT);

const audit: AuditResult = {
  schemaVersion: 1,
  rootdir: "/r",
  findings: [
    {
      id: "latent-cycle:a -> b",
      kind: "latent-cycle",
      severity: "info",
      subject: "a -> b",
      message: "a and b import each other",
      sites: [{ file: "a.py", line: 1, module: "a", role: "cycle-edge" }],
      proposal: {
        summary: "import b lazily",
        canonical: null,
        changes: [{ file: "a.py", line: 1, from: "import b", to: "" }],
      },
      detail: { entryPoints: ["tests/test_a.py"] },
    },
  ],
  services: [{ name: "backend", paths: ["services/backend"], kind: "service", inferred: true }],
  debt: { score: 12, level: "LOW", breakdown: [{ term: "latent cycles", count: 1, points: 12 }] },
  limitations: [],
};

const plan: Plan = {
  teams: 1,
  effortModel: { "unknown-marker": 1 },
  workstreams: [
    {
      id: "ws-1",
      title: "markers",
      findings: ["m"],
      order: [
        { finding: "m", title: "register m", effort: 1, files: ["pytest.ini"], commands: ["remedy scan --only m"] },
      ],
      files: ["pytest.ini"],
      mustNotTouch: [],
      commands: [],
      effort: 1,
      unblocksTests: 4,
    },
  ],
};

test("report JSON: a scan alone prints as before; with audit and plan it validates against report.schema.json", async () => {
  const result = await scan(monorepoCopy(), { cache: false });
  assert.equal(jsonReport({ scan: result }), `${JSON.stringify(result, null, 2)}\n`);
  const full = JSON.parse(jsonReport({ scan: result, audit, plan }));
  assert.deepEqual(Object.keys(full).slice(-2), ["audit", "plan"]);
  assert.equal(validate(full), true, JSON.stringify(validate.errors, null, 2));
  assert.equal(validate(JSON.parse(jsonReport({ scan: result }))), true);

  const broken = structuredClone(full);
  broken.audit.findings[0].kind = "not-a-kind";
  delete broken.plan.workstreams[0].files;
  broken.findings[0].line = "five";
  assert.equal(validate(broken), false);
  const paths = (validate.errors ?? []).map((e) => e.instancePath);
  for (const p of ["/audit/findings/0/kind", "/plan/workstreams/0", "/findings/0/line"])
    assert.ok(paths.includes(p), p);
});

test("report.schema.json takes every property scan.schema.json has, by reference", () => {
  assert.deepEqual(REPORT.required, SCAN.required);
  for (const key of Object.keys(SCAN.properties))
    assert.deepEqual(REPORT.properties[key], { $ref: `scan.schema.json#/properties/${key}` }, key);
  assert.deepEqual(
    Object.keys(REPORT.properties).filter((k) => !(k in SCAN.properties)),
    ["audit", "plan"],
  );
});
