// The import-time model: replays a pytest session without running code (initial conftests, then each test
// file's conftests and the file itself, in collection order, sharing one sys.modules) and records what each
// import raises. Complexity: each module executes once (O(its facts)); a failed module is replayed in O(its
// failures x stack depth) set lookups per later importer, in one pass over the stack (InterpreterSession.reraise;
// a replayed failure builds its chain and steps only where they are new); only modules caught in an
// order-dependent import cycle are re-executed: at most 3 times per file while the file has not failed
// (MAX_REEXECUTIONS), and at most 3 times per session once they ran only for the errors hidden behind a file's
// first (InterpreterSession.shadowRerun), so the model runs O(modules) executions, not O(test files x modules)
// (saleor: 235,000 executions before the bound). Top-level lookups are O(sys.path entries) once, then O(new
// entries) (SysPathState).
import { dirname, sep } from "node:path";
import { readFileFacts, settleStaticBranches } from "../python/index.ts";
import type { CollectionModel, FileOutcome, ImportFailure } from "./collectionModel.ts";
import type { GetFacts, GraphInput } from "./graphInput.ts";
import { importModule, newRecord } from "./importMachinery.ts";
import { InterpreterSession, type ModuleRecord } from "./interpreterSession.ts";
import { executeModule } from "./moduleExecution.ts";
import { ModuleIndex, projectNames } from "./moduleIndex.ts";
import { absoluteEntry } from "./pathEvaluation.ts";
import { stdlibAtStartup } from "./preloadedStdlib.ts";
import { COLLECTION_HOOKS, callConftestHook, importPath, importPlugins, STARTUP_HOOKS } from "./pytestImport.ts";
import { DEFAULT_BUILTIN_MODULES } from "./pythonNames.ts";
import { OriginClassifier, type Resolution, resolveModuleName } from "./resolveImport.ts";
import { SourceLines } from "./sourceLines.ts";
import { SysPathState } from "./sysPathState.ts";

export interface ModelOptions {
  /** Share a directory cache between calls (tests, watch mode). */
  index?: ModuleIndex;
}

export function createSession(input: GraphInput, getFacts: GetFacts, options: ModelOptions = {}): InterpreterSession {
  const index = options.index ?? new ModuleIndex();
  const cwd = input.invocationDir ?? input.rootdir;
  const classifier = new OriginClassifier(input.rootdir, input.interpreterSysPath);
  // pytest inserts the `pythonpath` ini entries at the front, keeping their written order.
  const initial = [...input.pythonpath, ...input.interpreterSysPath].map((p) => absoluteEntry(p, cwd));
  const sysPath = new SysPathState(initial, index, classifier);
  const distributions = new Set<string>();
  for (const d of input.distributions ?? []) for (const t of d.topLevel) distributions.add(t);
  const traits = input.interpreter ?? null;
  return new InterpreterSession(
    input,
    (path) => settleStaticBranches(getFacts(path), traits),
    index,
    classifier,
    sysPath,
    new SourceLines(),
    new Set(input.builtinModules ?? DEFAULT_BUILTIN_MODULES),
    distributions,
    cwd,
    () => projectNames(index, input.rootdir),
    executeModule,
  );
}

/** What pytest has imported before any conftest when nothing better is known: itself and its dependencies. */
const PYTEST_PRELOADED = ["pytest", "_pytest", "pluggy", "iniconfig", "packaging"];
/** In sys.modules in every Python process, whatever pytest imported. */
const ALWAYS_LOADED = ["__main__"];

