// The pipeline rules of .dependency-cruiser.cjs catch what they promise: run on a copy of src/ with a backward
// import, an import of another stage's internals and a new cycle added, `lint:deps` fails on each; on an unmodified
// copy it passes. Also checks that the rule's one exception (the python scanner's helpers) hides no runtime cycle.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { after, test } from "node:test";

const ROOT = resolve(import.meta.dirname, "../..");
const CONFIG = join(ROOT, ".dependency-cruiser.cjs");
const CRUISE = join(ROOT, "node_modules/dependency-cruiser/bin/dependency-cruise.mjs");

interface Violation {
  from: string;
  to: string;
  rule: { name: string };
  cycle?: { name: string }[];
}

/** Runs the cruiser on `dir`/src as `npm run lint:deps` does (its exit status) and once more for its violations. */
function lintDeps(dir: string): { status: number | null; violations: Violation[] } {
  const script = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")).scripts["lint:deps"];
  assert.equal(script, "depcruise src --config .dependency-cruiser.cjs", "the command this test runs");
  const run = (...extra: string[]) =>
    spawnSync(process.execPath, [CRUISE, "src", "--config", CONFIG, ...extra], { cwd: dir, encoding: "utf8" });
  const plain = run();
  const json = run("--output-type", "json");
  assert.ok(json.stdout, `dependency-cruiser printed nothing: ${json.stderr}`);
  return { status: plain.status, violations: JSON.parse(json.stdout).summary.violations };
}

const scratch = mkdtempSync(join(tmpdir(), "remedy-deps-"));
after(() => rmSync(scratch, { recursive: true, force: true }));

function copyOfSrc(name: string): string {
  const dir = join(scratch, name);
  cpSync(join(ROOT, "src"), join(dir, "src"), { recursive: true });
  return dir;
}

test("lint:deps passes on src/ as it is", () => {
  const { status, violations } = lintDeps(copyOfSrc("clean"));
  assert.deepEqual(violations, []);
  assert.equal(status, 0);
});

test("lint:deps fails on a backward import, an import of a stage's internals and a new cycle", () => {
  const dir = copyOfSrc("broken");
  // discover is earlier than analyze: a backward arrow (through analyze's index.ts, so only the order rule fires).
  appendFileSync(join(dir, "src/discover/fsStat.ts"), '\nimport type { Finding } from "../analyze/index.ts";\n');
  // scan reaching past graph's index.ts into one of its files.
  appendFileSync(
    join(dir, "src/scan/watch.ts"),
    '\nimport type { InterpreterSession } from "../graph/interpreterSession.ts";\n',
  );
  // importTimeModel.ts imports sourceLines.ts: the reverse import closes a cycle.
  appendFileSync(join(dir, "src/graph/sourceLines.ts"), '\nimport "./importTimeModel.ts";\n');
  const { status, violations } = lintDeps(dir);
  assert.notEqual(status, 0);
  const found = new Set(violations.map((v) => `${v.rule.name}: ${v.from} -> ${v.to}`));
  for (const expected of [
    "pipeline-order: src/discover/fsStat.ts -> src/analyze/index.ts",
    "through-index: src/scan/watch.ts -> src/graph/interpreterSession.ts",
  ]) {
    assert.ok(found.has(expected), `${expected} in\n${[...found].join("\n")}`);
  }
  // Every edge of a cycle is reported; each cycle runs through an added import: sourceLines.ts -> importTimeModel.ts,
  // or the backward fsStat.ts -> analyze (analyze imports discover, so that arrow closes a cycle too).
  const cycles = violations.filter((v) => v.rule.name === "no-circular");
  const throughAdded = (names: string[]) =>
    (names.includes("src/graph/sourceLines.ts") && names.includes("src/graph/importTimeModel.ts")) ||
    (names.includes("src/discover/fsStat.ts") && names.includes("src/analyze/index.ts"));
  assert.ok(cycles.some((v) => [v.from, ...(v.cycle ?? []).map((c) => c.name)].includes("src/graph/sourceLines.ts")));
  for (const v of cycles) {
    const names = [v.from, ...(v.cycle ?? []).map((c) => c.name)];
    assert.ok(throughAdded(names), names.join(" -> "));
  }
  assert.equal(violations.length, cycles.length + 2);
});

test("the cycle rule's exception (the python scanner's helpers) covers type-only back edges, no runtime cycle", () => {
  const config = createRequire(import.meta.url)(CONFIG);
  const rule = config.forbidden.find((r: { name: string }) => r.name === "no-circular");
  const exempt = new RegExp(rule.to.via.pathNot);
  const files = readdirSync(join(ROOT, "src/python"))
    .map((f) => `src/python/${f}`)
    .filter((f) => exempt.test(f));
  assert.ok(files.length >= 2, "the exception names files that exist");
  // Imports that survive compilation (everything but `import type`) between the exempted files.
  const runtime = new Map<string, string[]>();
  for (const f of files) {
    const text = readFileSync(join(ROOT, f), "utf8");
    const targets = [...text.matchAll(/^import\s+(?!type\s)[^;]*?from\s+"\.\/([^"]+)"/gms)]
      .map((m) => `src/python/${m[1]}`)
      .filter((t) => files.includes(t));
    runtime.set(f, targets);
  }
  const state = new Map<string, "open" | "done">();
  const visit = (f: string, path: string[]): void => {
    if (state.get(f) === "done") return;
    assert.notEqual(state.get(f), "open", `runtime import cycle: ${[...path, f].join(" -> ")}`);
    state.set(f, "open");
    for (const t of runtime.get(f) ?? []) visit(t, [...path, f]);
    state.set(f, "done");
  };
  for (const f of files) visit(f, []);
});
