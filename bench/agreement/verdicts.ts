// Per-file verdicts of both sides in one shape: the real pytest's (from runCollection's report) and remedy's (from
// scan()). A verdict is the error pytest reports for that file (type, message with the root made `<ROOT>`) or null.
import { dirname } from "node:path";
import type { ScanResult } from "../../src/analyze/scanResult.ts";
import type { CollectionReport, RaisedException } from "../../src/verify/index.ts";
import { rel } from "./realPackages.ts";

export interface FileError {
  type: string;
  message: string;
}

export interface Verdicts {
  /** Test file (or conftest.py failing during collection) -> its error; null when it collected. */
  files: Map<string, FileError | null>;
  /** A start-up failure that stopped the whole session (conftest at start-up, usage error). */
  session: FileError | null;
}

/** The root path in messages, in every spelling, replaced so two trees at different paths compare equal. */
export function normalizer(root: string): (m: string) => string {
  return (m) => m.split(root).join("<ROOT>");
}

/** pytest names non-builtin exceptions with their module; both sides are compared on the class name. */
const bare = (type: string | null): string => (type ?? "").split(".").pop()!;

/** Files below a directory whose conftest.py failed are never collected nor reported (pytest skips the whole
 *  directory, nested conftests included): neither side's verdict on them is observable. */
function pruneBelowFailedConftests(files: Map<string, FileError | null>): void {
  const dead = [...files]
    .filter(([f, e]) => e !== null && (f === "conftest.py" || f.endsWith("/conftest.py")))
    .map(([f]) => dirname(f));
  for (const f of [...files.keys()]) {
    if (dead.some((d) => (d === "." || f.startsWith(`${d}/`)) && f !== `${d}/conftest.py` && f !== "conftest.py"))
      files.delete(f);
  }
}

/** pytest quotes a traceback in some usage errors ("This error occurred:" then the frames of its own code):
 *  only its last line, the exception, is compared. */
function usageMessage(message: string): string {
  const at = message.indexOf("This error occurred:\n\n");
  if (at < 0) return message;
  const quoted = message
    .slice(at + "This error occurred:\n\n".length)
    .split("\n")
    .filter((l) => l.trim() !== "");
  return `${message.slice(0, at)}This error occurred:\n\n${quoted[quoted.length - 1]?.trim() ?? ""}`;
}

export function pytestVerdicts(report: CollectionReport, root: string): Verdicts {
  const norm = normalizer(root);
  const files = new Map<string, FileError | null>();
  for (const f of report.files) files.set(f.relpath ?? rel(root, f.path), null);
  for (const e of report.errors) {
    const key = e.conftest ? rel(root, e.conftest) : (e.relpath ?? e.nodeid);
    // pytest prints its own text for a basename clash, not the exception's args (which the plugin records).
    const mismatch = bare(e.exceptionType) === "ImportPathMismatchError";
    files.set(key, { type: bare(e.exceptionType), message: norm(mismatch ? e.longrepr.trim() : e.message) });
  }
  pruneBelowFailedConftests(files);
  const c = report.conftestError;
  let session: FileError | null = c ? { type: bare(c.exceptionType), message: norm(c.message) } : null;
  if (!session && report.usageError) session = { type: "UsageError", message: usageMessage(report.usageError) };
  if (!session && report.startupError)
    session = { type: report.startupError.exceptionType, message: norm(report.startupError.message) };
  // Exit 3: pytest's internal error (e.g. a module calling sys.exit() at import), the session is lost.
  if (!session && report.exitCode === 3) session = { type: "InternalError", message: report.stderrTail ?? "" };
  if (!session && report.session === null) session = { type: "Crash", message: report.stderrTail ?? "" };
  return { files, session };
}

export function remedyVerdicts(result: ScanResult): Verdicts {
  const norm = normalizer(result.rootdir);
  const files = new Map<string, FileError | null>();
  for (const t of result.testFiles) files.set(t.file, null);
  let session: FileError | null = null;
  for (const f of result.findings) {
    if (f.severity !== "error" || f.hidden) continue;
    const type = bare(f.kind === "conftest-error" ? (f.cause?.exceptionType ?? f.exceptionType) : f.exceptionType);
    const message = norm(f.kind === "conftest-error" ? (f.cause?.message ?? f.message) : f.message);
    if (f.kind === "conftest-error" && f.message.startsWith("ImportError while loading conftest")) {
      session = { type, message };
      continue;
    }
    if (f.kind === "config-error") {
      // A configuration stop is the session's (a start-up one blocks every file; one met after collection,
      // such as an unknown key under strict config, blocks none).
      session ??= { type: bare(f.exceptionType ?? "UsageError"), message: norm(f.message) };
      continue;
    }
    if (f.kind === "conftest-error") {
      // The conftest's directory collects nothing: its files are not reported one by one.
      files.set(f.file, { type, message });
      continue;
    }
    for (const t of f.blocks.testFiles) if (!files.get(t)) files.set(t, { type, message });
  }
  pruneBelowFailedConftests(files);
  return { files, session };
}

/** Why an import failed at run time for reasons a static scan cannot see; null when it is a static failure. */
export type RuntimeCause = "shared-library" | "raised-at-import" | "missing-dependency" | "other-runtime";

const STATIC_MESSAGES = [
  /^No module named '[^']+'$/,
  /^cannot import name '[^']+' from (partially initialized module )?'[^']+'/,
  /^cannot import name '[^']+' from '[^']+' \(unknown location\)$/,
  /^name '[^']+' is not defined$/,
  /^(partially initialized )?module '[^']+' has no attribute '[^']+'/,
  /^attempted relative import/,
  /^import file mismatch:/,
];
const STATIC_TYPES = new Set([
  "ImportError",
  "ModuleNotFoundError",
  "NameError",
  "AttributeError",
  "ImportPathMismatchError",
]);

/** Classifies pytest's error by its type, message and the raising line only (never by remedy's answer). */
export function runtimeCause(
  e: FileError,
  raised: Pick<RaisedException, "frames"> | null,
  isInstalled: (top: string) => boolean,
  inRepo: (top: string) => boolean,
): RuntimeCause | null {
  if (/\.so\b|shared object|undefined symbol|DLL load/.test(e.message)) return "shared-library";
  const last = raised?.frames.at(-1)?.source ?? "";
  if (/^raise\b/.test(last)) return "raised-at-import";
  if (e.type === "SyntaxError" || e.type === "IndentationError" || e.type === "TabError") return null;
  if (e.type === "Failed" || e.type === "UsageError") return null;
  if (!STATIC_TYPES.has(e.type)) return "other-runtime";
  if (!STATIC_MESSAGES.some((re) => re.test(e.message))) return "other-runtime";
  const missing = /^No module named '([^'.]+)/.exec(e.message);
  if (missing && !isInstalled(missing[1]!) && !inRepo(missing[1]!)) return "missing-dependency";
  return null;
}
