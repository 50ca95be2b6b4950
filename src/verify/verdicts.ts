// Per-file verdicts of both sides in one shape: the real pytest's (from runCollection's report) and remedy's (from
// a ScanResult). A verdict is the error pytest reports for that file (type, message with the root made `<ROOT>`)
// or null. `remedy verify` and the agreement bench (bench/agreement) compare remedy with pytest through these.
import { dirname, relative } from "node:path";
import type { ScanResult } from "../analyze/index.ts";
import type { CollectionReport } from "./collectionReport.ts";

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

/** remedy's verdicts, each error with the finding (its id) that predicts it. */
export interface PredictedVerdicts extends Verdicts {
  findingOf: Map<string, string>;
  sessionFinding: string | null;
}

/** The key a session-wide error is reported under, beside the test files. */
export const SESSION = "<session>";

const rel = (root: string, p: string) => relative(root, p).split("\\").join("/");

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

/** pytest's report of a basename clash: its own "import file mismatch" text for a test module; for a conftest
 *  imported during collection, a traceback ending in the exception's repr, `ImportPathMismatchError: ('tests.conftest',
 *  '/a/tests/conftest.py', PosixPath('/b/tests/conftest.py'))`, which says the same three things and is put in
 *  the test module's words so that both compare (also given the repr alone, as record.py keeps it). */
export function mismatchText(longrepr: string): string {
  const repr = /\('([^']*)', '([^']*)', \w*Path\('([^']*)'\)\)\s*$/.exec(longrepr);
  if (!repr) return longrepr.trim();
  const [, module, moduleFile, path] = repr as unknown as [string, string, string, string];
  return (
    `import file mismatch:\nimported module '${module}' has this __file__ attribute:\n  ${moduleFile}\n` +
    `which is not the same as the test file we want to collect:\n  ${path}\n` +
    "HINT: remove __pycache__ / .pyc files and/or use a unique basename for your test file modules"
  );
}

export function pytestVerdicts(report: CollectionReport, root: string): Verdicts {
  const norm = normalizer(root);
  const files = new Map<string, FileError | null>();
  for (const f of report.files) files.set(f.relpath ?? rel(root, f.path), null);
  for (const e of report.errors) {
    const key = e.conftest ? rel(root, e.conftest) : (e.relpath ?? e.nodeid);
    // pytest prints its own text for a basename clash, not the exception's args (which the plugin records).
    const mismatch = bare(e.exceptionType) === "ImportPathMismatchError";
    files.set(key, { type: bare(e.exceptionType), message: norm(mismatch ? mismatchText(e.longrepr) : e.message) });
  }
  pruneBelowFailedConftests(files);
  const c = report.conftestError;
  let session: FileError | null = c ? { type: bare(c.exceptionType), message: norm(c.message) } : null;
  if (!session && report.usageError) session = { type: "UsageError", message: usageMessage(report.usageError) };
  if (!session && report.startupError)
    session = { type: report.startupError.exceptionType, message: norm(report.startupError.message) };
  // Exit 3: pytest's internal error (a start-up hook raising, a module calling sys.exit() at import): the session
  // is lost. The exception's last line when the plugin saw it (pytest_internalerror), else stderr's last line.
  const internal = report.internalError;
  if (!session && report.exitCode === 3)
    session = internal
      ? { type: "InternalError", message: norm(`${internal.exceptionType}: ${internal.message}`) }
      : { type: "InternalError", message: report.stderrTail ?? "" };
  if (!session && report.session === null) session = { type: "Crash", message: report.stderrTail ?? "" };
  return { files, session };
}

export function remedyVerdicts(result: ScanResult): PredictedVerdicts {
  const norm = normalizer(result.rootdir);
  const files = new Map<string, FileError | null>();
  const findingOf = new Map<string, string>();
  for (const t of result.testFiles) files.set(t.file, null);
  let session: FileError | null = null;
  let sessionFinding: string | null = null;
  const setSession = (e: FileError, id: string) => {
    if (session) return;
    session = e;
    sessionFinding = id;
  };
  for (const f of result.findings) {
    if (f.severity !== "error" || f.hidden) continue;
    const type = bare(f.kind === "conftest-error" ? (f.cause?.exceptionType ?? f.exceptionType) : f.exceptionType);
    const message = norm(f.kind === "conftest-error" ? (f.cause?.message ?? f.message) : f.message);
    if (f.kind === "conftest-error" && f.message.startsWith("INTERNALERROR> ")) {
      setSession({ type: "InternalError", message: norm(f.message.slice("INTERNALERROR> ".length)) }, f.id);
      continue;
    }
    if (f.kind === "conftest-error" && f.message.startsWith("ImportError while loading conftest")) {
      session = { type, message };
      sessionFinding = f.id;
      continue;
    }
    if (f.kind === "config-error") {
      // A configuration stop is the session's (a start-up one blocks every file; one met after collection,
      // such as an unknown key under strict config, blocks none).
      setSession({ type: bare(f.exceptionType ?? "UsageError"), message: norm(f.message) }, f.id);
      continue;
    }
    if (f.kind === "conftest-error") {
      // The conftest's directory collects nothing: its files are not reported one by one.
      files.set(f.file, { type, message });
      findingOf.set(f.file, f.id);
      continue;
    }
    for (const t of f.blocks.testFiles) {
      if (files.get(t)) continue;
      files.set(t, { type, message });
      findingOf.set(t, f.id);
    }
  }
  pruneBelowFailedConftests(files);
  for (const f of [...findingOf.keys()]) if (!files.has(f)) findingOf.delete(f);
  return { files, session, findingOf, sessionFinding };
}

/** Whether `file` belongs to a run of the test files `only` (a shard): one of them, or a conftest.py above one. */
export function inScope(file: string, only: ReadonlySet<string>): boolean {
  if (only.has(file)) return true;
  if (file !== "conftest.py" && !file.endsWith("/conftest.py")) return false;
  const dir = dirname(file);
  return dir === "." || [...only].some((f) => f.startsWith(`${dir}/`));
}
