// The scan pipeline: discover (pytest's view of the repository) -> facts -> the import-time model -> analyzers,
// in named phases (scanRun.ts, discoverRepository.ts, modelRepository.ts). Returns data; printing belongs to
// reporters and the CLI.
import { buildScanResult, runAnalyzers, type ScanResult } from "../analyze/index.ts";
import { confirmSyntaxErrors, discoverRepository, reusableResult } from "./discoverRepository.ts";
import { modelRepository, type PreparedAnalysis } from "./modelRepository.ts";
import { elapsed, type ScanOptions, startRun } from "./scanRun.ts";

export { rootdirOrNull } from "./discoverRepository.ts";
export type { ScanOptions, ScanStage } from "./scanRun.ts";
export type { PreparedAnalysis };

/** Discovery, facts and the import-time model, without the analyzers: what `remedy audit` and the report build on.
 *  Reads the facts cache like a scan (and writes it, unless `cache: false`); never reuses a stored result. */
export async function prepareAnalysis(path: string, options: ScanOptions = {}): Promise<PreparedAnalysis> {
  const run = startRun(path, options);
  const repo = await discoverRepository(run);
  if (repo.view.interpreter)
    await confirmSyntaxErrors(repo.project.pythonFiles, repo.facts, repo.status, repo.view.interpreter.executable);
  const prepared = await modelRepository(run, repo);
  if (run.useCache) await repo.store.saveAsync(null);
  return prepared;
}

/** Predicts what stops pytest from collecting the repository at `path` (pytest's invocation directory). Phases:
 *  a stored result for unchanged files; discovery and facts; a stored result when the changes cannot matter; the
 *  model; the analyzers; storing the result. */
export async function scan(path: string, options: ScanOptions = {}): Promise<ScanResult> {
  const run = startRun(path, options);
  const unchanged = run.previous.result();
  if (unchanged) return { ...unchanged, durationMs: elapsed(run) };
  const repo = await discoverRepository(run);
  const reused = await reusableResult(run, repo);
  if (reused) return reused;
  const { view, project, store } = repo;
  if (view.interpreter)
    await confirmSyntaxErrors(project.pythonFiles, repo.facts, repo.status, view.interpreter.executable);
  // The facts cache is written while the model is built (the writes are I/O, the model is CPU).
  const factsWritten = run.useCache ? store.saveAsync(null) : null;
  const prepared = await modelRepository(run, repo);
  run.progress("analyze", `${prepared.input.model.files.length} files modelled`);
  const analysis = runAnalyzers(prepared.input);
  const result = buildScanResult(prepared.input, run.root, analysis.findings, analysis.reportedFailures, elapsed(run), [
    ...prepared.limitations,
    ...analysis.limitations,
  ]);
  if (run.useCache) {
    const read = store.requested();
    await factsWritten;
    store.save(new Set([...project.pythonFiles, ...read]));
    run.previous.save(view, { ...project }, result, read, (p) => store.stampOf(p), prepared.envKeys);
  }
  return result;
}
