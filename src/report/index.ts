// The report stage's public face: the reporter registry (format name -> reporter, loaded lazily) and its types.
export { auditText } from "./auditText.ts";
export { checkText } from "./checkText.ts";
export { historyText } from "./historyText.ts";
export { loadReporter, REPORT_FORMAT_DESCRIPTIONS, REPORT_FORMATS, UnknownFormatError } from "./registry.ts";
export type { Report, Reporter, ReportOptions } from "./reporter.ts";
export { verifyText } from "./verifyText.ts";
