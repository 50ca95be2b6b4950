// The machine-readable report: the scan result as-is (schema/scan.schema.json), and with `remedy report` its audit
// and plan beside it (schema/report.schema.json). A report of a scan alone prints exactly what `remedy scan --json`
// always printed, so scripts and snapshots reading it see no change.
import type { Reporter } from "./reporter.ts";

export const jsonReport: Reporter = ({ scan, audit, plan }) =>
  `${JSON.stringify({ ...scan, ...(audit ? { audit } : {}), ...(plan ? { plan } : {}) }, null, 2)}\n`;
