// Why a pytest collection run produced no report: errors a user can cause (wrong interpreter, pytest missing,
// a suite that hangs), each with a message that says what to do. pytest's own verdicts are data, not errors.
import { RemedyError } from "../errors.ts";

export class CollectionRunError extends RemedyError {
  override name = "CollectionRunError";
}

/** The interpreter could not be started at all (no such file, not executable). */
export class InterpreterNotFoundError extends CollectionRunError {
  override name = "InterpreterNotFoundError";
  constructor(
    readonly python: string,
    readonly code: string,
  ) {
    super(`cannot run Python interpreter '${python}' (${code}): give an existing interpreter with --python`);
  }
}

/** The interpreter runs but `import pytest` fails in it. */
export class PytestNotInstalledError extends CollectionRunError {
  override name = "PytestNotInstalledError";
  constructor(
    readonly python: string,
    readonly detail: string,
  ) {
    super(`pytest is not installed for '${python}' (${detail}): install it there or choose another interpreter`);
  }
}

/** pytest did not finish collecting (or, for `remedy verify --run`, running the tests) within the time limit
 *  (the process was killed). */
export class CollectionTimeoutError extends CollectionRunError {
  override name = "CollectionTimeoutError";
  constructor(
    readonly timeoutMs: number,
    readonly command = "pytest --collect-only",
  ) {
    super(`${command} did not finish within ${timeoutMs} ms and was stopped`);
  }
}

/** The interpreter died (a signal, or an exit status pytest never uses) before pytest could report. */
export class InterpreterCrashError extends CollectionRunError {
  override name = "InterpreterCrashError";
  constructor(
    readonly python: string,
    readonly exitCode: number | null,
    readonly signal: string | null,
    readonly stderrTail: string | null,
  ) {
    const how = signal ? `was killed by ${signal}` : `exited with status ${exitCode}`;
    super(`Python interpreter '${python}' ${how} while running pytest${stderrTail ? `: ${stderrTail}` : ""}`);
  }
}

/** pytest itself failed while running the tests (internal error, usage error, no report written): its exit code
 *  and the last lines it printed, which say why. */
export class PytestCrashError extends CollectionRunError {
  override name = "PytestCrashError";
  constructor(
    readonly python: string,
    readonly exitCode: number | null,
    readonly lastLines: string[],
  ) {
    const how =
      exitCode === 3 ? "an internal error (exit 3)" : exitCode === 4 ? "a usage error (exit 4)" : `exit ${exitCode}`;
    super(`pytest (run by '${python}') stopped with ${how}${lastLines.length ? `:\n  ${lastLines.join("\n  ")}` : ""}`);
  }
}

/** `-n` asks for pytest-xdist's workers, but the interpreter cannot import xdist. */
export class XdistMissingError extends CollectionRunError {
  override name = "XdistMissingError";
  constructor(
    readonly python: string,
    readonly workers: string,
  ) {
    super(
      `-n ${workers} needs pytest-xdist, which is not installed for '${python}': install it there (pip install pytest-xdist) or leave -n out`,
    );
  }
}
