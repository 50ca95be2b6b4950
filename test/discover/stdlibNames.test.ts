// Names missing from stdlib modules, asked of the interpreter in one process: answers match what the interpreter
// itself says, unknown when the module is not imported (not stdlib, side effects, a failing import), and cached
// per interpreter in the given cache directory so that a second ask of known pairs spawns nothing.
import assert from "node:assert/strict";
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { askStdlibNames, type NameQuery, queryKey, StdlibNames } from "../../src/discover/stdlibNames.ts";
import { envWithoutCacheDir, python } from "./realPython.ts";

const scratch = realpathSync(mkdtempSync(join(tmpdir(), "remedy-stdlib-names-")));
after(() => rmSync(scratch, { recursive: true, force: true }));
const env = envWithoutCacheDir;

// A wrapper interpreter that logs every run.
const log = join(scratch, "runs");
const wrapper = join(scratch, "python-wrapper");
writeFileSync(log, "");
writeFileSync(wrapper, `#!/bin/sh\necho run >> ${log}\nexec ${python.executable} "$@"\n`);
chmodSync(wrapper, 0o755);
const runs = () => readFileSync(log, "utf8").split("\n").filter(Boolean).length;

const q = (module: string, name: string, how: NameQuery["how"] = "from"): NameQuery => ({ module, name, how });

test("present, missing and unknown names, as the interpreter says", async () => {
  const queries = [
    q("json", "loads"),
    q("os", "path"),
    q("xml", "etree"), // a submodule: what `from xml import etree` imports
    q("importlib", "util", "attr"), // a submodule pytest's process has loaded
    q("os", "remedy_no_such_name"),
    q("asyncio", "remedy_no_such_name", "attr"),
    q("remedy_not_stdlib", "x"), // not a stdlib module
    q("antigravity", "x"), // never imported: it opens a web browser
    q("winreg", "HKEY_CURRENT_USER"), // stdlib, but its import fails off Windows
  ];
  const answers = await askStdlibNames(python, queries, { cacheDir: null, env });
  assert.deepEqual(
    queries.map((x) => answers.get(queryKey(x))),
    ["present", "present", "present", "present", "missing", "missing", "unknown", "unknown", "unknown"],
  );
  const [major, minor] = python.version.split(".").map(Number) as [number, number];
  const removed = await askStdlibNames(python, [q("collections", "Mapping")], { cacheDir: null, env });
  assert.equal(removed.get(queryKey(q("collections", "Mapping"))), major === 3 && minor >= 10 ? "missing" : "present");
});

test("what a star import binds: __all__ when the module has one, else its globals not starting with _", async () => {
  const queries = [
    q("json", "dumps", "star"),
    q("json", "decoder", "star"), // a global of json, but not in json.__all__
    q("_sqlite3", "connect", "star"), // a compiled module without __all__
    q("_sqlite3", "register_adapters_and_converters", "star"),
    q("os.path", "_joinrealpath", "star"), // private: not exported
  ];
  const answers = await askStdlibNames(python, queries, { cacheDir: null, env });
  assert.deepEqual(
    queries.map((x) => answers.get(queryKey(x))),
    ["present", "missing", "present", "missing", "missing"],
  );
});

test("answers are cached per interpreter: a second ask of known pairs spawns nothing, a new pair only is asked", async () => {
  const cache = join(scratch, "cache");
  mkdirSync(cache);
  const interp = { ...python, executable: wrapper };
  const queries = [q("json", "loads"), q("os", "remedy_no_such_name", "attr")];
  const first = await new StdlibNames(interp, { cacheDir: cache, env }).ask(queries);
  assert.equal(runs(), 1);
  assert.ok(existsSync(join(cache, "stdlib-names.json")));
  const again = await new StdlibNames(interp, { cacheDir: cache, env }).ask(queries);
  assert.equal(runs(), 1, "a cache hit spawns nothing");
  assert.deepEqual(again, first);
  const names = new StdlibNames(interp, { cacheDir: cache, env });
  assert.equal(names.empty(), false);
  const more = await names.ask([...queries, q("json", "remedy_no_such_name")]);
  assert.equal(runs(), 2);
  assert.equal(more.get(queryKey(q("json", "remedy_no_such_name"))), "missing");
});

test("without a cache directory nothing is written; a prestarted process answers what it is asked later", async () => {
  const before = readdirSync(scratch).sort();
  const names = new StdlibNames({ ...python, version: `${python.version}-nocache` }, { cacheDir: null, env });
  names.prestart();
  const answers = await names.ask([q("json", "dumps"), q("json", "remedy_no_such_name")]);
  assert.deepEqual([...answers.values()], ["present", "missing"]);
  assert.deepEqual(readdirSync(scratch).sort(), before);
});

test("an interpreter that cannot run answers unknown and never throws", async () => {
  const interp = { ...python, executable: join(scratch, "no-such-python") };
  const answers = await askStdlibNames(interp, [q("os", "remedy_no_such_name")], { cacheDir: null, env });
  assert.equal(answers.get(queryKey(q("os", "remedy_no_such_name"))), "unknown");
});
