// The cache in <repo>/.remedy/ as a user's repository sees it: real files on disk in a temp copy of a fixture.
// A warm scan returns the stored result without rewriting anything; edits, new files, corrupt and foreign caches
// all give the result an uncached scan gives; `cache: false` and `--no-cache` leave no trace.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { test } from "node:test";
import type { ScanResult } from "../../src/analyze/scanResult.ts";
import { scan } from "../../src/scan/scan.ts";

const ROOT = resolve(import.meta.dirname, "../..");
const FIXTURE = join(ROOT, "test/fixtures/cache/basic");

function copyFixture(): string {
  const dir = mkdtempSync(join(tmpdir(), "remedy-cache-"));
  cpSync(FIXTURE, dir, { recursive: true, filter: (src) => !src.includes(".remedy") });
  return dir;
}

/** The parts of a result that do not depend on timing. */
const stable = (r: ScanResult) => ({ ...r, durationMs: 0 });

/** Files in the cache directory with what identifies each version of them. */
function cacheState(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const cache = join(dir, ".remedy");
  for (const name of readdirSync(cache, { recursive: true }) as string[]) {
    const st = statSync(join(cache, name));
    if (st.isFile()) out[name] = `${st.ino}:${st.mtimeMs}:${st.size}`;
  }
  return out;
}

const shards = (dir: string) => readdirSync(join(dir, ".remedy/facts")).map((n) => join(dir, ".remedy/facts", n));

/** Rewrites a facts shard's header as `edit` says, and renames `make_order` in its facts. */
function editShard(file: string, edit: (header: { fingerprint: string }) => void): void {
  const buf = readFileSync(file);
  const len = buf.readUInt32LE(0);
  const header = JSON.parse(buf.toString("utf8", 4, 4 + len));
  edit(header);
  const json = Buffer.from(JSON.stringify(header));
  const size = Buffer.alloc(4);
  size.writeUInt32LE(json.length, 0);
  // Same-length edit of the facts themselves: were they used, `make_order` would be missing from shop.models.
  const body = Buffer.from(
    buf
      .subarray(4 + len)
      .toString("latin1")
      .replaceAll("make_order", "xake_order"),
    "latin1",
  );
  writeFileSync(file, Buffer.concat([size, json, body]));
}

/** Files old enough that their stamps are trusted (edits within 2 s are re-hashed, never trusted). */
function age(dir: string, paths: string[]): void {
  const past = new Date(Date.now() - 60_000);
  for (const p of paths) utimesSync(join(dir, p), past, past);
}

const FILES = ["pytest.ini", "shop/__init__.py", "shop/models.py", "tests/test_models.py", "tests/test_other.py"];

test("cold scan writes .remedy/ (ignored by git); a warm scan returns the same result and rewrites nothing", async () => {
  const dir = copyFixture();
  try {
    age(dir, FILES);
    const cold = await scan(dir, { python: "python3" });
    assert.equal(cold.collection.tests, 3);
    assert.equal(readFileSync(join(dir, ".remedy/.gitignore"), "utf8").trim().split("\n").pop(), "*");
    const before = cacheState(dir);
    assert.ok(before[".gitignore"] && before["scan.json"]);
    assert.ok(Object.keys(before).some((n) => n.startsWith("facts/")));
    const warm = await scan(dir, { python: "python3" });
    assert.deepEqual(stable(warm), stable(cold));
    assert.deepEqual(cacheState(dir), before, "a hit writes nothing");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("an edited source and a new test file are seen: the result is the uncached scan's", async () => {
  const dir = copyFixture();
  try {
    age(dir, FILES);
    await scan(dir, { python: "python3" });
    writeFileSync(join(dir, "shop/models.py"), "class Order:\n    pass\n");
    const edited = await scan(dir, { python: "python3" });
    assert.equal(edited.pytestExitCode, 2);
    assert.match(JSON.stringify(edited.findings), /make_order/);
    assert.deepEqual(stable(edited), stable(await scan(dir, { python: "python3", cache: false })));

    writeFileSync(join(dir, "tests/test_new.py"), "def test_new():\n    pass\n");
    const added = await scan(dir, { python: "python3" });
    assert.equal(added.collection.testFiles, 3);
    assert.deepEqual(stable(added), stable(await scan(dir, { python: "python3", cache: false })));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("an edit that leaves every fact as it was (a comment, a function body) keeps the result; others do not", async () => {
  const dir = copyFixture();
  try {
    age(dir, FILES);
    const cold = await scan(dir, { python: "python3" });
    const models = join(dir, "shop/models.py");
    const source = readFileSync(models, "utf8");
    writeFileSync(models, `${source.replace("return Order(total)", "return Order(total + 0)")}# a comment\n`);
    const stages: string[] = [];
    const reused = await scan(dir, { python: "python3", onProgress: (stage) => stages.push(stage) });
    assert.deepEqual(stable(reused), stable(cold));
    assert.deepEqual(stages, ["discover"], "the model is not rebuilt");
    assert.deepEqual(stable(await scan(dir, { python: "python3", cache: false })), stable(cold));
    // A change of what the module binds is a real change.
    writeFileSync(models, source.replace("def make_order", "def build_order"));
    const renamed = await scan(dir, { python: "python3" });
    assert.equal(renamed.pytestExitCode, 2);
    assert.deepEqual(stable(renamed), stable(await scan(dir, { python: "python3", cache: false })));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a corrupt or foreign-version cache is ignored and rebuilt silently", async () => {
  const dir = copyFixture();
  try {
    age(dir, FILES);
    const cold = await scan(dir, { python: "python3" });
    for (const shard of shards(dir)) writeFileSync(shard, "\x05\x00\x00\x00{{{{{garbage");
    writeFileSync(join(dir, ".remedy/scan.json"), "{not json");
    assert.deepEqual(stable(await scan(dir, { python: "python3" })), stable(cold));
    assert.doesNotThrow(() => JSON.parse(readFileSync(join(dir, ".remedy/scan.json"), "utf8")));

    // Another version's scan.json claiming a different result, and its facts (altered): both must be ignored.
    const stored = JSON.parse(readFileSync(join(dir, ".remedy/scan.json"), "utf8"));
    stored.fingerprint = "another-remedy";
    stored.result.collection.tests = 999;
    writeFileSync(join(dir, ".remedy/scan.json"), JSON.stringify(stored));
    for (const shard of shards(dir)) editShard(shard, (h) => (h.fingerprint = "another-remedy"));
    const again = await scan(dir, { python: "python3" });
    assert.deepEqual(stable(again), stable(cold));
    assert.notEqual(JSON.parse(readFileSync(join(dir, ".remedy/scan.json"), "utf8")).fingerprint, "another-remedy");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("cache: false and `remedy scan --no-cache` read and write nothing", async () => {
  const dir = copyFixture();
  try {
    const result = await scan(dir, { python: "python3", cache: false });
    assert.equal(result.collection.tests, 3);
    assert.equal(existsSync(join(dir, ".remedy")), false);
    const code = await new Promise<number | null>((done) => {
      const run = `import("${ROOT}/src/cli/main.ts").then((m) => m.main(process.argv.slice(1)))`;
      const child = spawn(process.execPath, ["--import", "tsx", "-e", run, "scan", dir, "--no-cache"], {
        cwd: ROOT,
        stdio: "ignore",
      });
      child.on("close", done);
    });
    assert.equal(code, 0);
    assert.equal(existsSync(join(dir, ".remedy")), false);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
