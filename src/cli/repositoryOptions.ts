// The arguments every command that reads a repository takes: the path, pytest's own arguments, which interpreter,
// how pytest is started, its environment, the cache and the file size limit.
import { type Command, InvalidArgumentError } from "commander";
import type { Invocation, ScanOptions } from "../index.ts";
import { defaultPython, environmentWith, envOption, invocationOption } from "./pythonOption.ts";

export interface RepositoryFlags {
  python?: string | boolean;
  cache: boolean;
  invocation: Invocation;
  env?: string[];
  maxBytes?: number;
}

/** A positive number of bytes, or commander's usage error (exit 2). */
function maxBytesArg(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError("expected a positive whole number of bytes");
  return n;
}

/** A positive whole number, or commander's usage error (exit 2). */
export function positiveInt(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError("expected a positive whole number");
  return n;
}

export function withRepositoryOptions(command: Command): Command {
  return command
    .argument("[path]", "the directory pytest would run in", ".")
    .argument("[pytest-args...]", "pytest's own arguments, after `--` (paths, -c, --rootdir, -p, -m, ...)")
    .option("--python <path>", "interpreter pytest runs with (default: python3 on PATH)")
    .option("--no-python", "do not ask any interpreter (sys.path and plugins unknown)")
    .option("--no-cache", "neither read nor write the cache in .remedy/ (a full scan that leaves nothing behind)")
    .option(
      "--max-bytes <n>",
      "do not read Python files larger than this (default 64 MiB; the report lists them)",
      maxBytesArg,
    )
    .addOption(invocationOption())
    .addOption(envOption());
}

export function scanOptionsFrom(flags: RepositoryFlags, pytestArgs: string[]): ScanOptions {
  const env = environmentWith(flags.env);
  return {
    ...(env ? { env } : {}),
    python: defaultPython(flags.python),
    args: pytestArgs,
    cache: flags.cache,
    invocation: flags.invocation,
    ...(flags.maxBytes === undefined ? {} : { maxBytes: flags.maxBytes }),
  };
}
