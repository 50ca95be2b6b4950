// The import-time model's records beyond pytest's first error: hidden failures in Python's order (checked by
// fixing each one in a copy and re-running the real pytest), chains, cycles, pytest_plugins at start-up.
import assert from "node:assert/strict";
import { execFile, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { test } from "node:test";
import { promisify } from "node:util";
import { buildCollectionModel } from "../../src/graph/index.ts";
import { fixtureInput, loadOracleFacts, oracleFacts } from "./fixtureSession.ts";

const run = promisify(execFile);
const GRAPH = resolve(import.meta.dirname, "../fixtures/graph");
const SCAN = resolve(import.meta.dirname, "../fixtures/scan");

loadOracleFacts([join(GRAPH, "hidden-chain"), join(GRAPH, "plugins-startup"), join(SCAN, "order-dependent")]);

function model(root: string) {
  return buildCollectionModel(fixtureInput(root), oracleFacts(root));
}

const PYTEST = ["-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider"];
const ENV = { ...process.env, PYTHONDONTWRITEBYTECODE: "1" };

function pytestSync(root: string): { code: number; out: string } {
  const r = spawnSync("python3", PYTEST, { cwd: root, encoding: "utf8", env: ENV });
  return { code: r.status ?? -1, out: `${r.stdout}\n${r.stderr}` };
}

/** The real pytest, run concurrently with others (the machine is small; these runs dominate the test time). */
async function pytest(root: string): Promise<string> {
  const { stdout, stderr } = await run("python3", PYTEST, { cwd: root, env: ENV }).catch((e) => e);
  return `${stdout}\n${stderr}`;
}

test("hidden failures come in Python's order, each with its chain", () => {
  const root = join(GRAPH, "hidden-chain");
  const outcome = model(root).files.find((f) => f.path.endsWith("test_chain.py"));
  assert.ok(outcome);
  assert.deepEqual(
    outcome.failures.map((f) => [f.kind, f.exceptionType, f.message.replace(root, "<ROOT>"), f.certainty]),
    [
      [
        "missing-name",
        "ImportError",
        "cannot import name 'Account' from 'app.models' (<ROOT>/app/models.py)",
        "certain",
      ],
      ["missing-third-party", "ModuleNotFoundError", "No module named 'yaml_not_installed_xyz'", "certain"],
      ["name-error", "NameError", "name 'undefined_handler' is not defined", "certain"],
    ],
  );
  const first = outcome.failures[0];
  assert.deepEqual(first?.chain, [
    {
      file: join(root, "tests/test_chain.py"),
      line: 1,
      statement: "from app.service import open_account",
      module: "test_chain",
    },
    { file: join(root, "app/service.py"), line: 1, statement: "from app.models import Account", module: "app.service" },
  ]);
  assert.equal(first?.rootKey, `missing-name|${join(root, "app/service.py")}|1|Account`);
  assert.deepEqual(model(root).files.find((f) => f.path.endsWith("test_ok.py"))?.failures, []);
});

test("each hidden failure is the one pytest reports once the ones before it are fixed", async () => {
  const root = join(GRAPH, "hidden-chain");
  const failures = model(root).files.find((f) => f.path.endsWith("test_chain.py"))?.failures ?? [];
  assert.equal(failures.length, 3);
  // The first is checked by expected.json; for failure i, a copy with the statements of failures 0..i-1 blanked.
  const tmps: string[] = [];
  try {
    const runs = failures.slice(1).map((f, i) => {
      const tmp = mkdtempSync(join(tmpdir(), "remedy-hidden-"));
      tmps.push(tmp);
      cpSync(root, tmp, { recursive: true });
      const file = join(tmp, "tests/test_chain.py");
      const lines = readFileSync(file, "utf8").split("\n");
      for (const fixed of failures.slice(0, i + 1)) lines[(fixed.chain[0]?.line ?? 1) - 1] = "";
      writeFileSync(file, lines.join("\n"));
      return pytest(tmp).then((out) => ({ out, f }));
    });
    for (const { out, f } of await Promise.all(runs)) {
      assert.ok(out.includes(`${f.exceptionType}: ${f.message}`), `pytest did not report: ${f.message}\n${out}`);
    }
  } finally {
    for (const t of tmps) rmSync(t, { recursive: true, force: true });
  }
});

test("an order-dependent cycle fails where it is entered first, with the cycle recorded", () => {
  const root = join(SCAN, "order-dependent");
  const m = model(root);
  const a = m.files.find((f) => f.path.endsWith("test_a_orders.py"));
  const b = m.files.find((f) => f.path.endsWith("test_b_pricing.py"));
  assert.equal(a?.failures[0]?.kind, "circular-import");
  assert.deepEqual(
    a?.failures[0]?.cycle?.map((s) => `${s.module}:${s.line}`),
    ["shop.orders:1", "shop.pricing:8"],
  );
  assert.deepEqual(b?.failures, []);
});

test("a failing pytest_plugins module stops pytest at start-up, reported through the conftest", () => {
  const root = join(GRAPH, "plugins-startup");
  const m = model(root);
  const failure = m.startupFailure?.failure;
  assert.equal(m.startupFailure?.conftest, join(root, "conftest.py"));
  assert.equal(m.startupFailure?.plugin, "app.fixtures");
  assert.deepEqual(
    failure?.chain.map((s) => `${s.module}:${s.line}`),
    ["conftest:1", "app.fixtures:3", "app.services:1"],
  );
  const result = pytestSync(root);
  assert.equal(result.code, 1);
  assert.ok(result.out.includes(`ImportError: Error importing plugin "app.fixtures": ${failure?.message}`), result.out);
});
