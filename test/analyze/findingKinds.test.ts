// The registry of analyzers (src/analyze/analyzerRegistry.ts, one kind file each) is what the JSON schema, the
// terminal labels and `remedy rules` say: this fails when the schema's enums drift from it (`npm run schema:scan`
// rewrites them), when a kind file is not registered or is registered twice, or when a failure kind of the
// import-time model has no kind file (its failures would be reported by nothing).
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { resolve } from "node:path";
import { test } from "node:test";
import { ANALYZERS, FINDING_KINDS, kindLabel } from "../../src/analyze/index.ts";
import { FAILURE_KINDS } from "../../src/graph/index.ts";

const ROOT = resolve(import.meta.dirname, "../..");
const schema = JSON.parse(readFileSync(resolve(ROOT, "schema/scan.schema.json"), "utf8"));
const kinds = FINDING_KINDS.map((k) => k.kind);

test("the JSON schema's finding kinds are the registry's, its failure kinds the model's", () => {
  assert.deepEqual(schema.$defs.finding.properties.kind.enum, kinds, "run npm run schema:scan");
  assert.deepEqual(schema.$defs.failure.properties.kind.enum, [...FAILURE_KINDS], "run npm run schema:scan");
});

test("every failure kind of the import-time model is reported by a kind file", () => {
  for (const kind of FAILURE_KINDS) assert.ok((kinds as string[]).includes(kind), `no kind file reports ${kind}`);
});

test("every kind is documented, listed once, and its label is the terminal's", () => {
  for (const k of FINDING_KINDS) {
    assert.match(k.kind, /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, `${k.kind}: kebab-case`);
    for (const field of [k.label, k.whatItIs, k.whyItMatters, k.example]) assert.ok(field.trim().length > 0, k.kind);
    assert.equal(kindLabel(k.kind), k.label);
  }
  assert.equal(new Set(kinds).size, kinds.length, "a kind listed twice");
});

test("every file under src/analyze/kinds/ is one registered analyzer, named after its kind", () => {
  const files = readdirSync(resolve(ROOT, "src/analyze/kinds")).sort();
  const camel = (kind: string) => kind.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
  assert.deepEqual(files, ANALYZERS.map((a) => `${camel(a.kind)}.ts`).sort());
});
