// The synthetic monorepo generator against the real pytest: a clean tree collects with exactly the items the
// plan predicts, the same seed writes the same bytes, and each breakage kind makes collection fail as intended.

import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { BREAKAGE_KINDS, type BreakageRecord } from "../../bench/generate/breakages.ts";
import { GenerateError, generateMonorepo } from "../../bench/generate/generateMonorepo.ts";
import { treeHash } from "../../bench/generate/treeHash.ts";

const root = mkdtempSync(join(tmpdir(), "remedy-generate-"));
after(() => rmSync(root, { recursive: true, force: true }));

function collect(dir: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn("python3", ["-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider"], {
      cwd: dir,
      env: { ...process.env, PYTHONDONTWRITEBYTECODE: "1" },
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, output }));
  });
}

test("a clean 100-module tree collects without errors, with the predicted item count", async () => {
  const dir = join(root, "clean");
  const result = generateMonorepo({ dir, modules: 100, seed: 3 });
  assert.ok(Math.abs(result.modules - 100) <= 2, `modules: ${result.modules}`);
  assert.ok(result.testFiles >= 5 && result.testItems >= 30, `${result.testFiles} files, ${result.testItems} items`);
  const { code, output } = await collect(dir);
  assert.equal(code, 0, output.slice(-3000));
  assert.match(output, new RegExp(`^${result.testItems} tests collected`, "m"));
});

test("the same seed writes a byte-identical tree; another seed does not", () => {
  const a = join(root, "same-a");
  const b = join(root, "same-b");
  const c = join(root, "other");
  generateMonorepo({ dir: a, modules: 150, seed: 11, breakages: ["delete-definition", "module-cycle"] });
  generateMonorepo({ dir: b, modules: 150, seed: 11, breakages: ["delete-definition", "module-cycle"] });
  generateMonorepo({ dir: c, modules: 150, seed: 12, breakages: ["delete-definition", "module-cycle"] });
  assert.equal(treeHash(a), treeHash(b));
  assert.notEqual(treeHash(a), treeHash(c));
});

test("sizes outside 100..10000 and non-empty targets are refused with a clear message", () => {
  assert.throws(() => generateMonorepo({ dir: join(root, "tiny"), modules: 99, seed: 1 }), GenerateError);
  assert.throws(() => generateMonorepo({ dir: join(root, "clean"), modules: 100, seed: 1 }), /not empty/);
});

/** What pytest must print for each kind of breakage. */
function expected(b: BreakageRecord): string {
  switch (b.kind) {
    case "delete-module":
      return `No module named '${b.module}'`;
    case "module-cycle":
      return "from partially initialized module";
    case "unregister-marker":
      return `'${b.name}' not found in \`markers\` configuration option`;
    default:
      return `cannot import name '${b.name}' from '${b.module}'`;
  }
}

test("each breakage kind makes collection fail as intended and is recorded in BREAKAGES.json", async () => {
  const runs = BREAKAGE_KINDS.map((kind) => {
    const dir = join(root, kind);
    const result = generateMonorepo({ dir, modules: 100, seed: 5, breakages: [kind] });
    return { kind, dir, record: result.breakages[0]! };
  });
  // Two at a time: the machine has two cores.
  const outcomes: Array<{ code: number | null; output: string }> = [];
  for (let i = 0; i < runs.length; i += 2) {
    outcomes.push(...(await Promise.all(runs.slice(i, i + 2).map((r) => collect(r.dir)))));
  }
  for (const [i, run] of runs.entries()) {
    const { code, output } = outcomes[i]!;
    const recorded = JSON.parse(readFileSync(join(run.dir, "BREAKAGES.json"), "utf8"));
    assert.deepEqual(recorded.breakages, [run.record]);
    assert.equal(run.record.kind, run.kind);
    assert.ok(code === 2 || code === 4, `${run.kind}: exit ${code}\n${output.slice(-2000)}`);
    assert.ok(
      output.includes(expected(run.record)),
      `${run.kind}: expected ${expected(run.record)}\n${output.slice(-3000)}`,
    );
  }
});
