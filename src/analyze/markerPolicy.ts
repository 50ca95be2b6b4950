// What pytest 9 does with `@pytest.mark.NAME` when NAME is not registered (_pytest/mark/structures.py
// MarkGenerator.__getattr__): fail when strict, raise the warning when a filter makes it an error, else warn.
// Messages are pytest's own, checked against pytest 9.0.3.
import type { PytestSession } from "./analysisInput.ts";

/** Markers pytest registers itself (core plugins call addinivalue_line("markers", ...) for these). */
export const BUILTIN_MARKERS = [
  "filterwarnings",
  "parametrize",
  "skip",
  "skipif",
  "tryfirst",
  "trylast",
  "usefixtures",
  "xfail",
];

const MISSPELT_PARAMETRIZE = new Set(["parameterize", "parametrise", "parameterise"]);

export type MarkerOutcome = "fail" | "warning-error" | "warning";

export interface UnknownMarkerError {
  outcome: MarkerOutcome;
  message: string;
  /** What pytest prints as the exception type in `ERROR test_x.py - TYPE: message`. */
  exceptionType: string;
}

function filterMatchesUnknownMark(filter: string, markerName: string, escapeMessage: boolean): string | null {
  const [action = "", message = "", category = ""] = filter.split(":").map((s) => s.trim());
  if (message) {
    const source = escapeMessage ? message.replace(/[.*+?^${}()|[\]\\]/g, "\\$&") : message;
    try {
      if (!new RegExp(`^(?:${source})`, "i").test(unknownMarkWarning(markerName))) return null;
    } catch {
      return null;
    }
  }
  if (category) {
    const last = category.split(".").pop();
    if (!["Warning", "UserWarning", "PytestWarning", "PytestUnknownMarkWarning"].includes(last ?? "")) return null;
  }
  return action || "default";
}

/** Whether PytestUnknownMarkWarning for this marker is raised as an error: the last matching filter wins
 *  (ini `filterwarnings` first, then `-W` options from addopts, as pytest applies them). */
export function unknownMarkWarningIsError(session: PytestSession, markerName: string): boolean {
  const cmdline: string[] = [];
  const opts = session.addopts;
  for (let i = 0; i < opts.length; i++) {
    const t = opts[i]!;
    if ((t === "-W" || t === "--pythonwarnings") && i + 1 < opts.length) cmdline.push(opts[++i]!);
    else if (t.startsWith("--pythonwarnings=")) cmdline.push(t.slice("--pythonwarnings=".length));
    else if (t.startsWith("-W") && t.length > 2) cmdline.push(t.slice(2));
  }
  let action: string | null = null;
  for (const f of session.filterwarnings) action = filterMatchesUnknownMark(f, markerName, false) ?? action;
  for (const f of cmdline) action = filterMatchesUnknownMark(f, markerName, true) ?? action;
  return action === "error";
}

export function unknownMarkWarning(name: string): string {
  return (
    `Unknown pytest.mark.${name} - is this a typo?  You can register custom marks to avoid this warning - ` +
    "for details, see https://docs.pytest.org/en/stable/how-to/mark.html"
  );
}

/** What happens when a test module evaluates `pytest.mark.NAME` for an unregistered NAME. */
export function unknownMarkerError(session: PytestSession, name: string): UnknownMarkerError {
  if (MISSPELT_PARAMETRIZE.has(name)) {
    return { outcome: "fail", message: `Unknown '${name}' mark, did you mean 'parametrize'?`, exceptionType: "Failed" };
  }
  if (session.strictMarkers) {
    return {
      outcome: "fail",
      message: `'${name}' not found in \`markers\` configuration option`,
      exceptionType: "Failed",
    };
  }
  const message = unknownMarkWarning(name);
  if (unknownMarkWarningIsError(session, name)) {
    return { outcome: "warning-error", message, exceptionType: "pytest.PytestUnknownMarkWarning" };
  }
  return { outcome: "warning", message, exceptionType: "pytest.PytestUnknownMarkWarning" };
}

export function registeredMarkerNames(session: PytestSession): Set<string> {
  return new Set([...BUILTIN_MARKERS, ...session.markers.map((m) => m.name)]);
}
