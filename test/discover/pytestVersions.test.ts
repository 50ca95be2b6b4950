// The installed pytest's version decides: on every fixture under test/fixtures/discover/versions, remedy's scan
// with --python of a venv with pytest 8.4.2, then of one with pytest 9.1.1, must say what that venv's real pytest
// says (errors, collected files and counts, exit code, usage error). The verdicts recorded in each expected.json
// (record.py, run with each venv's interpreter) must still be pytest's, and must differ between the versions
// except where a case says why not.
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { scan } from "../../src/scan/scan.ts";
import { type Expected, predictedVerdict } from "../scan/pytestVerdict.ts";
import { pytestVenv } from "./pytestVenvs.ts";

const FIXTURES = join(import.meta.dirname, "..", "fixtures", "discover", "versions");
const RECORD = join(FIXTURES, "record.py");

/** Cases whose verdict is the same in 8.4.2 and 9.1.1, and what they guard. */
const SAME: Record<string, string> = {
  "strict-addopts": "pytest 9.0 ignored --strict-markers in addopts; 8 and 9.1 apply it",
  "logging-ini-keys": "ini keys pytest's logging plugin registers through a helper: known in both",
  "plugin-ini-keys": "installed plugins' ini keys and markers: known in both",
};

const cases = readdirSync(FIXTURES, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

/** The verdict without what remedy does not predict in this shape (where a traceback ends, warnings). */
function comparable(verdict: Expected): Expected {
  const copy: Expected = JSON.parse(JSON.stringify(verdict));
  for (const e of Object.values(copy.errors)) delete e.at;
  if (copy.conftestError) delete copy.conftestError.at;
  delete (copy as { warnings?: unknown }).warnings;
  return copy;
}

function live(python: string): Promise<Record<string, Expected>> {
  return new Promise((resolve, reject) => {
    execFile(python, [RECORD, "--print"], { encoding: "utf8", maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) =>
      error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(JSON.parse(stdout)),
    );
  });
}

const VERSIONS = [
  { name: "pt8", pytest: "8.4.2" },
  { name: "pt9", pytest: "9.1.1" },
];

for (const { name, pytest } of VERSIONS) {
  // One venv and one pytest run (all cases) per version, shared by its tests.
  const venv = pytestVenv(name, pytest);
  const verdicts = venv.then((v) => (typeof v === "string" ? null : live(v.python)));
  verdicts.catch(() => {}); // awaited by the tests
  for (const c of cases) {
    test(`pytest ${pytest}: remedy agrees with the real pytest on ${c}`, async (t) => {
      const v = await venv;
      if (typeof v === "string") {
        t.skip(`no venv with pytest ${pytest}: ${v}`);
        return;
      }
      const real = (await verdicts)?.[c];
      assert.ok(real, `pytest ${pytest} gave no verdict for ${c}`);
      const recorded = JSON.parse(readFileSync(join(FIXTURES, c, "expected.json"), "utf8"))[pytest];
      assert.deepEqual(real, recorded, `expected.json is no longer what pytest ${pytest} says: run record.py again`);
      const dir = join(FIXTURES, c);
      const scanned = scan(dir, { python: v.python, cache: false });
      if (real.usageError && real.exitCode === 4 && Object.keys(real.collected).length === 0) {
        // pytest refuses the configuration before collecting: remedy refuses it too, with pytest's message (a
        // configuration it cannot read), or predicts the session's usage error (a warning filter it cannot import).
        const message = real.usageError.split("<ROOT>").join(dir).split(" Please use")[0] ?? "";
        const refused = await scanned.then(
          (result) => result,
          (e: Error) => {
            assert.equal(e.name, "ConfigError");
            assert.ok(e.message.includes(message), `${e.message} does not say: ${message}`);
            return null;
          },
        );
        if (refused === null) return;
      }
      const result = await scanned;
      assert.deepEqual(predictedVerdict(result), comparable(real));
    });
  }
}

test("each version fixture shows a difference between pytest 8 and 9 (or says why not)", () => {
  for (const c of cases) {
    const recorded = JSON.parse(readFileSync(join(FIXTURES, c, "expected.json"), "utf8"));
    assert.deepEqual(Object.keys(recorded).sort(), ["8.4.2", "9.1.1"], c);
    const same = JSON.stringify(recorded["8.4.2"]) === JSON.stringify(recorded["9.1.1"]);
    assert.equal(same, c in SAME, `${c}: ${same ? "same verdict in both versions" : "verdicts differ"}`);
  }
});
