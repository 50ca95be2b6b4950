// Format name -> reporter, loaded on demand so a scan pays only for the format it prints.
import { RemedyError } from "../errors.ts";
import type { Reporter } from "./reporter.ts";

const REPORTERS: Record<string, () => Promise<Reporter>> = {
  terminal: async () => (await import("./terminal.ts")).terminalReport,
  json: async () => (await import("./json.ts")).jsonReport,
  md: async () => (await import("./markdown.ts")).markdownReport,
  sarif: async () => (await import("./sarif.ts")).sarifReport,
};

export const REPORT_FORMATS = Object.keys(REPORTERS);

export class UnknownFormatError extends RemedyError {
  override name = "UnknownFormatError";
  constructor(format: string) {
    super(`unknown report format '${format}' (known: ${REPORT_FORMATS.join(", ")})`);
  }
}

export async function loadReporter(format: string): Promise<Reporter> {
  const load = REPORTERS[format];
  if (!load) throw new UnknownFormatError(format);
  return load();
}
