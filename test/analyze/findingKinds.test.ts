// The table of finding kinds (src/analyze/findingKinds.ts) is what the JSON schema, the terminal labels and
// `remedy rules` say: this fails when the schema's enums or the analyzer names drift from it.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { test } from "node:test";
import { ANALYZERS, FINDING_KINDS, kindLabel } from "../../src/analyze/index.ts";

const schema = JSON.parse(readFileSync(resolve(import.meta.dirname, "../../schema/scan.schema.json"), "utf8"));
const kinds = FINDING_KINDS.map((k) => k.kind).sort();

test("the JSON schema's finding and failure kinds are the table's", () => {
  assert.deepEqual([...schema.$defs.finding.properties.kind.enum].sort(), kinds);
  assert.deepEqual([...schema.$defs.failure.properties.kind.enum].sort(), kinds);
});

test("every kind names an analyzer of the registry and is documented", () => {
  const ids = new Set(ANALYZERS.map((a) => a.id));
  for (const k of FINDING_KINDS) {
    assert.ok(ids.has(k.analyzer), `${k.kind}: no analyzer ${k.analyzer}`);
    for (const field of [k.label, k.whatItIs, k.whyItMatters, k.example]) assert.ok(field.trim().length > 0, k.kind);
    assert.equal(kindLabel(k.kind), k.label);
  }
  assert.equal(new Set(kinds).size, kinds.length, "a kind listed twice");
});
