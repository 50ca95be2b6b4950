// The GitHub Actions workflow users copy (docs/ci/github-actions.yml) and the pre-commit hook definition
// (.pre-commit-hooks.yaml) run real remedy commands: each `remedy ...` they run is parsed against the CLI's own
// program (buildProgram), so a renamed flag or command fails here and not in a user's CI. Both files are parsed
// as YAML (the `yaml` package, a dev dependency; skipped, saying so, without it).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { resolve } from "node:path";
import { test } from "node:test";
import type { Command } from "commander";
import { buildProgram } from "../../src/cli/main.ts";

const ROOT = resolve(import.meta.dirname, "../..");
type Yaml = { parse(text: string): unknown };
let yaml: Yaml | null = null;
try {
  yaml = createRequire(import.meta.url)("yaml") as Yaml;
} catch {}
const skip = yaml ? false : "the yaml package is not installed";
const load = (path: string) => yaml!.parse(readFileSync(resolve(ROOT, path), "utf8"));

/** Why `argv` (after `remedy`) is not a command line remedy accepts, or null: the command exists, each flag is one
 *  of its options, an option that takes a value has one, and a value with choices is one of them. */
function problemWith(argv: string[]): string | null {
  const program = buildProgram();
  const [name, ...rest] = argv;
  const command = program.commands.find((c: Command) => c.name() === name);
  if (!command) return `no command \`remedy ${name}\``;
  for (let i = 0; i < rest.length; i++) {
    const token = rest[i]!;
    if (token === "--") break;
    if (!token.startsWith("-")) continue;
    const [flag, inline] = token.split("=", 2) as [string, string | undefined];
    const option = command.options.find((o) => o.long === flag || o.short === flag);
    if (!option) return `\`remedy ${name}\` has no option ${flag}`;
    if (!option.required) continue;
    const value = inline ?? rest[++i];
    if (value === undefined || value.startsWith("-")) return `${flag} needs a value`;
    if (option.argChoices && !option.argChoices.includes(value)) return `${flag} ${value}: not one of its choices`;
  }
  return null;
}

/** Every `remedy ...` line of a shell script (no quoting is used in these files: plain words). */
const remedyLines = (script: string): string[][] =>
  script
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => /^(npx )?remedy /.test(l))
    .map((l) => l.replace(/^npx /, "").split(/\s+/).slice(1));

test("the checker itself refuses what remedy refuses", () => {
  assert.equal(problemWith(["report", "--format", "sarif", "-o", "x.sarif"]), null);
  assert.match(problemWith(["report", "--format", "docx"]) ?? "", /not one of its choices/);
  assert.match(problemWith(["report", "--colour"]) ?? "", /no option --colour/);
  assert.match(problemWith(["gate"]) ?? "", /no command/);
});

test("docs/ci/github-actions.yml runs remedy check and report with real flags and uploads the SARIF it wrote", {
  skip,
}, () => {
  const workflow = load("docs/ci/github-actions.yml") as {
    permissions: Record<string, string>;
    jobs: Record<string, { steps: { run?: string; uses?: string; with?: Record<string, string> }[] }>;
  };
  const steps = Object.values(workflow.jobs).flatMap((j) => j.steps);
  const commands = steps.flatMap((s) => (s.run ? remedyLines(s.run) : []));
  assert.deepEqual(
    commands.map((c) => c[0]),
    ["check", "report"],
  );
  for (const argv of commands) assert.equal(problemWith(argv), null, `remedy ${argv.join(" ")}`);
  const check = commands[0]!;
  assert.equal(check[check.indexOf("--baseline") + 1], ".remedy-baseline.json");
  const report = commands[1]!;
  assert.equal(report[report.indexOf("--format") + 1], "sarif");
  const upload = steps.find((s) => s.uses?.startsWith("github/codeql-action/upload-sarif@"));
  assert.equal(upload?.with?.sarif_file, report[report.indexOf("-o") + 1], "uploads the file the report wrote");
  assert.equal(workflow.permissions["security-events"], "write");
});

test(".pre-commit-hooks.yaml defines remedy-check running a real remedy command on the right files", { skip }, () => {
  const hooks = load(".pre-commit-hooks.yaml") as {
    id: string;
    entry: string;
    args?: string[];
    language: string;
    files: string;
    pass_filenames: boolean;
  }[];
  const hook = hooks.find((h) => h.id === "remedy-check");
  assert.ok(hook);
  assert.ok(["node", "system"].includes(hook.language));
  const [bin, ...argv] = [...hook.entry.split(/\s+/), ...(hook.args ?? [])];
  assert.equal(bin, "remedy");
  assert.equal(problemWith(argv), null, hook.entry);
  assert.equal(argv[0], "check");
  assert.equal(hook.pass_filenames, false, "a whole-repository check: staged file names would be taken as PATH");
  const files = new RegExp(hook.files);
  for (const f of ["pkg/mod.py", "pytest.ini", "pyproject.toml", "setup.cfg", ".remedy-baseline.json"])
    assert.ok(files.test(f), f);
  for (const f of ["README.md", "docs/index.rst"]) assert.ok(!files.test(f), f);
});
