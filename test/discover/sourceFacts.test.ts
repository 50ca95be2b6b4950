// The conftest facts discover reads: collect_ignore lists as pytest would see them, and which bindings are
// computed (then the view says the ignored files cannot be known).
import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from "node:fs";
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

test("facts of installed sources are kept in the per-user cache, the repository's are not", () => {
  const cacheDir = join(scratch, "user-cache");
  const site = join(scratch, "site-packages");
  const repo = join(scratch, "repo");
  mkdirSync(site, { recursive: true });
  mkdirSync(repo, { recursive: true });
  const plugin = join(site, "plugin.py");
  const conftest = join(repo, "conftest.py");
  const source = 'def pytest_configure(config):\n    config.addinivalue_line("markers", "slow: slow tests")\n';
  writeFileSync(plugin, source);
  writeFileSync(conftest, source);
  const reader = new SourceReader((p) => p.startsWith(repo), { REMEDY_CACHE_DIR: cacheDir });
  assert.equal(reader.read(plugin)?.registeredMarkers[0]?.text, "slow: slow tests");
  assert.equal(reader.read(conftest)?.registeredMarkers[0]?.text, "slow: slow tests");
  reader.save();
  const stored = JSON.parse(readFileSync(join(cacheDir, "source-facts.json"), "utf8"));
  assert.deepEqual(Object.keys(stored.entries), [plugin]);
  const st = statSync(plugin);
  assert.equal(stored.entries[plugin].stamp, `${st.size}:${st.mtimeMs}`);
  assert.equal(typeof stored.remedy, "string");
});
