// Virtual environments with a given pytest (and the plugins the version fixtures use), made once per machine in
// the OS temp dir (<tmp>/remedy-venvs/<name>) and reused while they still answer with the expected versions.
// pip uses the package index it is configured with; when it cannot install, the venv is null with the reason, and
// the tests that need it skip saying so.
import { execFile } from "node:child_process";
import { mkdirSync, renameSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface Venv {
  name: string;
  pytest: string;
  python: string;
}

/** The plugins every venv gets: their ini keys and markers must be known when they are installed. */
const PLUGINS = ["pytest-asyncio==1.4.0", "pytest-timeout==2.4.0"];
const CHECK = "import pytest, pytest_asyncio, pytest_timeout; print(pytest.__version__)";

function run(command: string, args: string[]): Promise<{ ok: boolean; out: string }> {
  return new Promise((resolve) => {
    execFile(
      command,
      args,
      { encoding: "utf8", timeout: 300_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => resolve({ ok: error === null, out: `${stdout}${stderr}` }),
    );
  });
}

async function ready(python: string, pytest: string): Promise<boolean> {
  const answer = await run(python, ["-c", CHECK]);
  return answer.ok && answer.out.trim() === pytest;
}

/** The venv `name` with pytest==`pytest`, made when missing; a string (why) when pip could not make it. */
export async function pytestVenv(name: string, pytest: string): Promise<Venv | string> {
  const root = join(tmpdir(), "remedy-venvs");
  const dir = join(root, name);
  const python = join(dir, "bin", "python");
  if (await ready(python, pytest)) return { name, pytest, python };
  mkdirSync(root, { recursive: true });
  // Built beside and renamed into place, so that two test processes never see a half-made venv.
  const building = join(root, `.${name}-${process.pid}-${Date.now()}`);
  try {
    const made = await run("python3", ["-m", "venv", building]);
    if (!made.ok) return `python3 -m venv failed: ${made.out.trim().split("\n").pop()}`;
    const pip = await run(join(building, "bin", "python"), [
      "-m",
      "pip",
      "install",
      "--quiet",
      "--retries",
      "0",
      `pytest==${pytest}`,
      ...PLUGINS,
    ]);
    if (!pip.ok) return `pip cannot install pytest==${pytest}: ${pip.out.trim().split("\n").pop()}`;
    if (await ready(python, pytest)) return { name, pytest, python }; // another process made it meanwhile
    rmSync(dir, { recursive: true, force: true });
    try {
      renameSync(building, dir);
    } catch {
      // Another process put its venv there first: use it.
    }
    return (await ready(python, pytest))
      ? { name, pytest, python }
      : `the venv at ${dir} does not import pytest ${pytest}`;
  } finally {
    rmSync(building, { recursive: true, force: true });
  }
}
