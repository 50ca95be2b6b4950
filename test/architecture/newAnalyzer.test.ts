// Adding a finding kind is one analyzer file, one registry line and one fixture, and the rest follows: this runs
// `npm run new:analyzer` (scripts/new-analyzer.ts) on a temporary copy of src/, schema/, scripts/ and
// test/fixtures/scan (never the real tree; package.json, tsconfig and the lint configs beside), then checks that the
// copy still typechecks and keeps the pipeline's rules, that `remedy rules` lists the new kind and that the JSON
// schema's enum has it.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { after, before, test } from "node:test";

const ROOT = resolve(import.meta.dirname, "../..");
let copy = "";

function run(command: string, ...args: string[]): { status: number | null; output: string } {
  const result = spawnSync(command, args, { cwd: copy, encoding: "utf8" });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}
const node = (...args: string[]) => run(process.execPath, "--import", "tsx", ...args);
const bin = (name: string, ...args: string[]) => run(join(copy, "node_modules/.bin", name), ...args);
const read = (path: string) => readFileSync(join(copy, path), "utf8");

before(() => {
  copy = mkdtempSync(join(tmpdir(), "remedy-new-analyzer-"));
  for (const path of [
    "src",
    "schema",
    "scripts",
    "test/fixtures/scan",
    "tsconfig.json",
    "biome.json",
    "package.json",
  ]) {
    cpSync(join(ROOT, path), join(copy, path), { recursive: true });
  }
  cpSync(join(ROOT, ".dependency-cruiser.cjs"), join(copy, ".dependency-cruiser.cjs"));
  symlinkSync(realpathSync(join(ROOT, "node_modules")), join(copy, "node_modules"));
  // The copy has no test/ or bench/ sources: typecheck what it has.
  writeFileSync(
    join(copy, "tsconfig.copy.json"),
    JSON.stringify({ extends: "./tsconfig.json", include: ["src", "scripts"] }),
  );
});

after(() => rmSync(copy, { recursive: true, force: true }));

test("the scaffold writes the analyzer, its registry line, its fixture and the schema's enum", () => {
  const scaffold = node("scripts/new-analyzer.ts", "shadowed-fixture");
  assert.equal(scaffold.status, 0, scaffold.output);

  const analyzer = read("src/analyze/kinds/shadowedFixture.ts");
  assert.match(analyzer, /const kind = "shadowed-fixture";/);
  assert.match(analyzer, /export const shadowedFixture: Analyzer<typeof kind> = \{/);
  for (const field of ["label", "category", "severity", "fixable", "whatItIs", "whyItMatters", "example", "run"]) {
    assert.match(analyzer, new RegExp(`^  ${field}[:(]`, "m"), field);
  }
  const registry = read("src/analyze/analyzerRegistry.ts");
  assert.match(registry, /^import \{ shadowedFixture \} from "\.\/kinds\/shadowedFixture\.ts";$/m);
  assert.match(
    registry,
    /^ {2}parametrizeError,\n {2}shadowedFixture,\n\] as const;$/m,
    "appended last (report order)",
  );

  for (const path of ["pytest.ini", "README.md", "tests/test_shadowed_fixture.py"]) {
    assert.ok(existsSync(join(copy, "test/fixtures/scan/shadowed-fixture", path)), path);
  }
  // No expected.json until pytest is recorded: the fixture and snapshot tests skip it until then.
  assert.ok(!existsSync(join(copy, "test/fixtures/scan/shadowed-fixture/expected.json")));

  const schema = JSON.parse(read("schema/scan.schema.json"));
  assert.equal(schema.$defs.finding.properties.kind.enum.at(-1), "shadowed-fixture");
  assert.ok(!schema.$defs.failure.properties.kind.enum.includes("shadowed-fixture"), "not a failure of the model");
  // Only the enum changed: the rest of the schema is the committed file's, formatted the same way.
  const committed = readFileSync(join(ROOT, "schema/scan.schema.json"), "utf8");
  assert.equal(read("schema/scan.schema.json").replace(',\n            "shadowed-fixture"', ""), committed);
});

test("the copy with the new kind typechecks, lints and keeps the pipeline's rules", () => {
  const tsc = bin("tsc", "--noEmit", "-p", "tsconfig.copy.json");
  assert.equal(tsc.status, 0, tsc.output);
  const biome = bin("biome", "check", "--vcs-enabled=false", "src/analyze", "scripts");
  assert.equal(biome.status, 0, biome.output);
  const deps = bin("depcruise", "src", "--config", ".dependency-cruiser.cjs");
  assert.equal(deps.status, 0, deps.output);
});

test("remedy rules lists the new kind with its documentation", () => {
  const main = `import("${join(copy, "src/cli/main.ts")}").then((m) => m.main(process.argv.slice(1)))`;
  const rules = node("-e", main, "rules", "--json");
  assert.equal(rules.status, 0, rules.output);
  const kinds = JSON.parse(rules.output) as { kind: string; label: string; severity: string }[];
  assert.deepEqual(kinds.at(-1), {
    ...kinds.at(-1),
    kind: "shadowed-fixture",
    label: "shadowed fixture",
    severity: "error",
  });
  const one = node("-e", main, "rules", "shadowed-fixture");
  assert.equal(one.status, 0, one.output);
  assert.match(one.output, /^shadowed-fixture \(shadowed fixture\)/);
});

test("the scaffold refuses a kind that exists, and a name that is not kebab-case", () => {
  const before = read("src/analyze/analyzerRegistry.ts");
  for (const name of ["missing-name", "shadowed-fixture", "Shadowed_Fixture"]) {
    const again = node("scripts/new-analyzer.ts", name);
    assert.equal(again.status, 2, `${name}: ${again.output}`);
  }
  assert.equal(read("src/analyze/analyzerRegistry.ts"), before);
});
