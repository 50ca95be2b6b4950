// The SSOT analyzers on fixture repositories (real pytest trees): exact findings, proposals, and the exclusions.
import { strict as assert } from "node:assert";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { duplicateDefinitions } from "../../../src/analyze/audit/duplicateDefinitions.ts";
import { duplicateFactories } from "../../../src/analyze/audit/duplicateFactories.ts";
import { runAudit } from "../../../src/analyze/audit/registry.ts";
import { shims } from "../../../src/analyze/audit/shims.ts";
import { splitConsumers } from "../../../src/analyze/audit/splitConsumers.ts";
import { auditInput } from "./auditInput.ts";
import { compact, expected } from "./expected.ts";

const fixture = (name: string) => fileURLToPath(new URL(`../../fixtures/audit/${name}/`, import.meta.url));

test("duplicate-definition and split-consumers: the Status enum and TIMEOUT, importers split", () => {
  const dir = fixture("duplicate-definition");
  const input = auditInput(dir);
  assert.deepEqual(compact(runAudit(input)), expected(dir));
  const [status, timeout] = duplicateDefinitions(input);
  assert.equal(status!.proposal!.canonical, "app.models");
  assert.deepEqual(status!.proposal!.changes, [
    {
      file: "billing/invoice.py",
      line: 1,
      from: "from billing.enums import Status",
      to: "from app.models import Status",
    },
  ]);
  assert.deepEqual(status!.detail.similarity, {
    comparable: true,
    unknown: 0,
    sameBases: true,
    fields: { shared: ["ACTIVE", "DONE"], only: { "billing.enums": ["VOID"] } },
    methods: { shared: [], only: {} },
  });
  assert.equal(timeout!.detail.identical, true);
  assert.equal(splitConsumers(input)[0]!.proposal!.changes.length, 1);
});

test("duplicate-definition: includeTests, ignoreNames and ignore globs", () => {
  const dir = fixture("duplicate-definition");
  const subjects = (cfg: Parameters<typeof auditInput>[1]) =>
    duplicateDefinitions(auditInput(dir, cfg)).map((f) => f.subject);
  assert.deepEqual(
    subjects({ audit: { ignore: [], ignoreNames: ["TIMEOUT"], includeTests: false, minDuplicates: 2 } }),
    ["Status"],
  );
  assert.deepEqual(
    subjects({ audit: { ignore: ["billing/**"], ignoreNames: [], includeTests: false, minDuplicates: 2 } }),
    [],
  );
  assert.deepEqual(subjects({ audit: { ignore: [], ignoreNames: [], includeTests: false, minDuplicates: 3 } }), []);
  // main is conventional even with tests in: never a concept.
  assert.ok(
    !subjects({ audit: { ignore: [], ignoreNames: [], includeTests: true, minDuplicates: 2 } }).includes("main"),
  );
});

test("shim: a re-export-only module, an __init__ re-exporting from outside its package, a two-hop chain", () => {
  const dir = fixture("shim");
  const input = auditInput(dir);
  assert.deepEqual(compact(runAudit(input)), expected(dir));
  const chain = shims(input).find((f) => f.subject.startsWith("Money:"))!;
  assert.deepEqual(chain.proposal!.changes, [
    { file: "shop/cart.py", line: 1, from: "from legacy import Money", to: "from core.money import Money" },
  ]);
  assert.ok(!shims(input).some((f) => f.subject === "pkg"), "pkg/__init__ re-exports its own submodule");
});

test("duplicate-factory: three factories of Client", () => {
  const dir = fixture("duplicate-factory");
  const input = auditInput(dir);
  assert.deepEqual(compact(runAudit(input)), expected(dir));
  assert.equal(duplicateFactories(input)[0]!.proposal!.canonical, "clients.http");
});
