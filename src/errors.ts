// Errors a user can cause (bad arguments, broken config, no interpreter): the CLI prints their message without a
// stack trace and exits 2. Anything else that is thrown is a bug and crashes loudly.
export class RemedyError extends Error {
  override name = "RemedyError";
}

/** A malformed or contradictory configuration file: names the file and, when known, the line. */
export class ConfigFileError extends RemedyError {
  override name = "ConfigFileError";
  constructor(
    readonly file: string,
    readonly line: number | null,
    detail: string,
  ) {
    super(`${file}${line === null ? "" : `:${line}`}: ${detail}`);
  }
}
