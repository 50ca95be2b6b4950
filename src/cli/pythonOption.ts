// The `--python` / `--no-python` pair and `--invocation`, shared by every command that reads a repository.
import { Option } from "commander";
import { RemedyError } from "../index.ts";

/** How pytest is started decides whether the invocation directory is on sys.path. */
export function invocationOption(): Option {
  return new Option(
    "--invocation <how>",
    "how pytest is started: python-m (`python -m pytest`: the directory is on sys.path) or pytest (the script)",
  )
    .choices(["python-m", "pytest"])
    .default("python-m");
}

// commander gives --python as a string, true (default) or false (--no-python).
export function defaultPython(value: string | boolean | undefined): string | null {
  if (value === false) return null;
  if (typeof value === "string") return value;
  return "python3";
}

/** `--env KEY=VALUE` (repeatable): the environment pytest would run in, where it differs from remedy's own. */
export function envOption(): Option {
  return new Option(
    "--env <KEY=VALUE...>",
    "a variable of the environment pytest runs in (default: remedy's own); decides `if os.environ.get(...)` tests",
  );
}

/** remedy's environment with the `--env` assignments over it; a malformed one is a usage error. */
export function environmentWith(assignments: string[] | undefined): NodeJS.ProcessEnv | undefined {
  if (!assignments || assignments.length === 0) return undefined;
  const env = { ...process.env };
  for (const a of assignments) {
    const eq = a.indexOf("=");
    if (eq <= 0) throw new RemedyError(`--env ${a}: expected KEY=VALUE`);
    env[a.slice(0, eq)] = a.slice(eq + 1);
  }
  return env;
}
