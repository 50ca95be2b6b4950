// The SARIF report on the example monorepo: valid against the official SARIF 2.1.0 schema, rule ids from the
// registries, fixes that rewrite exactly the text they name, and fingerprints that survive a line move.
// test/fixtures/report/sarif-schema-2.1.0.json is the OASIS TC's draft-07 schema, vendored unchanged from
// github.com/oasis-tcs/sarif-spec, path sarif-2.1/prose/sarif-schema-2.1.0.json at commit
// e0583813964ec43cea53b6b531b402866095ed1f ($id .../Schemata/sarif-schema-2.1.0.json, the one SchemaStore serves).
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { test } from "node:test";
import { pathToFileURL } from "node:url";
import { Ajv } from "ajv";
import ajvFormats from "ajv-formats";
import type { Log, Result } from "sarif";
import type { AuditResult } from "../../src/analyze/audit/auditFinding.ts";
import { sarifReport } from "../../src/report/sarif.ts";
import { scan } from "../../src/scan/index.ts";
import { monorepoCopy } from "./monorepoCopy.ts";

// ajv-formats is CommonJS: under ESM its default import is module.exports, which carries the plugin as `default`.
const addFormats = ajvFormats.default;
const SCHEMA = JSON.parse(
  readFileSync(resolve(import.meta.dirname, "../fixtures/report/sarif-schema-2.1.0.json"), "utf8"),
);
// unicodeRegExp off: the schema's `language` pattern (`...[a-zA-Z]{2}]?$`, a stray bracket) is valid only without
// the u flag, as in the schema's own ECMAScript-without-u reading.
const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
addFormats(ajv);
const validate = ajv.compile(SCHEMA);

const audit: AuditResult = {
  schemaVersion: 1,
  rootdir: "/r",
  findings: [
    {
      id: "duplicate-definition:ExecutionStatus",
      kind: "duplicate-definition",
      severity: "warning",
      subject: "ExecutionStatus",
      message: "ExecutionStatus is defined in 2 modules",
      sites: [
        { file: "shared/types/execution.py", line: 9, module: "shared.types.execution", role: "definition" },
        {
          file: "services/backend/websocket/events.py",
          line: 9,
          module: "services.backend.websocket.events",
          role: "definition",
        },
      ],
      proposal: {
        summary: "Import ExecutionStatus from shared.types.execution everywhere",
        canonical: "shared.types.execution",
        changes: [
          {
            file: "services/backend/websocket/handler.py",
            line: 3,
            from: "from services.backend.websocket.events import ExecutionStatus",
            to: "from shared.types.execution import ExecutionStatus",
          },
        ],
      },
      detail: {},
    },
    {
      id: "latent-cycle:a -> b",
      kind: "latent-cycle",
      severity: "info",
      subject: "a -> b",
      message: "a and b import each other",
      sites: [],
      proposal: null,
      detail: {},
    },
  ],
  services: [],
  debt: { score: 10, level: "LOW", breakdown: [] },
  limitations: [],
};

const fingerprint = (r: Result) => r.partialFingerprints!["remedy/v1"]!;
const where = (r: Result) => r.locations![0]!.physicalLocation!;

