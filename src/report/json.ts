// The machine-readable report: the scan result as-is, versioned by `schemaVersion` (schema/scan.schema.json).
import type { Reporter } from "./reporter.ts";

export const jsonReport: Reporter = (result) => `${JSON.stringify(result, null, 2)}\n`;