/** Simulates the session. `getFacts` defaults to the scanner (readFileFacts); tests inject the oracle's facts. */
export function buildCollectionModel(
  input: GraphInput,
  getFacts: GetFacts = (path) => readFileFacts(path),
  options: ModelOptions = {},
): CollectionModel {
  const session = createSession(input, getFacts, options);
  const startupImports = input.startupImports ?? [];
  // A start-up import's module is preloaded by runStartupImports, unless the repository provides it.
  const startupTops = new Set(startupImports.map((n) => n.split(".")[0]));
  for (const name of [...ALWAYS_LOADED, ...(input.preloadedModules ?? PYTEST_PRELOADED)])
    if (!startupTops.has(name)) preload(session, name);
  preloadStdlib(session, input.preloadedStdlib?.initial);
  const startupImport = runStartupImports(session, startupImports);
  const files: FileOutcome[] = [];
  const loaded = new Set<string>();
  let startupFailure: CollectionModel["startupFailure"] = null;

  let failedPlugin: string | null = null;
  // Directories whose conftest failed during collection: pytest imports nothing under them. The model still runs
  // their files, for the errors hidden behind, but as after a failure: nothing they load is in sys.modules for
  // the files pytest does import.
  const failedDirs: string[] = [];
  const neverImported = (path: string) => failedDirs.some((d) => path.startsWith(`${d}${sep}`));
  const conftestRecords = new Map<string, ModuleRecord>();
  const run = (path: string, role: "test" | "conftest"): FileOutcome => {
    session.beginFile();
    session.skippable = role === "test";
    if (neverImported(path)) session.stopped = true;
    const rec = importPath(session, path, role);
    if (rec && role === "conftest") conftestRecords.set(path, rec);
    const hadFailure = session.fileFailures.length > 0;
    const plugin = role === "conftest" ? importPlugins(session, path, rec) : null;
    failedPlugin = hadFailure ? null : plugin;
    const outcome: FileOutcome = { path, role, failures: orderFailures(session.fileFailures, session.fileMaybe) };
    if (session.fileSkipped && session.fileFailures.length === 0) outcome.skipped = session.fileSkipped;
    session.endFile();
    files.push(outcome);
    return outcome;
  };

  for (const conftest of input.initialConftests) {
    if (loaded.has(conftest)) continue;
    loaded.add(conftest);
    const outcome = run(conftest, "conftest");
    const first = outcome.failures[0];
    // pytest stops here (exit code 4); the model goes on so that the errors behind it are known too.
    if (!startupFailure && first && first.certainty === "certain") {
      startupFailure = { conftest, failure: first, ...(failedPlugin ? { plugin: failedPlugin } : {}) };
    }
  }
  startupFailure ??= callConftestHooks(session, STARTUP_HOOKS, input.initialConftests, conftestRecords);
  preloadStdlib(session, input.preloadedStdlib?.collection);
  // Conftests of visited directories that hold no test file load when pytest walks past them (entries sorted by
  // name, files and directories together): before the first test file that comes after their directory.
  const pending = (input.visitedConftests ?? [])
    .filter((c) => !loaded.has(c))
    .sort((a, b) => collectionOrder(dirname(a), dirname(b)));
  let next = 0;
  const runConftest = (conftest: string) => {
    if (loaded.has(conftest)) return;
    loaded.add(conftest);
    const never = neverImported(conftest);
    if (run(conftest, "conftest").failures[0]?.certainty === "certain" && !never) failedDirs.push(dirname(conftest));
  };
  for (const test of input.testFiles) {
    while (next < pending.length && collectionOrder(dirname(pending[next] as string), test) < 0)
      runConftest(pending[next++] as string);
    for (const conftest of input.conftestsFor(test)) runConftest(conftest);
    run(test, "test");
  }
  while (next < pending.length) runConftest(pending[next++] as string);
  // pytest_collection_modifyitems / pytest_collection_finish run once everything is collected (also after
  // collection errors); not when pytest stopped at start-up.
  const collectionHook = startupFailure
    ? null
    : callConftestHooks(
        session,
        COLLECTION_HOOKS,
        [...conftestRecords.keys()].filter((c) => !neverImported(c)),
        conftestRecords,
      );
  return {
    startupFailure,
    files,
    ...(startupImport ? { startupImport } : {}),
    ...(collectionHook ? { collectionHook } : {}),
  };
}

/** Hooks of loaded conftests as pytest calls them: each hook in turn, the last registered conftest's first
 *  (pluggy calls implementations last-in first-out). The first certain failure is the session's INTERNALERROR;
 *  what the hooks import stays in sys.modules. The initial conftests' STARTUP_HOOKS run once they are loaded,
 *  every conftest's COLLECTION_HOOKS once collection is done. */
