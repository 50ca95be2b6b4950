// The report stage's public face: the reporter registry (format name -> reporter, loaded lazily) and its types.
export { auditText } from "./auditText.ts";
export { checkText } from "./checkText.ts";
export { historyText } from "./historyText.ts";
export type { Report, Reporter, ReportOptions } from "./reporter.ts";
export { loadReporter, REPORT_FORMAT_DESCRIPTIONS, REPORT_FORMATS, UnknownFormatError } from "./reporterRegistry.ts";
export { verifyText } from "./verifyText.ts";
