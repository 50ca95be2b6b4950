// Verdicts at the edges of a session, each checked against the real pytest where pytest is the claim: a root
// module that shadows a stdlib module pytest's start-up imports, a tree with no test, a module over --max-bytes,
// a `.remedy` that is a file, and a --python that is no Python.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { test } from "node:test";
import { scan } from "../../src/scan/scan.ts";
import { ROOT, remedy } from "./runCli.ts";

const env = { ...process.env, PYTHONDONTWRITEBYTECODE: "1" };
const ARGS = ["--collect-only", "-q", "-p", "no:cacheprovider"];

function pytest(dir: string, script = false): { status: number | null; output: string } {
  const r = script
    ? spawnSync("pytest", ARGS, { cwd: dir, env, encoding: "utf8" })
    : spawnSync("python3", ["-m", "pytest", ...ARGS], { cwd: dir, env, encoding: "utf8" });
  return { status: r.error ? null : r.status, output: `${r.stdout}${r.stderr}` };
}

function scratch(): string {
  return mkdtempSync(join(tmpdir(), "remedy-edges-"));
}

test("a root json.py shadows the stdlib json pytest imports at start-up: python -m pytest crashes, the script collects", async () => {
  const dir = resolve(ROOT, "test/fixtures/invocation/stdlib-shadow");
  const real = pytest(dir);
  const result = await scan(dir, { cache: false });
  assert.equal(result.pytestExitCode, real.status);
  assert.equal(real.status, 1);
  const [f] = result.findings;
  assert.equal(result.findings.length, 1);
  assert.equal(f?.kind, "config-error");
  assert.equal(f?.file, "json.py");
  assert.deepEqual(f?.blocks.testFiles, ["tests/test_pretty.py"]);
  // pytest's own last line (the repository's json.py lacks JSONEncoder, as an empty module does).
  assert.ok(real.output.includes(`${f?.exceptionType}: ${f?.message}`), `${f?.exceptionType}: ${f?.message}`);

  const viaScript = await scan(dir, { cache: false, invocation: "pytest" });
  assert.deepEqual(
    viaScript.findings.map((x) => [x.kind, x.name]),
    [["missing-name", "dumps_pretty"]],
  );
  assert.equal(viaScript.pytestExitCode, 2);
  const script = pytest(dir, true);
  if (script.status !== null) assert.equal(script.status, 2);
});

test("no test to collect: pytest exits 5 and remedy says so, while remedy itself exits 0", async () => {
  const dir = resolve(ROOT, "test/fixtures/scan/no-tests");
  assert.equal(pytest(dir).status, 5);
  const cli = await remedy("scan", dir, "--no-cache", "--json");
  assert.equal(cli.status, 0, cli.stderr);
  assert.equal(JSON.parse(cli.stdout).pytestExitCode, 5);
});

test("a module over --max-bytes is listed as not read; with the default limit its error is found, as pytest says", async () => {
  const dir = scratch();
  try {
    writeFileSync(join(dir, "pytest.ini"), "[pytest]\n");
    writeFileSync(join(dir, "big.py"), `from nowhere_module import thing\n${"x = 1\n".repeat(400)}`);
    writeFileSync(join(dir, "test_big.py"), "import big\n\n\ndef test_a():\n    pass\n");
    const real = pytest(dir);
    const full = await scan(dir, { cache: false });
    assert.equal(full.pytestExitCode, real.status);
    assert.deepEqual(
      full.findings.map((f) => f.message),
      ["No module named 'nowhere_module'"],
    );
    const limited = await scan(dir, { cache: false, maxBytes: 1000 });
    assert.deepEqual(limited.findings, []);
    assert.ok(limited.limitations.some((l) => /^not read, larger than --max-bytes 1000: big\.py/.test(l)));
    const cli = await remedy("scan", dir, "--max-bytes", "1000", "--no-cache");
    assert.equal(cli.status, 0, cli.stderr);
    assert.match(cli.stdout, /not read, larger than --max-bytes 1000: big\.py/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a .remedy that is a plain file: a clear limitation, a scan without cache, no stack trace", async () => {
  const dir = scratch();
  try {
    cpSync(resolve(ROOT, "test/fixtures/scan/missing-name"), dir, { recursive: true });
    rmSync(join(dir, ".remedy"), { recursive: true, force: true });
    writeFileSync(join(dir, ".remedy"), "not a directory\n");
    const result = await scan(dir);
    assert.equal(result.pytestExitCode, 2);
    assert.ok(
      result.limitations.some(
        (l) => l === `${join(dir, ".remedy")} is not a directory: scanned without the cache (remove or rename it)`,
      ),
    );
    const cli = await remedy("scan", dir);
    assert.equal(cli.status, 1);
    assert.equal(cli.stderr, "");
    assert.match(cli.stdout, /\.remedy is not a directory: scanned without the cache/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("a --python that is no Python: a one-line error naming it, exit 2, never the probe script", async () => {
  const dir = scratch();
  try {
    const fake = join(dir, "fakepy");
    writeFileSync(fake, "#!/bin/sh\necho garbage\n", { mode: 0o755 });
    const cases: [string, RegExp][] = [
      [
        "/bin/echo",
        /^remedy: \/bin\/echo is not a Python interpreter: it printed \d+ lines starting "-c ?" instead of the answer to remedy's probe\n$/,
      ],
      ["/bin/true", /^remedy: \/bin\/true is not a Python interpreter: it printed nothing\n$/],
      [
        fake,
        /^remedy: .*fakepy is not a Python interpreter: it printed "garbage" instead of the answer to remedy's probe\n$/,
      ],
    ];
    for (const [python, expected] of cases) {
      const r = await remedy("scan", "test/fixtures/scan/missing-name", "--no-cache", "--python", python);
      assert.equal(r.status, 2, python);
      assert.match(r.stderr, expected);
      assert.doesNotMatch(r.stderr, /import json/);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
