// The error a user causes with a malformed pytest configuration file (bad TOML/INI, contradictory tables).
// It is a ConfigFileError, so the CLI prints `file:line: detail` and exits 2 without a stack trace.
import { ConfigFileError } from "../errors.ts";

export class ConfigError extends ConfigFileError {
  override name = "ConfigError";
}
