// `remedy scan --watch` as a user runs it: the first report, a rescan after an edit that fixes the error (with a
// header naming the file), and after Ctrl-C the last scan's exit code. Plus the library's watchScan: changes in
// .remedy/ (its own cache writes) never trigger a rescan, and a burst of edits makes one rescan.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { appendFileSync, cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { test } from "node:test";
import { watchScan } from "../../src/scan/watch.ts";

const ROOT = resolve(import.meta.dirname, "../..");
const RUN = `import("${ROOT}/src/cli/main.ts").then((m) => m.main(process.argv.slice(1)))`;
const FIXTURE = join(ROOT, "test/fixtures/scan/missing-name");

function until(check: () => boolean, what: string, ms = 30_000): Promise<void> {
  const started = Date.now();
  return new Promise((done, fail) => {
    const tick = () => {
      if (check()) done();
      else if (Date.now() - started > ms) fail(new Error(`timed out waiting for ${what}`));
      else setTimeout(tick, 50);
    };
    tick();
  });
}

test("remedy scan --watch: rescans after an edit, and exits with the last scan's code on SIGINT", async () => {
  const dir = mkdtempSync(join(tmpdir(), "remedy-watch-"));
  try {
    cpSync(FIXTURE, dir, { recursive: true });
    const child = spawn(process.execPath, ["--import", "tsx", "-e", RUN, "scan", dir, "--watch"], { cwd: ROOT });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (b) => (stdout += b));
    child.stderr.on("data", (b) => (stderr += b));
    const exited = new Promise<number | null>((done) => child.on("close", done));
    await until(() => /1 root cause ·/.test(stdout), `the first report (stderr: ${stderr})`);
    assert.match(stdout, /missing name `Account`/);
    appendFileSync(join(dir, "app/models.py"), "\n\nclass Account:\n    pass\n");
    await until(() => /Nothing stops pytest from collecting/.test(stdout), `the rescan (stdout: ${stdout})`);
    assert.match(stdout, /── rescanned after changes to app\/models\.py \(\d+\.\d\d s\) ──/);
    child.kill("SIGINT");
    assert.equal(await exited, 0, stderr);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("watchScan: one rescan per burst of edits, none for remedy's own cache writes", async () => {
  const dir = mkdtempSync(join(tmpdir(), "remedy-watch-"));
  try {
    cpSync(FIXTURE, dir, { recursive: true });
    const changes: string[][] = [];
    const errors: unknown[] = [];
    const watching = await watchScan(
      dir,
      { python: "python3", debounceMs: 200 },
      (_result, changed) => changes.push(changed),
      (e) => errors.push(e),
    );
    // The first scan wrote .remedy/; give any event of that a chance to arrive (it must be ignored).
    await new Promise((r) => setTimeout(r, 500));
    assert.deepEqual(changes, [[]]);
    writeFileSync(join(dir, "app/extra.py"), "X = 1\n");
    appendFileSync(join(dir, "app/models.py"), "\nY = 2\n");
    await until(() => changes.length === 2, "the rescan");
    await new Promise((r) => setTimeout(r, 600));
    watching.close();
    await watching.closed;
    assert.equal(changes.length, 2, JSON.stringify(changes));
    assert.deepEqual(changes[1], ["app/extra.py", "app/models.py"]);
    assert.deepEqual(errors, []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
