// remedy's own configuration: reading [tool.remedy] / remedy.toml, every validation error path, service inference,
// and the committed JSON Schema being the one the zod schema emits.
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, it } from "node:test";
import { inferServiceRoots, readRemedyConfig, remedyConfigJsonSchema } from "../../src/discover/index.ts";
import { ConfigFileError } from "../../src/errors.ts";

const FIXTURES = resolve(import.meta.dirname, "../fixtures/audit");

/** The ConfigFileError a configuration text raises, as [message without the directory, line]. */
function errorOf(file: "pyproject.toml" | "remedy.toml", text: string): [string, number | null] {
  const dir = mkdtempSync(join(tmpdir(), "remedy-config-"));
  try {
    writeFileSync(join(dir, file), text);
    try {
      readRemedyConfig(dir);
    } catch (e) {
      assert.ok(e instanceof ConfigFileError, String(e));
      return [e.message.replace(`${dir}/`, ""), e.line];
    }
    assert.fail("no error");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe("readRemedyConfig", () => {
  it("reads every key of [tool.remedy], kebab-case audit keys included", () => {
    const config = readRemedyConfig(join(FIXTURES, "config-pyproject"));
    assert.deepEqual(config, {
      source: "pyproject.toml",
      services: { billing: ["services/billing"], orders: ["services/orders"] },
      shared: ["shared"],
      contracts: [
        {
          name: "services are independent",
          kind: "independent",
          modules: ["services.billing", "services.orders"],
          ignore: ["services.orders.api -> services.billing.models"],
        },
        { name: "layers", kind: "layers", modules: ["services.orders.api", "services.orders.domain"] },
      ],
      audit: { ignore: ["scripts/**"], ignoreNames: ["Config"], includeTests: true, minDuplicates: 3 },
      flows: [{ name: "checkout", criticality: "critical", paths: ["services/orders/**"], markers: ["checkout"] }],
    });
  });

  it("prefers remedy.toml (top-level keys) and never reads pyproject's section then", () => {
    const config = readRemedyConfig(join(FIXTURES, "config-remedy-toml"));
    assert.equal(config.source, "remedy.toml");
    assert.deepEqual(config.shared, ["lib"]);
    assert.deepEqual(config.contracts, [
      { name: "no db in api", kind: "forbidden", modules: ["app.api"], forbidden: ["app.db"] },
    ]);
    assert.deepEqual(config.audit, { ignore: [], ignoreNames: [], includeTests: false, minDuplicates: 2 });
  });

  it("gives the defaults and inferred services without configuration", () => {
    const config = readRemedyConfig(join(FIXTURES, "config-inferred"));
    assert.equal(config.source, null);
    assert.deepEqual(config.inferredServices, [
      { name: "billing", path: "billing", kind: "service", evidence: ["Dockerfile"] },
      { name: "common", path: "common", kind: "shared", evidence: [] },
      { name: "orders", path: "orders", kind: "service", evidence: ["tests/"] },
    ]);
  });

  it("infers services under a services/ directory, by its name", () => {
    assert.deepEqual(inferServiceRoots(join(FIXTURES, "config-inferred-container")), [
      { name: "auth", path: "services/auth", kind: "service", evidence: ["under services/", "pyproject.toml"] },
      { name: "billing", path: "services/billing", kind: "service", evidence: ["under services/", "test_models.py"] },
      { name: "shared", path: "services/shared", kind: "shared", evidence: [] },
    ]);
  });

  it("infers services under another directory of Python projects only from their tests or deployment files", () => {
    const dir = mkdtempSync(join(tmpdir(), "remedy-infer-"));
    try {
      for (const sub of ["a", "b"]) {
        mkdirSync(join(dir, "components", sub), { recursive: true });
        writeFileSync(join(dir, "components", sub, "x.py"), "x = 1\n");
      }
      writeFileSync(join(dir, "components", "a", "Dockerfile"), "FROM python\n");
      assert.deepEqual(inferServiceRoots(dir), [
        { name: "a", path: "components/a", kind: "service", evidence: ["Dockerfile"] },
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("does not infer when services are configured", () => {
    assert.equal(readRemedyConfig(join(FIXTURES, "config-pyproject")).inferredServices, undefined);
  });
});

describe("readRemedyConfig errors", () => {
  const cases: [string, "pyproject.toml" | "remedy.toml", string, string, number | null][] = [
    [
      "a value outside an enum",
      "pyproject.toml",
      '[tool.remedy]\nshared = []\n\n[[tool.remedy.contracts]]\nname = "a"\nkind = "independent"\nmodules = ["x", "y"]\n\n[[tool.remedy.contracts]]\nname = "b"\nkind = "layer"\nmodules = ["x", "y"]\n',
      "pyproject.toml:11: tool.remedy.contracts[1].kind: expected one of independent, layers, forbidden, public, got 'layer'",
      11,
    ],
    ["a wrong type", "remedy.toml", 'shared = "lib"\n', "remedy.toml:1: shared: expected array, got 'lib'", 1],
    [
      "a wrong type in a table",
      "pyproject.toml",
      "[tool.remedy.audit]\ninclude-tests = 1\n",
      "pyproject.toml:2: tool.remedy.audit.include-tests: expected boolean, got number 1",
      2,
    ],
    [
      "a non-integer",
      "remedy.toml",
      "[audit]\nmin-duplicates = 2.5\n",
      "remedy.toml:2: audit.min-duplicates: expected an integer, got number 2.5",
      2,
    ],
    [
      "an integer too small",
      "remedy.toml",
      "[audit]\nmin-duplicates = 1\n",
      "remedy.toml:2: audit.min-duplicates: expected at least 2, got number 1",
      2,
    ],
    [
      "an unknown key (snake_case where kebab-case is expected)",
      "pyproject.toml",
      '[tool.remedy.audit]\nignore = []\nignore_names = ["Config"]\n',
      "pyproject.toml:3: tool.remedy.audit.ignore_names: unknown key 'ignore_names'",
      3,
    ],
    [
      "an unknown top-level key",
      "remedy.toml",
      'servces = { a = ["a"] }\n',
      "remedy.toml:1: servces: unknown key 'servces'",
      1,
    ],
    [
      "a service that is not a list of directories",
      "pyproject.toml",
      '[tool.remedy.services]\nbilling = ["billing"]\norders = "orders"\n',
      "pyproject.toml:3: tool.remedy.services.orders: expected array, got 'orders'",
      3,
    ],
    [
      "a missing required key",
      "remedy.toml",
      '[[contracts]]\nname = "a"\nmodules = ["x", "y"]\n',
      "remedy.toml:1: contracts[0].kind: expected one of independent, layers, forbidden, public, got nothing",
      1,
    ],
    [
      "a forbidden contract without `forbidden`",
      "remedy.toml",
      '[[contracts]]\nname = "a"\nkind = "forbidden"\nmodules = ["x"]\n',
      "remedy.toml:1: contracts[0]: a forbidden contract needs `forbidden = [...]`",
      1,
    ],
    [
      "a public contract without `public`",
      "remedy.toml",
      '[[contracts]]\nname = "a"\nkind = "public"\nmodules = ["x"]\n',
      "remedy.toml:1: contracts[0]: a public contract needs `public = [...]`",
      1,
    ],
    [
      "layers with one module",
      "remedy.toml",
      '[[contracts]]\nname = "a"\nkind = "layers"\nmodules = ["x"]\n',
      "remedy.toml:4: contracts[0].modules: a layers contract needs at least 2 modules",
      4,
    ],
    [
      "two contracts of one name",
      "remedy.toml",
      '[[contracts]]\nname = "a"\nkind = "independent"\nmodules = ["x", "y"]\n[[contracts]]\nname = "a"\nkind = "independent"\nmodules = ["x", "z"]\n',
      "remedy.toml:6: contracts[1].name: duplicate contract name 'a'",
      6,
    ],
    [
      "an ignore entry that is not a pair",
      "remedy.toml",
      '[[contracts]]\nname = "a"\nkind = "independent"\nmodules = ["x", "y"]\nignore = ["x.a y.b"]\n',
      "remedy.toml:5: contracts[0].ignore[0]: expected 'importer -> imported', got 'x.a y.b'",
      5,
    ],
    [
      "one directory in two services",
      "remedy.toml",
      '[services]\na = ["svc"]\nb = ["svc/"]\n',
      "remedy.toml:3: services.b: directory 'svc/' already belongs to service 'a'",
      3,
    ],
    [
      "an empty service",
      "remedy.toml",
      "[services]\na = []\n",
      "remedy.toml:2: services.a: expected at least 1 item(s), got fewer",
      2,
    ],
    [
      "a flow's criticality",
      "pyproject.toml",
      '[[tool.remedy.flows]]\nname = "checkout"\ncriticality = "urgent"\n',
      "pyproject.toml:3: tool.remedy.flows[0].criticality: expected one of low, medium, high, critical, got 'urgent'",
      3,
    ],
    [
      "bad TOML syntax, with its line",
      "remedy.toml",
      'shared = ["a"]\n\n[audit\nignore = []\n',
      "remedy.toml:3: invalid TOML:",
      3,
    ],
  ];
  for (const [what, file, text, message, line] of cases)
    it(what, () => {
      const [got, gotLine] = errorOf(file, text);
      if (message.endsWith(":")) assert.ok(got.startsWith(message), got);
      else assert.equal(got, message);
      assert.equal(gotLine, line);
    });

  it("says nothing about a pyproject.toml without [tool.remedy]", () => {
    const dir = mkdtempSync(join(tmpdir(), "remedy-config-"));
    try {
      writeFileSync(join(dir, "pyproject.toml"), "[tool.ruff]\nline-length = 100\n");
      assert.equal(readRemedyConfig(dir).source, null);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("schema/remedy-config.schema.json", () => {
  it("is what scripts/remedy-config-schema.ts writes from the zod schema (run it after changing the schema)", () => {
    // Compared as JSON: biome formats the committed file its own way.
    const committed = readFileSync(resolve(import.meta.dirname, "../../schema/remedy-config.schema.json"), "utf8");
    assert.deepEqual(JSON.parse(committed), remedyConfigJsonSchema());
  });
});
