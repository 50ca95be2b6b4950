// Which error pytest reports for each test file, and which ones sit behind it. Every analyzer asks this one
// place, so a file is blocked by exactly one root cause. Order, as observed with pytest 9: a session-level
// stop (-p plugin, required_plugins, start-up conftest, unknown addopts) blocks everything; then a failing
// conftest of an enclosing directory; then an import file mismatch (found before the module runs); then, inside
// the module, whichever failing statement runs first (an import failure or an unregistered marker's decorator);
// last, once the module imported, a parametrize whose values pytest rejects (parametrizeFailures.ts).
import { dirname, relative, sep } from "node:path";
import type { AnalysisInput } from "./analysisInput.ts";
import { configProblems } from "./configChecks.ts";
import { registeredMarkerNames, unknownMarkerError } from "./markerPolicy.ts";
import { parametrizeFailure } from "./parametrizeFailures.ts";
import { conftestKey, markerKey, parametrizeKey } from "./rootKeys.ts";

export interface FileFailures {
  /** The root cause pytest reports for this file, or null when it collects (as far as remedy knows). */
  reported: string | null;
  /** When the file collects unless a "maybe" failure happens: that failure's root cause. */
  maybe: string | null;
  /** Every root cause present in the file, reported one first. */
  all: string[];
  /** False when collection stopped (--maxfail) before this file: pytest neither reports nor collects it. */
  reached: boolean;
  /** The reported error fails only this class's node (a parametrize on its methods): the module's other items
   *  are collected. */
  onlyClass?: string;
}

/** The failure pytest reports for the session and for each test file (not an import's resolution: that is
 *  src/graph's `Resolution`). */
export interface ReportedFailures {
  /** The session-level stop, if any: every test file is blocked by it. */
  sessionBlocker: string | null;
  byFile: Map<string, FileFailures>;
  /** Set when --maxfail stops collection: the number of errors it stopped after. */
  stoppedAfter: number | null;
}

const isUnder = (file: string, dir: string): boolean => file.startsWith(dir.endsWith(sep) ? dir : dir + sep);

export function resolveReportedFailures(input: AnalysisInput): ReportedFailures {
  const { model, session } = input;
  const problems = configProblems(session).filter((p) => p.stage === "startup");
  // Met before the initial conftests load: -p plugins, warning filter categories, required_plugins.
  const early = ["config-error|required_plugins", "config-error|filterwarnings"];
  const before = problems.filter((p) => p.exitCode === 1 || early.some((k) => p.rootKey.startsWith(k)));
  const after = problems.filter((p) => !before.includes(p));
  // Every start-up stop in pytest's order: the first is reported for the session, the others wait behind it.
  const startupKeys = [
    ...before.map((p) => p.rootKey),
    ...(model.startupFailure ? [conftestKey(model.startupFailure.conftest)] : []),
    ...after.map((p) => p.rootKey),
  ];
  const sessionBlocker = startupKeys[0] ?? null;

  // Only a conftest that certainly fails takes its directory down; one that may fail is a possible finding, and
  // the files below it are judged as if it did not fail.
  const failingConftests = model.files
    .filter(
      (f) =>
        f.role === "conftest" && f.failures[0]?.certainty === "certain" && f.path !== model.startupFailure?.conftest,
    )
    .map((f) => f.path)
    .sort((a, b) => a.length - b.length);
  const outcomes = new Map(model.files.filter((f) => f.role === "test").map((f) => [f.path, f]));
  const registered = registeredMarkerNames(session);
  const byFile = new Map<string, FileFailures>();
  // --maxfail counts collection errors (a failing conftest's directory is one) and stops collecting at the limit.
  const counted = new Set<string>();
  let errors = 0;
  let stoppedAfter: number | null = null;

  for (const file of session.testFiles) {
    // The model's failures are in Python's order; a marker error competes only with the first of them.
    const events: { key: string; line: number }[] = [];
    // The outermost failing conftest is reported; those below it are never imported (they wait behind it).
    const enclosing = failingConftests.filter((c) => isUnder(file, dirname(c)));
    const conftest = enclosing[0];
    for (const c of enclosing) events.push({ key: conftestKey(c), line: -2 });
    const maybeKeys = new Set<string>();
    for (const f of outcomes.get(file)?.failures ?? []) {
      if (f.certainty === "maybe") maybeKeys.add(f.rootKey);
      const step = f.chain.find((s) => s.file === file);
      // pytest checks for a mismatch right after the import, before reporting anything the module did.
      const line = f.kind === "import-file-mismatch" ? -1 : (step?.line ?? f.line);
      events.push({ key: f.rootKey, line });
    }
    const markers = input
      .facts(file)
      .pytest.markers.filter((use) => !registered.has(use.name) && !use.name.startsWith("_"))
      .filter((use) => unknownMarkerError(session, use.name).outcome !== "warning")
      .sort((a, b) => a.line - b.line);
    const firstMarker = markers[0];
    // A failure that may not happen does not hide the marker error after it: the file fails either way, and with
    // the marker error whenever the uncertain one does not happen (the same rule as for certain import failures,
    // which come before maybe ones).
    const firstCertain = events.find((e) => !maybeKeys.has(e.key));
    if (firstMarker && (firstCertain === undefined || firstMarker.line < firstCertain.line)) {
      events.unshift({ key: markerKey(firstMarker.name), line: firstMarker.line });
    }
    for (const use of markers) events.push({ key: markerKey(use.name), line: use.line });
    // A parametrize that rejects its values fails when pytest generates the module's items, after the import:
    // behind every certain failure of the import, before the ones that may not happen.
    const parametrize = parametrizeFailure(input.facts(file), relative(session.rootdir, file), session);
    const parametrizeAt = parametrize ? parametrizeKey(file, parametrize.line) : null;
    if (parametrize) {
      const key = parametrizeKey(file, parametrize.line);
      if (events.some((e) => !maybeKeys.has(e.key))) events.push({ key, line: Number.POSITIVE_INFINITY });
      else events.unshift({ key, line: parametrize.line });
    }
    const all = [...new Set(events.map((e) => e.key))];
    if (stoppedAfter !== null) {
      byFile.set(file, { reported: null, maybe: null, all, reached: false });
      continue;
    }
    // "maybe" failures come after every certain one: a maybe first means the file imports as far as we know.
    const first = all[0] ?? null;
    const firstIsMaybe = first !== null && maybeKeys.has(first);
    const reported = sessionBlocker ?? (firstIsMaybe ? null : first);
    if (sessionBlocker) all.unshift(...startupKeys);
    byFile.set(file, {
      reported,
      maybe: !sessionBlocker && firstIsMaybe ? first : null,
      all: [...new Set(all)],
      reached: true,
      ...(parametrize?.className && reported === parametrizeAt ? { onlyClass: parametrize.className } : {}),
    });
    if (reported && !sessionBlocker && !counted.has(conftest ?? file)) {
      counted.add(conftest ?? file);
      errors += 1;
      if (session.maxfail !== null && session.maxfail > 0 && errors >= session.maxfail) stoppedAfter = errors;
    }
  }
  return { sessionBlocker, byFile, stoppedAfter };
}
