// `--format`: its choices and their help come from the reporter registry (src/report/reporterRegistry.ts), so a format
// registered there is reachable from every command that prints a report.
import { Option } from "commander";
import { REPORT_FORMAT_DESCRIPTIONS, REPORT_FORMATS } from "../index.ts";

export function formatOption(fallback: string, formats: readonly string[] = REPORT_FORMATS): Option {
  const described = formats.map((f) => `${f}: ${REPORT_FORMAT_DESCRIPTIONS[f]}`).join("; ");
  return new Option("--format <format>", `output format (${described})`).choices([...formats]).default(fallback);
}
