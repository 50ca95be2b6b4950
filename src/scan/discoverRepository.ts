// The scan's first phases: pytest's view of the repository, the facts of its files (cached), and a stored result
// when nothing that changed can matter.
import { basename } from "node:path";
import { relPath, type ScanResult } from "../analyze/index.ts";
import { type PytestView, pytestRootdir, pytestView } from "../discover/index.ts";
import type { FileFacts } from "../python/index.ts";
import { confirmSyntax, FactsStore, prepareFacts } from "../python/index.ts";
import { onlyAddsUnusedNames } from "./addedNames.ts";
import { type InertImport, inertImportCheck } from "./inertImports.ts";
import { type ProjectFiles, walkProject } from "./projectFiles.ts";
import type { ScanCache } from "./scanCache.ts";
import { elapsed, type ScanRun } from "./scanRun.ts";
import type { ScanSession } from "./scanSession.ts";

export function cachedFacts(get: (path: string) => FileFacts): (path: string) => FileFacts {
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
export async function confirmSyntaxErrors(
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

/** The rootdir's files and, unless a custom provider gives facts, their facts in the store (O(changed) with a
 *  valid previous scan: the scan cache knows which files changed). */
export async function projectFacts(
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

/** The repository as pytest sees it, with the facts of its files. */
export interface DiscoveredRepository {
  view: PytestView;
  project: ProjectFiles;
  store: FactsStore;
  facts: (p: string) => FileFacts;
  status: (p: string) => string;
}

/** pytest's view of the repository and the facts of its files. A cold scan asks the interpreter (a child process)
 *  while this thread walks the rootdir and extracts facts. */
export async function discoverRepository(run: ScanRun): Promise<DiscoveredRepository> {
  const { options, previous, useCache, maxBytes } = run;
  run.progress("discover", run.root);
  const viewOptions = {
    python: options.python,
    args: options.args,
    invocation: options.invocation,
    env: run.environ,
    // The interpreter's answer and pytest's own sources' facts are kept with the rest of the cache.
    cacheDir: run.cacheDir,
  };
  const stored = previous.view();
  const viewPending = stored ? Promise.resolve(stored) : pytestView(run.root, viewOptions);
  viewPending.catch(() => {}); // awaited below; an early failure must not go unhandled meanwhile
  const early = stored?.rootdir ?? rootdirOrNull(run.root, viewOptions);
  const projectAt = (rootdir: string) =>
    projectFacts(rootdir, rootdir === early ? previous : null, useCache, !options.getFacts, options.session, maxBytes);
  const earlyFacts = early === null ? null : await projectAt(early);
  const view = await viewPending;
  const { project, store } = earlyFacts && view.rootdir === early ? earlyFacts : await projectAt(view.rootdir);
  if (options.getFacts) {
    const facts = cachedFacts(options.getFacts);
    return { view, project, store, facts, status: (p) => facts(p).status };
  }
  // Files outside the project walk (installed modules the model reads, src/graph/installedNames.ts) are checked
  // against their stored stamp once per scan: an upgrade changes them without the project changing.
  const walked = new Set(project.pythonFiles);
  const checked = new Set<string>();
  const facts = (p: string) => {
    if (!walked.has(p) && !checked.has(p)) {
      checked.add(p);
      store.refresh([p]);
    }
    return store.get(p);
  };
  return { view, project, store, facts, status: (p) => store.status(p) ?? facts(p).status };
}

/** The previous result, when every file that changed since changed nothing the result depends on: edited files
 *  whose facts did not change (a comment, a function body), or that only gained names nothing used. Not for
 *  flagged files (CPython words their errors from the text) or module __getattr__ (its source is read). */
export async function reusableResult(run: ScanRun, repo: DiscoveredRepository): Promise<ScanResult | null> {
  if (run.options.getFacts) return null;
  const { view, project, store, facts } = repo;
  const testish = new Set([...view.testFiles, ...view.allConftests]);
  const isTestOrConftest = (p: string) => testish.has(p) || basename(p) === "conftest.py";
  let importers: FileFacts[] | null = null;
  // Found in the encoded facts without decoding them: only a star import writes the name "*".
  const starImporters = () => (importers ??= store.pathsWhoseFactsContain('"name":"*"').map(facts));
  let inert: InertImport | null | undefined;
  const inertImport = () => {
    if (inert === undefined) inert = inertImportCheck(view, project.pythonFiles, store, run.cacheDir);
    return inert;
  };
  const same = run.previous.resultIfFactsSame((p, mentioned) => {
    if (store.status(p) !== "ok" || facts(p).moduleGetattr) return false;
    if (store.unchangedFacts(p)) return true;
    const before = store.previousFacts(p);
    return (
      before !== null &&
      onlyAddsUnusedNames(before, facts(p), { isTestOrConftest, mentioned, starImporters, inertImport })
    );
  });
  if (!same) return null;
  await store.saveAsync(null);
  run.previous.save(view, { ...project }, same, run.previous.storedFiles(), (p) => store.stampOf(p));
  return { ...same, durationMs: elapsed(run) };
}

/** Why a scan's predictions may be off before the model is built: files too large to read, a cache not usable. */
export function discoveryLimitations(run: ScanRun, repo: DiscoveredRepository): string[] {
  const { view, project, status } = repo;
  const limitations = [...view.limitations];
  if (run.blockedCache !== null && (run.options.cache ?? true)) limitations.push(run.blockedCache);
  // A file over the limit is not read: whatever it would raise is unknown (its importers see an empty module).
  const tooLarge = project.pythonFiles.filter((p) => status(p) === "too-large");
  if (tooLarge.length > 0) {
    const shown = tooLarge
      .slice(0, 5)
      .map((p) => relPath(view.rootdir, p))
      .join(", ");
    const more = tooLarge.length > 5 ? ` and ${tooLarge.length - 5} more` : "";
    limitations.push(
      `not read, larger than --max-bytes ${run.maxBytes}: ${shown}${more} (what importing them raises is unknown; raise --max-bytes to scan them)`,
    );
  }
  return limitations;
}
