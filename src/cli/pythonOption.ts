// The `--python` / `--no-python` pair and `--invocation`, shared by every command that reads a repository.
import { Option } from "commander";

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
