// Rewrites the two kind enums of schema/scan.schema.json from the registries: `finding.kind` is every analyzer's kind
// (src/analyze/analyzerRegistry.ts, in report order), `failure.kind` (a conftest-error's cause) the import-time
// model's failure kinds (src/graph: FAILURE_KINDS). The rest of the file stays as written, formatted by biome as
// `npm run format` would, so that the file changes only where a kind came or went. `npm run schema:scan`;
// test/analyze/findingKinds.test.ts fails when the committed file is out of date.
import { spawnSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { FINDING_KINDS } from "../src/analyze/index.ts";
import { FAILURE_KINDS } from "../src/graph/index.ts";

const root = resolve(import.meta.dirname, "..");
const path = join(root, "schema/scan.schema.json");
const schema = JSON.parse(readFileSync(path, "utf8"));
schema.$defs.finding.properties.kind.enum = FINDING_KINDS.map((k) => k.kind);
schema.$defs.failure.properties.kind.enum = [...FAILURE_KINDS];

// Through stdin: biome reads the repository's biome.json for the path it is told, without touching the file.
const biome = spawnSync(
  join(root, "node_modules/.bin/biome"),
  ["format", "--vcs-enabled=false", "--stdin-file-path=schema/scan.schema.json"],
  { cwd: root, input: `${JSON.stringify(schema, null, 2)}\n`, encoding: "utf8" },
);
if (biome.status !== 0) throw new Error(`biome format failed: ${biome.stderr}`);
writeFileSync(path, biome.stdout);
console.log(`wrote ${path}`);
