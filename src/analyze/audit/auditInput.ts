// What the audit analyzers read: the same model the collection analyzers read, plus remedy's own configuration.
// Filled by src/scan (scan's phases up to the model), so the audit stays pure and testable on hand-built input.
import type { RemedyConfig } from "../../discover/index.ts";
import type { AnalysisInput } from "../analysisInput.ts";

export interface AuditInput {
  analysis: AnalysisInput;
  config: RemedyConfig;
  /** Repository-relative path with forward slashes. */
  rel(path: string): string;
}
