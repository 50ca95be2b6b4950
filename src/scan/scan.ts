// The scan pipeline: discover (pytest's view of the repository) -> facts -> the import-time model -> analyzers.
// Returns data; printing belongs to reporters and the CLI.
import { statSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import type { AnalysisInput } from "../analyze/index.ts";
import { buildScanResult, relPath, runAnalyzers, type ScanResult } from "../analyze/index.ts";
import { cacheDirOf, ensureCacheDir } from "../cache/index.ts";
import { findExecutable, type Invocation, pytestRootdir, pytestView } from "../discover/index.ts";
import { buildCollectionModel, type CollectionModel } from "../graph/index.ts";
import type { FileFacts } from "../python/index.ts";
import { confirmSyntax, FactsStore, prepareFacts, settleStaticBranches } from "../python/index.ts";
import { onlyAddsUnusedNames } from "./addedNames.ts";
import { type InertImport, inertImportCheck } from "./inertImports.ts";
import { knownModules, type ProjectFiles, testBaseDir, walkProject } from "./projectFiles.ts";
import { readRequirements } from "./requirements.ts";
import { ScanCache, scanKey } from "./scanCache.ts";
import type { ScanSession } from "./session.ts";
import { startupShadows } from "./startupShadows.ts";
import { attributeAssignments, preloadedAmong, StdlibNameCheck } from "./stdlibNames.ts";
import { graphInputFromView, interpreterTraits, sessionFromView } from "./viewAdapters.ts";

export type ScanStage = "discover" | "graph" | "analyze";

export interface ScanOptions {
  /** Interpreter pytest would run with (default python3 on PATH); null: ask none. */
  python?: string | null;
  /** pytest arguments, as after `pytest` on the command line. */
  args?: string[];
  /** Called as each stage starts (the CLI shows it on stderr for long scans). */
  onProgress?: (stage: ScanStage, detail: string) => void;
  /** Source facts provider (default: remedy's scanner, cached per path). */
  getFacts?: (path: string) => FileFacts;
  /** Read and write the cache in <dir>/.remedy/ (default true); false reads nothing from it and writes nothing. */
  cache?: boolean;
  /** `python -m pytest` (default: the invocation directory is on sys.path) or the `pytest` script. */
  invocation?: Invocation;
  /** Keeps decoded facts between scans in this process (watch mode): a rescan decodes nothing it has. */
  session?: ScanSession;
  /** The environment pytest would run with (default: this process's). `if os.environ.get(...)` tests are decided
   *  with it, and pytest's own variables (PYTEST_ADDOPTS...) read from it. */
  env?: NodeJS.ProcessEnv;
  /** Files larger than this many bytes are not read, and the result says so (default 64 MiB: the scanner reads
   *  about 60 MB/s, so a big generated module costs a fraction of a second). */
  maxBytes?: number;
}

/** remedy scan's default --max-bytes. */
export const SCAN_MAX_BYTES = 64 * 1024 * 1024;

function cachedFacts(get: (path: string) => FileFacts): (path: string) => FileFacts {
  const cache = new Map<string, FileFacts>();
  return (path) => {
    let f = cache.get(path);
    if (!f) {
      f = get(path);
      cache.set(path, f);
    }
    return f;
  };
}

/** CPython's own message for every file the scanner flags (one batch compile() process): the scanner finds the
 *  error, CPython words it. Files the scanner accepts are not compiled (that would cost a pass over the repo). */
async function confirmSyntaxErrors(
  files: string[],
  facts: (p: string) => FileFacts,
  status: (p: string) => string,
  python: string,
): Promise<void> {
  // The status comes from the facts store without decoding the facts: O(files) lookups, decoding only the flagged.
  // Undecodable and NUL-holding files are asked too: importing them raises CPython's own SyntaxError.
  const asked = new Set(["syntax-error", "decode-error", "binary"]);
  const flagged = files.filter((p) => asked.has(status(p))).map(facts);
  if (flagged.length === 0) return;
  const verdicts = await confirmSyntax(
    flagged.map((f) => f.path),
    python,
  );
  for (const f of flagged) {
    const verdict = verdicts.get(f.path);
    if (verdict === undefined || (verdict === null && f.status !== "syntax-error")) continue;
    f.syntaxErrors = verdict === null ? [] : [verdict];
    f.status = verdict === null ? "ok" : "syntax-error";
  }
}

/** Without an interpreter nothing outside the repository (stdlib, installed packages) is known: an import of it
 *  is not evidence of a missing module, so those failures are dropped rather than reported. */
function withoutEnvironmentFailures(model: CollectionModel): CollectionModel {
  const files = model.files.map((f) => ({
    ...f,
    failures: f.failures.filter((x) => x.kind !== "missing-third-party"),
  }));
  const startup = model.startupFailure;
  const stillFails = startup && files.find((f) => f.path === startup.conftest)?.failures[0];
  return {
    files,
    startupFailure: startup && stillFails ? { ...startup, failure: stillFails } : null,
  };
}

/** Why the cache at <root>/.remedy cannot be used (it exists and is no directory), or null. */
function cacheBlocked(root: string): string | null {
  const dir = cacheDirOf(root);
  const st = statSync(dir, { throwIfNoEntry: false });
  return st && !st.isDirectory() ? `${dir} is not a directory: scanned without the cache (remove or rename it)` : null;
}

/** The repository's .remedy/, made when needed; null when `root` is no directory (nothing is created then). */
function repositoryCacheDir(root: string): string | null {
  if (!statSync(root, { throwIfNoEntry: false })?.isDirectory()) return null;
  const dir = cacheDirOf(root);
  ensureCacheDir(dir);
  return dir;
}

/** The rootdir's files and, unless a custom provider gives facts, their facts in the store (O(changed) with a
 *  valid previous scan: the scan cache knows which files changed). */
async function projectFacts(
  rootdir: string,
  previous: ScanCache | null,
  useCache: boolean,
  extract: boolean,
  session: ScanSession | undefined,
  maxBytes: number,
): Promise<{ project: ProjectFiles; store: FactsStore }> {
  const project = previous?.project() ?? walkProject(rootdir);
  const store = session?.factsStore(rootdir, useCache, maxBytes) ?? FactsStore.forRepo(rootdir, useCache, maxBytes);
  if (extract) {
    const pyFiles = new Set(project.pythonFiles);
    await prepareFacts(store, previous?.changed()?.filter((p) => pyFiles.has(p)) ?? project.pythonFiles);
  }
  return { project, store };
}

/** pytest's rootdir from the config files and arguments alone, or null when they are broken (pytestView, which
 *  the scan runs anyway, reports the problem). */
export function rootdirOrNull(root: string, options: { args?: string[] }): string | null {
  try {
    return pytestRootdir(root, options);
  } catch {
    return null;
  }
}

/** Predicts what stops pytest from collecting the repository at `path` (pytest's invocation directory). */
export async function scan(path: string, options: ScanOptions = {}): Promise<ScanResult> {
  const started = performance.now();
  const progress = options.onProgress ?? (() => {});
  const root = resolve(path);
  const environ = options.env ?? process.env;
  // A custom facts provider is not what the cache holds: such scans neither read nor write it. Nor does a scan
  // whose .remedy is something other than a directory (a file of that name): it says so in its limitations.
  const blockedCache = cacheBlocked(root);
  const maxBytes = options.maxBytes ?? SCAN_MAX_BYTES;
  const useCache = (options.cache ?? true) && !options.getFacts && blockedCache === null;
  const key = scanKey({
    root,
    python: options.python,
    args: options.args ?? [],
    invocation: options.invocation ?? "python-m",
    executable: options.python === null ? null : findExecutable(options.python ?? "python3", root),
    env: environ,
    maxBytes,
  });
  // Where this scan keeps what it learns (interpreter answers, facts of installed sources), or nowhere.
  const cacheDir = useCache ? repositoryCacheDir(root) : null;
  const previous = ScanCache.forDir(root, key, useCache, environ);
  const unchanged = previous.result();
  if (unchanged) return { ...unchanged, durationMs: Math.round(performance.now() - started) };
  progress("discover", root);
  const viewOptions = {
    python: options.python,
    args: options.args,
    invocation: options.invocation,
    env: environ,
    // The interpreter's answer and pytest's own sources' facts are kept with the rest of the cache.
    cacheDir,
  };
  const stored = previous.view();
  // A cold scan asks the interpreter (a child process) while this thread walks the rootdir and extracts facts.
  const viewPending = stored ? Promise.resolve(stored) : pytestView(root, viewOptions);
  viewPending.catch(() => {}); // awaited below; an early failure must not go unhandled meanwhile
  const early = stored?.rootdir ?? rootdirOrNull(root, viewOptions);
  const projectAt = (rootdir: string) =>
    projectFacts(rootdir, rootdir === early ? previous : null, useCache, !options.getFacts, options.session, maxBytes);
  const earlyFacts = early === null ? null : await projectAt(early);
  const view = await viewPending;
  const { project, store } = earlyFacts && view.rootdir === early ? earlyFacts : await projectAt(view.rootdir);
  let facts: (p: string) => FileFacts;
  let status: (p: string) => string;
  if (options.getFacts) {
    facts = cachedFacts(options.getFacts);
    status = (p) => facts(p).status;
  } else {
    // Files outside the project walk (installed modules the model reads, src/graph/installedNames.ts) are checked
    // against their stored stamp once per scan: an upgrade changes them without the project changing.
    const walked = new Set(project.pythonFiles);
    const checked = new Set<string>();
    facts = (p) => {
      if (!walked.has(p) && !checked.has(p)) {
        checked.add(p);
        store.refresh([p]);
      }
      return store.get(p);
    };
    status = (p) => store.status(p) ?? facts(p).status;
    // Edited files whose facts did not change (a comment, a function body), or that only gained names nothing
    // used: the previous result still holds. Not for flagged files (CPython words their errors from the text) or
    // module __getattr__ (its source is read).
    const testish = new Set([...view.testFiles, ...view.allConftests]);
    const isTestOrConftest = (p: string) => testish.has(p) || basename(p) === "conftest.py";
    let importers: FileFacts[] | null = null;
    // Found in the encoded facts without decoding them: only a star import writes the name "*".
    const starImporters = () => (importers ??= store.pathsWhoseFactsContain('"name":"*"').map(facts));
    let inert: InertImport | null | undefined;
    const inertImport = () => {
      if (inert === undefined) inert = inertImportCheck(view, project.pythonFiles, store, cacheDir);
      return inert;
    };
    const same = previous.resultIfFactsSame((p, mentioned) => {
      if (store.status(p) !== "ok" || facts(p).moduleGetattr) return false;
      if (store.unchangedFacts(p)) return true;
      const before = store.previousFacts(p);
      return (
        before !== null &&
        onlyAddsUnusedNames(before, facts(p), { isTestOrConftest, mentioned, starImporters, inertImport })
      );
    });
    if (same) {
      const result = { ...same, durationMs: Math.round(performance.now() - started) };
      await store.saveAsync(null);
      previous.save(view, { ...project }, same, previous.storedFiles(), (p) => store.stampOf(p));
      return result;
    }
  }
  if (view.interpreter) await confirmSyntaxErrors(project.pythonFiles, facts, status, view.interpreter.executable);
  // The facts cache is written while the model is built (the writes are I/O, the model is CPU).
  const factsWritten = useCache ? store.saveAsync(null) : null;

  // Asked of the interpreter only when a module of the invocation directory is named like a stdlib module.
  const shadowsPending = startupShadows(view, root, options.invocation ?? "python-m", {
    cacheDir,
  });
  progress("graph", `${view.testFiles.length} test files`);
  const limitations = [...view.limitations];
  if (blockedCache !== null && (options.cache ?? true)) limitations.push(blockedCache);
  // A file over the limit is not read: whatever it would raise is unknown (its importers see an empty module).
  const tooLarge = project.pythonFiles.filter((p) => status(p) === "too-large");
  if (tooLarge.length > 0) {
    const shown = tooLarge
      .slice(0, 5)
      .map((p) => relPath(view.rootdir, p))
      .join(", ");
    const more = tooLarge.length > 5 ? ` and ${tooLarge.length - 5} more` : "";
    limitations.push(
      `not read, larger than --max-bytes ${maxBytes}: ${shown}${more} (what importing them raises is unknown; raise --max-bytes to scan them)`,
    );
  }
  // Branches on the interpreter are settled once, for the model and the analyzers alike.
  // And branches on the environment and pytest's arguments: the variables asked for are stored with the result.
  const envKeys = new Set<string>();
  const traits = interpreterTraits(view, {
    environ,
    argv: options.args ?? [],
    onEnvKey: (k) => envKeys.add(k),
  });
  const settled = new Map<string, FileFacts>();
  const settledFacts = (p: string): FileFacts => {
    let f = settled.get(p);
    if (!f) {
      f = settleStaticBranches(facts(p), traits);
      settled.set(p, f);
    }
    return f;
  };
  // Names the interpreter's stdlib lacks (stdlibNames.ts): the model is built as if every name existed, noting
  // which it looked up; it is built again only when the interpreter lacks one of them.
  const stdlib = StdlibNameCheck.start(view, cacheDir);
  // Likewise stdlib modules a repository file shadows: built again only when pytest's start-up imported one.
  const shadowed = new Set<string>();
  // Names the repository assigns as attributes: an installed module that lacks one is not reported.
  const attributeAssigned = attributeAssignments(project.pythonFiles);
  let model = buildCollectionModel(
    {
      ...graphInputFromView(view),
      interpreter: traits,
      onStdlibLookup: stdlib?.onLookup,
      onShadowedStdlib: (n) => shadowed.add(n),
      attributeAssigned,
    },
    settledFacts,
  );
  const stdlibMissing = (await stdlib?.missing(project.pythonFiles)) ?? new Set<string>();
  const preloadedStdlib = await preloadedAmong(shadowed, view, cacheDir);
  if (stdlibMissing.size > 0 || preloadedStdlib)
    model = buildCollectionModel(
      {
        ...graphInputFromView(view),
        interpreter: traits,
        stdlibMissing,
        attributeAssigned,
        ...(preloadedStdlib ? { preloadedStdlib } : {}),
      },
      settledFacts,
    );
  if (!view.interpreter) {
    model = withoutEnvironmentFailures(model);
    limitations.push("without an interpreter, imports of modules outside the repository are not checked");
  }

  progress("analyze", `${model.files.length} files modelled`);
  const pyFiles = new Set(project.pythonFiles);
  const hasInit = (dir: string) => pyFiles.has(join(dir, "__init__.py"));
  const searchRoots = [
    ...view.sysPath.filter((p) => p === view.rootdir || p.startsWith(`${view.rootdir}/`)),
    ...view.testFiles.map((f) => testBaseDir(f, hasInit)),
    ...view.testFiles.map((f) => dirname(f)),
  ];
  const rel = (p: string) => relPath(view.rootdir, p);
  const input: AnalysisInput = {
    model,
    session: { ...sessionFromView(view), startupShadows: await shadowsPending },
    facts: settledFacts,
    modules: knownModules(project.pythonFiles, searchRoots),
    requirements: readRequirements(project.requirementFiles, rel),
    searchRoots,
  };
  // Say which variables decided `if` tests, and with which values: pytest run in another environment can differ.
  if (envKeys.size > 0) {
    const shown = [...envKeys]
      .sort()
      .map((k) => (k === "PYTEST_VERSION" ? `${k} (set by pytest)` : `${k}=${environ[k] ?? "(unset)"}`));
    limitations.push(
      `\`if\` tests on the environment were decided with ${options.env ? "the environment given" : "remedy's own"}: ${shown.join(", ")}; pytest started with other values can differ (--env KEY=VALUE states them)`,
    );
  }
  const analysis = runAnalyzers(input);
  const result = buildScanResult(
    input,
    root,
    analysis.findings,
    analysis.resolution,
    Math.round(performance.now() - started),
    [...limitations, ...analysis.limitations],
  );
  if (useCache) {
    const read = store.requested();
    await factsWritten;
    store.save(new Set([...project.pythonFiles, ...read]));
    previous.save(view, { ...project }, result, read, (p) => store.stampOf(p), envKeys);
  }
  return result;
}
