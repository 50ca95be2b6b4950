// CI's share of `npm run bench:diff`: the scanner must equal the CPython-ast oracle on a fixed sample of the
// interpreter's own library. Skipped only while the scanner is still the stub (detected at run time).
import assert from "node:assert/strict";
import { test } from "node:test";
import { formatResult, runDifferential } from "../../bench/differential.ts";
import { extractFacts } from "../../src/python/index.ts";
import { writeCases } from "./cases.ts";

const skip = scannerIsStub() ? "the scanner has not landed yet" : false;

function scannerIsStub(): boolean {
  try {
    extractFacts(new Uint8Array(), "stub-probe.py");
    return false;
  } catch (e) {
    return String((e as Error).message).includes("has not landed");
  }
}

test("the scanner agrees with the oracle on 300 sampled stdlib/site-packages files", {
  skip: scannerIsStub() ? "the scanner has not landed yet" : false,
  timeout: 120_000,
}, async () => {
  const result = await runDifferential({ sample: 300, seed: 20261124 });
  assert.equal(result.compared, 300);
  assert.equal(result.different, 0, formatResult(result, 10));
});

const cases = skip ? null : runDifferential({ root: writeCases().dir });
// CPython's compiler stage (`return` outside a def) is checked on its own, so a failure names it.
const compilerOnly = (file: string) => file.endsWith("/compilerError.py");

test("the scanner agrees with the oracle on the oracle's own table of cases", { skip, timeout: 60_000 }, async () => {
  const result = await cases!;
  const rest = { ...result, differences: result.differences.filter((d) => !compilerOnly(d.file)) };
  rest.different = rest.differences.length;
  assert.equal(rest.different, 0, formatResult(rest, 10));
});

test("the scanner reports CPython's compiler-stage errors too", { skip }, async () => {
  const result = await cases!;
  assert.deepEqual(
    result.differences.filter((d) => compilerOnly(d.file)),
    [],
  );
});