function callConftestHooks(
  session: InterpreterSession,
  hooks: readonly string[],
  conftests: string[],
  records: Map<string, ModuleRecord>,
): CollectionModel["startupFailure"] {
  session.beginFile();
  session.skippable = false;
  let failed: CollectionModel["startupFailure"] = null;
  for (const hook of hooks) {
    for (const conftest of [...new Set(conftests)].reverse()) {
      const rec = records.get(conftest);
      if (!rec || rec.failed || !callConftestHook(session, conftest, rec, hook)) continue;
      const first = orderFailures(session.fileFailures, session.fileMaybe)[0];
      if (first?.certainty === "certain") {
        failed = { conftest, failure: first, hook };
        break;
      }
    }
    if (failed) break;
  }
  session.endFile();
  return failed;
}

/** pytest's own imports at start-up (`from packaging.version import Version`): a module the repository provides
 *  runs from its files, as a file of its own; the first certain failure is pytest's crash. Others are preloaded. */
function runStartupImports(session: InterpreterSession, names: string[]): CollectionModel["startupImport"] {
  let crash: CollectionModel["startupImport"];
  for (const name of names) {
    const top = name.split(".")[0] as string;
    if (session.modules.has(top) && !session.modules.get(top)?.simulated) continue;
    const res = startupResolution(session, top);
    const later = session.sysPath.findTopLevel(top);
    if (!res?.found || res.origin !== "first-party" || later.file !== res.file) {
      preload(session, top);
      continue;
    }
    session.beginFile();
    const site = { file: res.file ?? "", line: 0, col: 0, module: null, certainty: "certain" as const };
    importModule(session, name, site);
    const first = session.fileFailures[0];
    session.endFile();
    if (first && !crash) crash = { module: name, failure: first };
  }
  return crash;
}

/** pytest's walk order of two paths: component by component, names compared as strings (a directory before
 *  everything inside it). */
export function collectionOrder(a: string, b: string): number {
  const pa = a.split(sep);
  const pb = b.split(sep);
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i] as string;
    const y = pb[i] as string;
    if (x !== y) return x < y ? -1 : 1;
  }
  return pa.length - pb.length;
}

/** Certain failures first (the first is pytest's report), then the "maybe" ones. */
function orderFailures(certain: ImportFailure[], maybe: ImportFailure[]): ImportFailure[] {
  return [...certain, ...maybe];
}

/** A module pytest imported itself: opaque, done, found wherever the interpreter found it. */
/** Stdlib modules pytest's start-up imported, in sys.modules as it found them (preloadedStdlib.ts); one it
 *  imports after the initial conftests is not put there when a conftest already imported that name. */
function preloadStdlib(session: InterpreterSession, names: ReadonlySet<string> | undefined): void {
  for (const name of names ?? []) {
    if (session.modules.has(name)) continue;
    const res = stdlibAtStartup(session, name);
    if (res) session.modules.set(name, newRecord(session, name, res));
  }
}

/** Where `top` is found on sys.path as pytest starts: without the `pythonpath` entries, which it inserts only
 *  later. */
function startupResolution(session: InterpreterSession, top: string): Resolution | undefined {
  const cwd = session.input.invocationDir ?? session.input.rootdir;
  const early = session.input.interpreterSysPath.map((p) => absoluteEntry(p, cwd));
  return resolveModuleName(session.index, session.classifier, top, early, session.builtinModules).steps.at(-1);
}

/** A module pytest imported itself (pytest, _pytest, pluggy, iniconfig): not run, found where the interpreter
 *  found it as pytest started. An installed one is read as any installed module (its names, its submodules:
 *  `from _pytest.compat import NAME` that a pytest upgrade removed fails collection); else a stand-in that has
 *  every name. */
function preload(session: InterpreterSession, name: string): void {
  if (session.modules.has(name)) return;
  const found = startupResolution(session, name);
  if (found?.found && found.origin === "third-party" && found.file !== null) {
    session.modules.set(name, newRecord(session, name, found));
    return;
  }
  const res = {
    name,
    found: true,
    kind: "module" as const,
    file: null,
    searchPath: [],
    root: null,
    origin: "third-party" as const,
    tried: [],
  };
  const rec = newRecord(session, name, res);
  rec.isPackage = true;
  session.modules.set(name, rec);
}
