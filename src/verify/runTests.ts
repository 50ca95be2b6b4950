// `remedy verify --run`: runs the tests themselves with the real pytest and reads the JUnit XML it writes into a
// scratch directory. Collection errors do not stop the run (--continue-on-collection-errors): they are counted
// as errors beside the tests that ran. remedy never schedules processes itself; `-n` is pytest-xdist's.
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import {
  CollectionTimeoutError,
  InterpreterNotFoundError,
  PytestCrashError,
  PytestNotInstalledError,
  XdistMissingError,
} from "./errors.ts";
import { type JUnitReport, readJUnit } from "./junit.ts";
import { lastLine, lastLines, runProcess } from "./runProcess.ts";

export interface RunTestsOptions {
  /** Interpreter to run pytest with; default "python3". */
  python?: string;
  /** Directory pytest runs in. */
  cwd: string;
  /** Paths and options passed to pytest after remedy's own. */
  args?: string[];
  /** Kill the run after this long; default 30 minutes. */
  timeoutMs?: number;
  env?: NodeJS.ProcessEnv;
  /** pytest-xdist's `-n` value ("4", "auto"); checked to be installed first. */
  workers?: string;
}

export interface TestRun extends JUnitReport {
  /** pytest's exit code: 0 all passed, 1 some failed, 2 interrupted, 5 no tests ran. */
  exitCode: number;
  /** The pytest arguments remedy passed (after `python -m pytest`), scratch paths included. */
  args: string[];
  /** pytest's summary line ("2 passed, 1 failed, 1 skipped in 0.12s"), when it printed one. */
  summary: string | null;
  durationMs: number;
}

const RUN_TIMEOUT_MS = 30 * 60 * 1000;
const CRASH_LINES = 15;

/** Whether `python` can import `module` (importlib's find_spec: nothing is imported). */
export async function hasModule(
  python: string,
  module: string,
  cwd: string,
  env?: NodeJS.ProcessEnv,
): Promise<boolean> {
  const code = `import importlib.util, sys; sys.exit(0 if importlib.util.find_spec(${JSON.stringify(module)}) else 1)`;
  const run = await runProcess(python, ["-c", code], cwd, env ?? process.env, 60_000);
  if (run.spawnError) throw new InterpreterNotFoundError(python, run.spawnError.code ?? run.spawnError.message);
  return run.exitCode === 0;
}

export async function runTests(options: RunTestsOptions): Promise<TestRun> {
  const python = options.python ?? "python3";
  const env: NodeJS.ProcessEnv = { ...(options.env ?? process.env), PYTHONDONTWRITEBYTECODE: "1" };
  if (options.workers !== undefined && !(await hasModule(python, "xdist", options.cwd, env)))
    throw new XdistMissingError(python, options.workers);
  const scratch = await mkdtemp(join(tmpdir(), "remedy-run-"));
  const junit = join(scratch, "junit.xml");
  const args = [
    "-q",
    `--junitxml=${junit}`,
    "--continue-on-collection-errors",
    "-o",
    `cache_dir=${join(scratch, "pytest_cache")}`,
    ...(options.workers !== undefined ? ["-n", options.workers] : []),
    ...(options.args ?? []),
  ];
  const timeoutMs = options.timeoutMs ?? RUN_TIMEOUT_MS;
  const started = performance.now();
  try {
    const run = await runProcess(python, ["-m", "pytest", ...args], options.cwd, env, timeoutMs);
    const durationMs = Math.round(performance.now() - started);
    if (run.spawnError) throw new InterpreterNotFoundError(python, run.spawnError.code ?? run.spawnError.message);
    if (run.timedOut) throw new CollectionTimeoutError(timeoutMs, "pytest (running the tests)");
    if (/No module named pytest\b/.test(run.stderr) && !existsSync(junit))
      throw new PytestNotInstalledError(python, lastLine(run.stderr) ?? "No module named pytest");
    // 0, 1, 2 and 5 are verdicts on the tests; 3 (internal error), 4 (usage error), a signal or no report is pytest
    // failing to run them.
    const verdict = run.exitCode !== null && [0, 1, 2, 5].includes(run.exitCode);
    if (!verdict || !existsSync(junit)) {
      throw new PytestCrashError(python, run.exitCode, lastLines(`${run.stdout}\n${run.stderr}`, CRASH_LINES));
    }
    const report = readJUnit(await readFile(junit, "utf8"));
    const summary =
      /^=*\s*(.*\d+ (passed|failed|skipped|errors?|deselected|xfailed|xpassed|warnings?|no tests ran)\b.*?)\s*=*$/m;
    const lines = run.stdout.split("\n").reverse();
    const line = lines.find((l) => summary.test(l));
    return { ...report, exitCode: run.exitCode!, args, summary: line ? summary.exec(line)![1]! : null, durationMs };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}
