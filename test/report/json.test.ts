// The JSON report validates against schema/scan.schema.json, checked by Python's `jsonschema` (a complete,
// independent draft 2020-12 implementation; python3 is already required by the tests) on real scan output.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { resolve } from "node:path";
import { test } from "node:test";
import { jsonReport } from "../../src/report/json.ts";
import { loadReporter, REPORT_FORMATS, UnknownFormatError } from "../../src/report/reporterRegistry.ts";
import { scan } from "../../src/scan/scan.ts";

const SCHEMA = resolve(import.meta.dirname, "../../schema/scan.schema.json");
const FIXTURES = resolve(import.meta.dirname, "../fixtures/scan");

const VALIDATE = `
import json, sys, jsonschema
schema = json.load(open(sys.argv[1]))
jsonschema.Draft202012Validator.check_schema(schema)
v = jsonschema.Draft202012Validator(schema)
for i, doc in enumerate(json.load(sys.stdin)):
    for e in v.iter_errors(doc):
        print(f"document {i}: {'/'.join(map(str, e.absolute_path))}: {e.message}")
`;

function schemaErrors(documents: unknown[]): string[] {
  const r = spawnSync("python3", ["-c", VALIDATE, SCHEMA], { input: JSON.stringify(documents), encoding: "utf8" });
  assert.equal(r.status, 0, r.stderr);
  return r.stdout.split("\n").filter(Boolean);
}

const HAS_JSONSCHEMA = spawnSync("python3", ["-c", "import jsonschema"]).status === 0;

test("real scan output validates against schema/scan.schema.json; a broken document does not", {
  skip: HAS_JSONSCHEMA ? false : "python3 has no jsonschema module",
}, async () => {
  const cases = [
    "conftest-subdir-error",
    "config-unknown-key",
    "maxfail-addopts",
    "circular-fails",
    "unknown-marker-strict",
  ];
  const docs = [];
  for (const c of [
    ...cases.map((c) => resolve(FIXTURES, c)),
    resolve(import.meta.dirname, "../../examples/monorepo"),
  ]) {
    docs.push(JSON.parse(jsonReport({ scan: await scan(c, { cache: false }) })));
  }
  assert.ok(docs.some((d) => d.findings.some((f: { cause?: unknown }) => f.cause)));
  assert.ok(docs.some((d) => d.findings.some((f: { cycle?: unknown }) => f.cycle)));
  assert.deepEqual(schemaErrors(docs), []);

  const broken = structuredClone(docs[0]);
  delete broken.findings[0].blocks;
  broken.findings[0].kind = "not-a-kind";
  assert.equal(schemaErrors([broken]).length, 2);
});

test("reporters load by format name; an unknown format is a user error", async () => {
  assert.deepEqual(REPORT_FORMATS, ["terminal", "json", "md", "html", "sarif"]);
  assert.equal(await loadReporter("json"), jsonReport);
  await assert.rejects(loadReporter("xml"), UnknownFormatError);
});
