// The import-time model against the real pytest: every expected.json under test/fixtures/scan and
// test/fixtures/graph was recorded by running pytest (test/fixtures/scan/record.py); the model's first certain
// failure per file (and the start-up conftest failure) must match it word for word.
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { test } from "node:test";
import { buildCollectionModel } from "../../src/graph/index.ts";
import { stdlib } from "../scan/pytestVerdict.ts";
import { fixtureInput, loadOracleFacts, oracleFacts } from "./fixtureSession.ts";

const FIXTURES = resolve(import.meta.dirname, "../fixtures");

interface Expected {
  errors: Record<string, { type: string; message: string }>;
  collected: Record<string, number>;
  exitCode: number;
  conftestError?: { file: string; type: string; message: string };
}

export interface Verdict {
  errors: Record<string, { type: string; message: string }>;
  conftestError?: { file: string; type: string; message: string };
}

/** What the model predicts in expected.json's terms (import errors only: markers/config are other stages'). */
export function predict(root: string): Verdict {
  const input = fixtureInput(root);
  const model = buildCollectionModel(input, oracleFacts(root));
  const verdict: Verdict = { errors: {} };
  const norm = (m: string) => m.split(root).join("<ROOT>").split(stdlib()).join("<STDLIB>");
  if (model.startupFailure) {
    const f = model.startupFailure.failure;
    verdict.conftestError = {
      file: relative(root, model.startupFailure.conftest),
      type: f.exceptionType,
      message: norm(f.message),
    };
    return verdict;
  }
  // A conftest failing during collection is reported on its directory, which then collects nothing.
  const deadDirs: string[] = [];
  for (const outcome of model.files) {
    if (deadDirs.some((d) => outcome.path.startsWith(`${d}/`))) continue;
    const first = outcome.failures[0];
    if (first && first.certainty === "certain") {
      const dir = dirname(outcome.path);
      if (outcome.role === "conftest") deadDirs.push(dir);
      const key = relative(root, outcome.role === "conftest" ? dir : outcome.path) || ".";
      verdict.errors[key] = { type: first.exceptionType, message: norm(first.message) };
      // --maxfail / -x: pytest stops collecting after that many errors.
      if (input.maxfail !== null && Object.keys(verdict.errors).length >= input.maxfail) break;
    }
  }
  return verdict;
}

/** Import-related part of a recorded verdict. */
function importView(exp: Expected): Verdict {
  const errors: Verdict["errors"] = {};
  for (const [file, e] of Object.entries(exp.errors)) {
    if (/Error$/.test(e.type) && e.type !== "Failed") errors[file] = { type: e.type, message: e.message };
  }
  const v: Verdict = { errors };
  if (exp.conftestError) {
    const { file, type, message } = exp.conftestError;
    v.conftestError = { file, type, message };
  }
  return v;
}

/** Cases whose verdict needs CPython's compile() of the bytes (an undecodable file, a NUL byte): scan() asks it, the
 *  model alone (on oracle facts) does not, so they are checked by test/scan/fixtures.test.ts only. */
const NEEDS_COMPILE_CHECK = new Set(["undecodable-modules"]);

const cases = ["scan", "graph"].flatMap((area) => {
  const dir = join(FIXTURES, area);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((c) => existsSync(join(dir, c, "expected.json")) && !NEEDS_COMPILE_CHECK.has(c))
    .sort()
    .map((c) => `${area}/${c}`);
});

loadOracleFacts(cases.map((c) => join(FIXTURES, c)));

for (const c of cases) {
  test(`${c}: model agrees with the real pytest`, () => {
    const root = join(FIXTURES, c);
    const expected = JSON.parse(readFileSync(join(root, "expected.json"), "utf8")) as Expected;
    assert.deepEqual(predict(root), importView(expected));
  });
}
