// The scan's model phase: the import-time model of the session and the analysis input around it.
import { dirname, join } from "node:path";
import type { AnalysisInput, StartupShadow } from "../analyze/index.ts";
import { relPath } from "../analyze/index.ts";
import { buildCollectionModel, type CollectionModel } from "../graph/index.ts";
import type { FileFacts } from "../python/index.ts";
import { settleStaticBranches } from "../python/index.ts";
import { type DiscoveredRepository, discoveryLimitations } from "./discoverRepository.ts";
import { knownModules, testBaseDir } from "./projectFiles.ts";
import { readRequirements } from "./requirements.ts";
import type { ScanRun } from "./scanRun.ts";
import { startupShadows } from "./startupShadows.ts";
import { attributeAssignments, preloadedAmong, StdlibNameCheck } from "./stdlibNameCheck.ts";
import { graphInputFromView, interpreterTraits, sessionFromView } from "./viewAdapters.ts";

/** Without an interpreter nothing outside the repository (stdlib, installed packages) is known: an import of it
 *  is not evidence of a missing module, so those failures are dropped rather than reported. */
export function withoutEnvironmentFailures(model: CollectionModel): CollectionModel {
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

/** The import-time model and everything the analyzers read, with what the scan could not determine so far. */
export interface PreparedAnalysis {
  input: AnalysisInput;
  /** The directory scanned (absolute). */
  root: string;
  limitations: string[];
  /** Environment variables `if` tests were decided with (stored with the result: another value is another scan). */
  envKeys: Set<string>;
}

/** A repository module pytest imports while it starts and that fails (CollectionModel.startupImport): pytest
 *  crashes with the failure's traceback (exit 1), as with a stdlib module the repository shadows. */
function startupImportCrash(model: CollectionModel): StartupShadow[] {
  const s = model.startupImport;
  if (!s) return [];
  const { failure } = s;
  return [
    {
      name: s.module.split(".")[0] as string,
      file: failure.file,
      exitCode: 1,
      message: `${failure.exceptionType}: ${failure.message}`,
      importedAtStartup: { module: s.module, line: failure.line },
    },
  ];
}

/** The import-time model of the session, and the analysis input around it. */
export async function modelRepository(run: ScanRun, repo: DiscoveredRepository): Promise<PreparedAnalysis> {
  const { view, project, facts } = repo;
  const { options, environ, cacheDir } = run;
  // Asked of the interpreter only when a module of the invocation directory is named like a stdlib module.
  const shadowsPending = startupShadows(view, run.root, options.invocation ?? "python-m", { cacheDir });
  run.progress("graph", `${view.testFiles.length} test files`);
  const limitations = discoveryLimitations(run, repo);
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
  // Names the interpreter's stdlib lacks (stdlibNameCheck.ts): the model is built as if every name existed, noting
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
    session: { ...sessionFromView(view), startupShadows: [...(await shadowsPending), ...startupImportCrash(model)] },
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
  return { input, root: run.root, limitations, envKeys };
}
