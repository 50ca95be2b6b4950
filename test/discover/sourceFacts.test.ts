// The conftest facts discover reads: collect_ignore lists as pytest would see them, and which bindings are
// computed (then the view says the ignored files cannot be known).
import assert from "node:assert/strict";
import { mkdtempSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { SourceReader } from "../../src/discover/sourceFacts.ts";

const scratch = realpathSync(mkdtempSync(join(tmpdir(), "remedy-source-facts-")));
after(() => rmSync(scratch, { recursive: true, force: true }));

const CASES: [string, string[] | null, string[]][] = [
  ['collect_ignore = ["a.py", \'b.py\']\n', ["a.py", "b.py"], []],
  ['collect_ignore = [\n    "a.py",\n]\n', ["a.py"], []],
  ["collect_ignore: list[str] = []\n", [], []],
  ['import glob\ncollect_ignore = glob.glob("x*")\n', [], ["collect_ignore"]],
  ['collect_ignore = ["a"]\ncollect_ignore += ["b"]\ncollect_ignore.append("c")\n', ["a", "b", "c"], []],
  ["x = 1\n", null, []],
]; // biome-ignore format: a table

test("collect_ignore facts and computed bindings", () => {
  CASES.forEach(([source, ignore, computed], i) => {
    const path = join(scratch, `conftest${i}.py`);
    writeFileSync(path, source);
    const facts = new SourceReader().read(path);
    assert.ok(facts, "the scanner reads it");
    assert.deepEqual(facts.collectIgnore, ignore, source);
    assert.deepEqual(facts.computedCollectIgnore, computed, source);
  });
});