test("SARIF of the example validates against the SARIF 2.1.0 schema; rules, levels, locations and fixes", async () => {
  const dir = monorepoCopy();
  const result = await scan(dir, { cache: false });
  const text = sarifReport({ scan: result, audit }, { version: "9.9.9" });
  const log = JSON.parse(text) as Log;
  assert.equal(validate(log), true, JSON.stringify(validate.errors, null, 2));
  const run = log.runs[0]!;
  assert.equal(run.tool.driver.name, "remedy");
  assert.equal(run.tool.driver.version, "9.9.9");
  const rules = run.tool.driver.rules!.map((r) => r.id);
  assert.equal(rules.length, 12 + 6);
  assert.ok(rules.includes("unknown-marker") && rules.includes("latent-cycle"));
  for (const r of run.results!) assert.equal(rules[r.ruleIndex!], r.ruleId);
  assert.equal(run.results!.length, result.findings.length + audit.findings.length);
  assert.deepEqual(
    run.results!.map((r) => r.level),
    [...result.findings.map(() => "error"), "warning", "note"],
  );
  // %SRCROOT% is the rootdir; every other path, pytest's messages included, is relative to it.
  assert.equal(run.originalUriBaseIds!["%SRCROOT%"]!.uri, `${pathToFileURL(dir).href}/`);
  assert.ok(!JSON.stringify({ ...run, originalUriBaseIds: null }).includes(dir));

  const marker = run.results!.find((r) => r.ruleId === "unknown-marker")!;
  assert.deepEqual(where(marker), {
    artifactLocation: { uri: "tests/integration/test_backend_health.py", uriBaseId: "%SRCROOT%" },
    region: { startLine: 9, startColumn: 2 },
  });
  const chained = run.results!.find((r) => r.ruleId === "missing-module")!;
  assert.deepEqual(
    chained.relatedLocations!.map(
      (l) => `${l.physicalLocation!.artifactLocation!.uri}:${l.physicalLocation!.region!.startLine}`,
    ),
    [
      "tests/integration/test_cross_service_error_handling_comprehensive.py:6",
      "services/backend/agents/execution_engine.py:4",
      "services/backend/agents/tool_dispatcher.py:3",
    ],
  );
  assert.equal(new Set(run.results!.map(fingerprint)).size, run.results!.length, "one fingerprint per result");

  // Fixes: only where the text is certain. Applied to the real files, they write what the suggestion says.
  const withFixes = run.results!.filter((r) => r.fixes);
  assert.deepEqual(withFixes.map((r) => r.ruleId).sort(), [
    "duplicate-definition",
    "missing-name",
    "missing-name",
    "missing-name",
  ]);
  const applied = (r: Result) => {
    const change = r.fixes![0]!.artifactChanges[0]!;
    const lines = readFileSync(join(dir, change.artifactLocation.uri!), "utf8").split("\n");
    const { deletedRegion: d, insertedContent } = change.replacements[0]!;
    const line = lines[d.startLine! - 1]!;
    return line.slice(0, d.startColumn! - 1) + insertedContent!.text + line.slice(d.endColumn! - 1);
  };
  const renamed = withFixes.find((r) => r.message.text!.includes("get_redis_manager"))!;
  assert.equal(applied(renamed), "from services.backend.cache.redis_manager import create_redis_manager");
  const relocated = withFixes.find((r) => r.message.text!.includes("UserExecutionContext"))!;
  assert.equal(applied(relocated), "from services.backend.context.user_execution_context import UserExecutionContext");
  const hidden = withFixes.find((r) => r.message.text!.includes("get_settings"))!;
  assert.deepEqual(
    hidden.fixes!.map((f) => f.artifactChanges[0]!.replacements[0]!.insertedContent!.text),
    ["load_settings", "Settings"],
  );
  assert.equal(applied(hidden), "from shared.config import load_settings");
  // ExecutionStatus is imported with another name from two files: no fix is certain there.
  assert.equal(run.results!.find((r) => r.message.text!.includes("`ExecutionStatus`"))!.fixes, undefined);

  const broken = structuredClone(log) as unknown as { runs: { results: { level: string }[] }[] };
  broken.runs[0]!.results[0]!.level = "fatal";
  assert.equal(validate(broken), false);
});

test("fingerprints survive a blank line inserted above a finding; the line they report moves", async () => {
  const dir = monorepoCopy();
  const before = JSON.parse(sarifReport({ scan: await scan(dir, { cache: false }) })) as Log;
  for (const file of ["tests/integration/test_backend_health.py", "services/backend/agents/tool_dispatcher.py"]) {
    const path = join(dir, file);
    writeFileSync(path, `\n${readFileSync(path, "utf8")}`);
  }
  const after = JSON.parse(sarifReport({ scan: await scan(dir, { cache: false }) })) as Log;
  const lines = (log: Log) => new Map(log.runs[0]!.results!.map((r) => [fingerprint(r), where(r).region!.startLine]));
  const [was, now] = [lines(before), lines(after)];
  assert.deepEqual([...now.keys()].sort(), [...was.keys()].sort());
  const moved = [...was].filter(([k, line]) => now.get(k) !== line);
  assert.equal(moved.length, 2);
  for (const [k, line] of moved) assert.equal(now.get(k), line! + 1);
});
