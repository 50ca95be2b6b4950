// Which error pytest reports for each test file, and which ones sit behind it. Every analyzer asks this one
// place, so a file is blocked by exactly one root cause. Order, as observed with pytest 9: a session-level
// stop (-p plugin, required_plugins, start-up conftest, unknown addopts) blocks everything; then a failing
// conftest of an enclosing directory; then an import file mismatch (before the module runs); then, inside the
// module, whichever failing statement runs first (an import failure or an unregistered marker's decorator).
import { dirname, join, sep } from "node:path";
import type { AnalysisInput } from "./analysisInput.ts";
import { configProblems } from "./configChecks.ts";
import { registeredMarkerNames, unknownMarkerError } from "./markerPolicy.ts";
import { conftestKey, markerKey, mismatchKey } from "./rootKeys.ts";

export interface FileFailures {
  /** The root cause pytest reports for this file, or null when it collects. */
  reported: string | null;
  /** Every root cause present in the file, reported one first. */
  all: string[];
}

export interface Resolution {
  /** The session-level stop, if any: every test file is blocked by it. */
  sessionBlocker: string | null;
  byFile: Map<string, FileFailures>;
  /** For import-file-mismatch: the earlier file that owns the module name. */
  mismatchWith: Map<string, string>;
}

/** The module name pytest's prepend/append import mode gives a test file: its package path, basename last. */
export function testModuleName(file: string, isFile: (p: string) => boolean): string {
  const parts = [file.slice(dirname(file).length + 1).replace(/\.py$/, "")];
  let dir = dirname(file);
  while (isFile(join(dir, "__init__.py"))) {
    parts.unshift(dir.slice(dirname(dir).length + 1));
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return parts.join(".");
}

const isUnder = (file: string, dir: string): boolean => file.startsWith(dir.endsWith(sep) ? dir : dir + sep);

export function resolveReportedFailures(input: AnalysisInput): Resolution {
  const { model, session } = input;
  const problems = configProblems(session).filter((p) => p.stage === "startup");
  const before = problems.filter((p) => p.exitCode === 1 || p.rootKey.startsWith("config-error|required_plugins"));
  const after = problems.filter((p) => !before.includes(p));
  const sessionBlocker =
    before[0]?.rootKey ??
    (model.startupFailure ? conftestKey(model.startupFailure.conftest) : null) ??
    after[0]?.rootKey ??
    null;

  const failingConftests = model.files
    .filter((f) => f.role === "conftest" && f.failures.length > 0 && f.path !== model.startupFailure?.conftest)
    .map((f) => f.path)
    .sort((a, b) => a.length - b.length);
  const outcomes = new Map(model.files.filter((f) => f.role === "test").map((f) => [f.path, f]));
  const registered = registeredMarkerNames(session);
  const byFile = new Map<string, FileFailures>();
  const mismatchWith = new Map<string, string>();
  const imported = new Map<string, string>();

  for (const file of session.testFiles) {
    const events: { key: string; line: number }[] = [];
    const conftest = failingConftests.find((c) => isUnder(file, dirname(c)));
    if (conftest) events.push({ key: conftestKey(conftest), line: -2 });
    let mismatch = false;
    if (!conftest && session.importMode !== "importlib") {
      const name = testModuleName(file, input.isFile);
      const owner = imported.get(name);
      if (owner !== undefined && owner !== file) {
        events.push({ key: mismatchKey(file), line: -1 });
        mismatchWith.set(file, owner);
        mismatch = true;
      }
    }
    for (const f of outcomes.get(file)?.failures ?? []) {
      const step = f.chain.find((s) => s.file === file);
      events.push({ key: f.rootKey, line: step?.line ?? f.line });
    }
    const facts = input.facts(file);
    for (const use of facts.pytest.markers) {
      if (registered.has(use.name) || use.name.startsWith("_")) continue;
      if (unknownMarkerError(session, use.name).outcome === "warning") continue;
      events.push({ key: markerKey(use.name), line: use.line });
    }
    // Stable sort: import failures keep the model's order among themselves.
    events.sort((a, b) => a.line - b.line);
    const all = [...new Set(events.map((e) => e.key))];
    const reported = sessionBlocker ?? all[0] ?? null;
    if (sessionBlocker) all.unshift(sessionBlocker);
    byFile.set(file, { reported, all: [...new Set(all)] });
    // A module that raised while executing is removed from sys.modules; only a clean import keeps the name.
    if (!sessionBlocker && !conftest && !mismatch && reported === null) {
      imported.set(testModuleName(file, input.isFile), file);
    }
  }
  return { sessionBlocker, byFile, mismatchWith };
}
