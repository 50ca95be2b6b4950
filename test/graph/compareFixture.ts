// Prints, per test file of a recorded fixture (expected.json), the model's first failure beside pytest's, marking
// disagreements: node --import tsx test/graph/compareFixture.ts DIR
import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { buildCollectionModel } from "../../src/graph/index.ts";
import { fixtureInput, oracleFacts } from "./fixtureSession.ts";

const dir = process.argv[2] as string;
const expected = JSON.parse(readFileSync(`${dir}/expected.json`, "utf8"));
const model = buildCollectionModel(fixtureInput(dir), oracleFacts(dir));
for (const o of model.files) {
  const f = o.failures[0];
  const rel = relative(dir, o.path);
  const mine = f ? `${f.certainty} ${f.exceptionType}: ${f.message.split(dir).join("<ROOT>")}` : "-";
  const e = expected.errors[rel];
  const theirs = e ? `${e.type}: ${e.message}` : "-";
  console.log(`${rel}\n   model:  ${mine}\n   pytest: ${theirs}${mine.endsWith(theirs) ? "" : "   <<<<"}`);
}
