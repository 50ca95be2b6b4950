// `remedy scan` as a user runs it: exit 1 when something blocks collection, 0 when nothing does, 2 for a usage
// error; --json prints the JSON report; no colours when stdout is not a terminal.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { resolve } from "node:path";
import { test } from "node:test";
import { ROOT, RUN, remedy } from "./runCli.ts";

test("remedy scan: exit codes 1 / 0 / 2, JSON on request, plain text off a terminal", async () => {
  const [broken, clean, usage] = await Promise.all([
    remedy("scan", "examples/monorepo", "--no-cache"),
    remedy("scan", "test/fixtures/scan/circular-harmless", "--json", "--no-cache"),
    remedy("scan", "no/such/dir"),
  ]);
  assert.equal(broken.status, 1, broken.stderr);
  assert.match(broken.stdout, /^8 root causes \(\+1 hidden\) · 9\/12 test files blocked · 43\/63 tests blocked/m);
  assert.doesNotMatch(broken.stdout, /\x1b\[/);

  assert.equal(clean.status, 0, clean.stderr);
  const json = JSON.parse(clean.stdout);
  assert.equal(json.schemaVersion, 1);
  assert.equal(json.pytestExitCode, 0);

  assert.equal(usage.status, 2);
  assert.match(usage.stderr, /^remedy: not a directory: .*no\/such\/dir\n$/);
});

test("remedy scan writes only inside the repository (its .remedy/), nothing in the home directory", async () => {
  const { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync } = await import("node:fs");
  const { tmpdir } = await import("node:os");
  const scratch = mkdtempSync(resolve(tmpdir(), "remedy-writes-"));
  try {
    const home = resolve(scratch, "home");
    const repo = resolve(scratch, "repo");
    cpSync(resolve(ROOT, "test/fixtures/scan/missing-name"), repo, { recursive: true });
    mkdirSync(home);
    const env = { ...process.env, HOME: home, XDG_CACHE_HOME: "", REMEDY_CACHE_DIR: "" };
    const r = await new Promise<number | null>((done) => {
      const child = spawn(process.execPath, ["--import", "tsx", "-e", RUN, "scan", repo], { cwd: ROOT, env });
      child.on("close", done);
    });
    assert.equal(r, 1);
    assert.deepEqual(readdirSync(home), []);
    const cache = readdirSync(resolve(repo, ".remedy")).sort();
    assert.ok(cache.includes("interpreters.json") && cache.includes("source-facts.json"), cache.join(", "));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
});

test("remedy scan --env KEY=VALUE decides `if os.environ...` tests with that value, and says so", async () => {
  const dir = "test/fixtures/realworld/environment-branches";
  const [on, off, bad] = await Promise.all([
    remedy("scan", dir, "--no-cache", "--json", "--env", "REMEDY_FIXTURE_ON=1"),
    remedy("scan", dir, "--no-cache", "--json", "--env", "REMEDY_FIXTURE_ON=0"),
    remedy("scan", dir, "--no-cache", "--env", "NO_EQUALS_SIGN"),
  ]);
  const blocked = (r: { stdout: string }) => JSON.parse(r.stdout).collection.blockedTestFiles;
  // With REMEDY_FIXTURE_ON=1 app/core.py imports a name app.helpers lacks (pytest, recorded with that value).
  assert.equal(on.status, 1, on.stderr);
  assert.equal(blocked(on), 1);
  assert.match(on.stdout, /decided with the environment given: REMEDY_FIXTURE_OFF=\(unset\), REMEDY_FIXTURE_ON=1/);
  assert.equal(off.status, 0, off.stderr);
  assert.equal(blocked(off), 0);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /--env NO_EQUALS_SIGN: expected KEY=VALUE/);
});
