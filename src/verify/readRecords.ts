// Turns the JSON lines written by plugin/remedy_collect.py into the parts of a CollectionReport. The plugin writes
// one record per event as it happens, so a run cut short still yields everything seen up to that point.
import type {
  CollectedFile,
  CollectionError,
  CollectionReport,
  ConftestStartupError,
  RecordedWarning,
  SessionInfo,
} from "./collectionReport.ts";

export type RecordedParts = Pick<
  CollectionReport,
  | "session"
  | "markers"
  | "files"
  | "errors"
  | "conftestError"
  | "usageError"
  | "startupError"
  | "internalError"
  | "warnings"
> & {
  /** The exit status pytest's session reported, when it got that far. */
  sessionExitStatus: number | null;
};

type Rec = Record<string, unknown> & { record: string };

export function readRecords(text: string): RecordedParts {
  const parts: RecordedParts = {
    session: null,
    markers: { configured: null, final: null },
    files: [],
    errors: [],
    conftestError: null,
    usageError: null,
    startupError: null,
    internalError: null,
    warnings: [],
    sessionExitStatus: null,
  };
  const lines = text.split("\n").filter((l) => l.trim() !== "");
  for (const [i, line] of lines.entries()) {
    let parsed: Rec;
    try {
      parsed = JSON.parse(line) as Rec;
    } catch (e) {
      // Only the last line can be cut short (a killed run); anything else is a plugin bug.
      if (i === lines.length - 1) break;
      throw e;
    }
    const { record, ...rest } = parsed;
    switch (record) {
      case "session":
        parts.session = { ...(rest as unknown as Omit<SessionInfo, "sysPath">), sysPath: null };
        break;
      case "syspath":
        if (parts.session) parts.session.sysPath = rest.sysPath as string[];
        break;
      case "markers":
        if (rest.phase === "configured") parts.markers.configured = rest.lines as string[];
        else parts.markers.final = rest.lines as string[];
        break;
      case "file":
        parts.files.push(rest as unknown as CollectedFile);
        break;
      case "error":
        parts.errors.push(rest as unknown as CollectionError);
        break;
      case "conftestError": {
        const { conftest: _, ...err } = rest;
        parts.conftestError = err as unknown as ConftestStartupError;
        break;
      }
      case "usageError":
        parts.usageError = (rest.message as string).trimEnd();
        break;
      case "startupError":
        parts.startupError = { exceptionType: rest.exceptionType as string, message: rest.message as string };
        break;
      case "internalError":
        parts.internalError ??= { exceptionType: rest.exceptionType as string, message: rest.message as string };
        break;
      case "warning":
        parts.warnings.push(rest as unknown as RecordedWarning);
        break;
      case "finish":
        parts.sessionExitStatus = rest.exitstatus as number;
        break;
      default:
        throw new Error(`remedy_collect wrote an unknown record '${record}'`);
    }
  }
  return parts;
}
