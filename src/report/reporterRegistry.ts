// Format name -> reporter, loaded on demand so a scan pays only for the format it prints.
import { RemedyError } from "../errors.ts";
import type { Reporter } from "./reporter.ts";

interface ReporterEntry {
  /** What the format is for, in the CLI's help and the README's flag reference. */
  description: string;
  load: () => Promise<Reporter>;
}

const REPORTERS: Record<string, ReporterEntry> = {
  terminal: {
    description: "for a person at a terminal (colours on a TTY)",
    load: async () => (await import("./terminal.ts")).terminalReport,
  },
  json: {
    description: "the scan as JSON (schema/scan.schema.json; with audit and plan: schema/report.schema.json)",
    load: async () => (await import("./json.ts")).jsonReport,
  },
  md: {
    description: "the remediation report as Markdown",
    load: async () => (await import("./markdown.ts")).markdownReport,
  },
  html: {
    description: "the remediation report as one self-contained HTML file",
    load: async () => (await import("./html.ts")).htmlReport,
  },
  sarif: {
    description: "SARIF 2.1.0 for code scanning (GitHub, GitLab)",
    load: async () => (await import("./sarif.ts")).sarifReport,
  },
};

export const REPORT_FORMATS = Object.keys(REPORTERS);

/** Each format with its description. */
export const REPORT_FORMAT_DESCRIPTIONS: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(REPORTERS).map(([name, entry]) => [name, entry.description]),
);

export class UnknownFormatError extends RemedyError {
  override name = "UnknownFormatError";
  constructor(format: string) {
    super(`unknown report format '${format}' (known: ${REPORT_FORMATS.join(", ")})`);
  }
}

export async function loadReporter(format: string): Promise<Reporter> {
  const entry = REPORTERS[format];
  if (!entry) throw new UnknownFormatError(format);
  return entry.load();
}
