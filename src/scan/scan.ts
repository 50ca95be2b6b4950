// The scan pipeline: discover (pytest's view of the repository) -> facts -> the import-time model -> analyzers.
// Returns data; printing belongs to reporters and the CLI.
import { dirname, join, resolve } from "node:path";
import type { AnalysisInput } from "../analyze/analysisInput.ts";
import { relPath } from "../analyze/areas.ts";
import { runAnalyzers } from "../analyze/runAnalyzers.ts";
import { buildScanResult, type ScanResult } from "../analyze/scanResult.ts";
import { pytestView } from "../discover/index.ts";
import { buildCollectionModel, type CollectionModel } from "../graph/index.ts";
import { confirmSyntax } from "../python/compileCheck.ts";
import type { FileFacts } from "../python/facts.ts";
import { readFileFacts } from "../python/index.ts";
import { knownModules, testBaseDir, walkProject } from "./projectFiles.ts";
import { readRequirements } from "./requirements.ts";
import { graphInputFromView, sessionFromView } from "./viewAdapters.ts";

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
}

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
async function confirmSyntaxErrors(files: string[], facts: (p: string) => FileFacts, python: string): Promise<void> {
  const flagged = files.map(facts).filter((f) => f.status === "syntax-error");
  if (flagged.length === 0) return;
  const verdicts = await confirmSyntax(
    flagged.map((f) => f.path),
    python,
  );
  for (const f of flagged) {
    const verdict = verdicts.get(f.path);
    if (verdict === undefined) continue;
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

/** Predicts what stops pytest from collecting the repository at `path` (pytest's invocation directory). */
export async function scan(path: string, options: ScanOptions = {}): Promise<ScanResult> {
  const started = performance.now();
  const progress = options.onProgress ?? (() => {});
  const root = resolve(path);
  progress("discover", root);
  const view = await pytestView(root, { python: options.python, args: options.args });
  const facts = cachedFacts(options.getFacts ?? ((p) => readFileFacts(p)));

  const project = walkProject(view.rootdir);
  if (view.interpreter) await confirmSyntaxErrors(project.pythonFiles, facts, view.interpreter.executable);

  progress("graph", `${view.testFiles.length} test files`);
  const limitations = [...view.limitations];
  let model = buildCollectionModel(graphInputFromView(view), facts);
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
    session: sessionFromView(view),
    facts,
    modules: knownModules(project.pythonFiles, searchRoots),
    requirements: readRequirements(project.requirementFiles, rel),
  };
  const { findings, resolution } = runAnalyzers(input);
  return buildScanResult(input, root, findings, resolution, Math.round(performance.now() - started), limitations);
}
