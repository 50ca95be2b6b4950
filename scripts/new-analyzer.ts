// `npm run new:analyzer -- NAME`: the scaffold of a new finding kind, as knip's is for plugins. It writes the kind's
// analyzer file (src/analyze/kinds/<camelName>.ts: its documentation and a `run` that reports nothing yet, with the
// TODOs a first version needs), adds its line to the registry (src/analyze/analyzerRegistry.ts), creates its fixture
// folder (test/fixtures/scan/NAME/) and regenerates the JSON schema's kind enums (scripts/scan-schema.ts). The type
// FindingKind, `remedy rules`, the terminal labels and SARIF's rules follow from the registry by themselves.
// test/architecture/newAnalyzer.test.ts runs it on a copy of the repository.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
const KINDS = join(root, "src/analyze/kinds");
const REGISTRY = join(root, "src/analyze/analyzerRegistry.ts");

function fail(message: string): never {
  console.error(`new:analyzer: ${message}`);
  process.exit(2);
}

const kind = process.argv[2] ?? "";
if (process.argv.length !== 3 || !/^[a-z][a-z0-9]*(-[a-z0-9]+)+$|^[a-z][a-z0-9]*$/.test(kind)) {
  fail("usage: npm run new:analyzer -- NAME   (NAME is the finding kind in kebab-case, e.g. shadowed-fixture)");
}
const camel = kind.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase());
const snake = kind.replaceAll("-", "_");
const file = join(KINDS, `${camel}.ts`);
const fixture = join(root, "test/fixtures/scan", kind);

// Refuse before writing anything: a kind that exists, a file or fixture in the way.
const taken = readdirSync(KINDS).some((f) => readFileSync(join(KINDS, f), "utf8").includes(`const kind = "${kind}";`));
if (taken) fail(`the finding kind ${kind} exists already (src/analyze/kinds/)`);
for (const path of [file, fixture]) if (existsSync(path)) fail(`${relative(root, path)} exists already`);
const registry = readFileSync(REGISTRY, "utf8");
const listEnd = registry.indexOf("] as const;");
const lastImport = registry.lastIndexOf('from "./kinds/');
if (listEnd < 0 || lastImport < 0) fail("src/analyze/analyzerRegistry.ts no longer has the shape this script edits");

const analyzer = `// ${kind}: TODO one sentence: what stops (or may stop) pytest from collecting, and what remedy reads to know it
// (the session's configuration, the test files' facts, the import-time model's failures).
import type { Analyzer } from "../analyzer.ts";

const kind = "${kind}";

export const ${camel}: Analyzer<typeof kind> = {
  kind,
  // TODO: as the terminal report names it, before the subject ("missing name \`X\`").
  label: "${kind.replaceAll("-", " ")}",
  // TODO: "import" (the code is wrong), "configuration" (pytest's settings are) or "environment" (the interpreter is).
  category: "configuration",
  severity: "error",
  // TODO: true when a codemod can fix it whenever remedy is certain of it.
  fixable: false,
  whatItIs: "TODO: what the finding is, in one sentence.",
  whyItMatters: "TODO: what pytest does when it meets it: the exception, which files fail to collect, the exit code.",
  example: ["# TODO: a minimal case, as Python source or configuration", "[pytest]"].join("\\n"),
  run(_input, _context) {
    // TODO: one finding per root cause, with findingId(kind, file, line, name) as its id and blastRadius(...) for
    // the test files it blocks. kinds/unknownMarker.ts reads facts and configuration; kinds/missingName.ts reports
    // failures the import-time model predicts. A kind that blocks test files also needs its root key in rootKeys.ts
    // and its place in reportedFailures.ts (which error pytest reports first for a file).
    return [];
  },
};
`;

const updatedRegistry =
  registry.slice(0, registry.indexOf("\n", lastImport) + 1) +
  `import { ${camel} } from "./kinds/${camel}.ts";\n` +
  registry.slice(registry.indexOf("\n", lastImport) + 1, listEnd) +
  `  ${camel},\n` +
  registry.slice(listEnd);

const readme = `TODO: one line saying what this case exercises (what the test files do, and the error pytest reports).

Keep the tree minimal, then record what the real pytest says about it (never by hand):

    python3 test/fixtures/scan/record.py test/fixtures/scan/${kind}

That writes \`expected.json\` (see ../README.md); \`npm run snapshots:update ${kind}\` then writes remedy's own output
beside it, and test/scan/fixtures.test.ts and test/snapshot/snapshots.test.ts compare both from then on.
`;

writeFileSync(file, analyzer);
writeFileSync(REGISTRY, updatedRegistry);
mkdirSync(join(fixture, "tests"), { recursive: true });
writeFileSync(join(fixture, "pytest.ini"), "[pytest]\npythonpath = .\ntestpaths = tests\n");
writeFileSync(join(fixture, "README.md"), readme);
writeFileSync(
  join(fixture, "tests", `test_${snake}.py`),
  `# TODO: the smallest test module that shows ${kind} (see README.md).\n\n\ndef test_${snake}():\n    pass\n`,
);

// Imports sorted and lines wrapped as \`npm run format\` would, then the schema's enums from the new registry.
const run = (command: string, args: string[]) => {
  const result = spawnSync(command, args, { cwd: root, encoding: "utf8" });
  if (result.status !== 0) fail(`${[command, ...args].join(" ")} failed:\n${result.stdout}${result.stderr}`);
};
run(join(root, "node_modules/.bin/biome"), ["check", "--write", "--vcs-enabled=false", file, REGISTRY]);
run(process.execPath, ["--import", "tsx", join(root, "scripts/scan-schema.ts")]);

console.log(`wrote ${relative(root, file)}
added ${camel} to ${relative(root, REGISTRY)}
created ${relative(root, fixture)}/ (pytest.ini, README.md, tests/test_${snake}.py)
regenerated the kind enums of schema/scan.schema.json

Next: fill in the TODOs of ${relative(root, file)}, write the fixture, record it
(python3 test/fixtures/scan/record.py ${relative(root, fixture)}), npm run snapshots:update ${kind},
and check with \`remedy rules ${kind}\`. Optional: an effort rule in src/plan/estimatedEffort.ts (1 point until then).`);
