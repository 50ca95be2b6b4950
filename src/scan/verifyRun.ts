// `remedy verify`: the real pytest on the repository, beside remedy's prediction. Reads the baseline (the last
// scan, kept in .remedy/scan.json, or a `remedy scan --json` file) before scanning, since this scan replaces the
// last one; scans; runs pytest's collection (one shard of the test files with --shard K/N); compares both ways and
// lists the baseline's root causes resolved; with `run`, runs the tests too and counts their outcomes.
import { readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import type { ScanResult } from "../analyze/index.ts";
import { cacheDirOf, readOrNull } from "../cache/index.ts";
import { RemedyError } from "../errors.ts";
import {
  type CollectionReport,
  compareWithPrediction,
  hasModule,
  PytestNotInstalledError,
  parseShard,
  resolvedCauses,
  runCollection,
  runTests,
  type Shard,
  shardFiles,
  VERIFY_SCHEMA_VERSION,
  type VerifyResult,
} from "../verify/index.ts";
import { scan } from "./scan.ts";
import type { ScanOptions } from "./scanRun.ts";

export interface VerifyOptions {
  /** Interpreter pytest runs with (default python3 on PATH). */
  python?: string;
  /** pytest arguments (options; with `shard`, no paths: the shard names the files). */
  args?: string[];
  env?: NodeJS.ProcessEnv;
  /** Time limit of each pytest run (collection, then the tests), in ms; default 120 s for collection, 30 min for
   *  the tests. */
  timeoutMs?: number;
  /** A `remedy scan --json` file to compare with, instead of the repository's last scan. */
  baselineFile?: string;
  /** Run the tests too (JUnit XML counts). */
  run?: boolean;
  /** One slice of the test files: { index, count } or "K/N". */
  shard?: Shard | string;
  /** pytest-xdist's -n for the test run ("4", "auto"); an error when xdist is not installed. */
  workers?: string;
  /** Read and write .remedy/ as a scan does (default true). */
  cache?: boolean;
  onProgress?: ScanOptions["onProgress"];
}

export class BaselineFileError extends RemedyError {
  override name = "BaselineFileError";
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`cannot use baseline ${file}: ${reason} (write one with \`remedy scan --json > FILE\`)`);
  }
}

function isScanResult(x: unknown): x is ScanResult {
  const r = x as Partial<ScanResult> | null;
  return !!r && typeof r === "object" && Array.isArray(r.findings) && Array.isArray(r.testFiles) && !!r.collection;
}

function readBaselineFile(file: string): ScanResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, "utf8"));
  } catch (e) {
    throw new BaselineFileError(file, (e as Error).message);
  }
  if (!isScanResult(parsed)) throw new BaselineFileError(file, "it is not a remedy scan result");
  return parsed;
}

/** The last scan's result as stored by the scan cache (src/scan/scanCache.ts), whether or not it is still valid. */
function lastScanResult(root: string): ScanResult | null {
  const buf = readOrNull(join(cacheDirOf(root), "scan.json"));
  if (!buf) return null;
  try {
    const result = (JSON.parse(buf.toString("utf8")) as { result?: unknown }).result;
    return isScanResult(result) ? result : null;
  } catch {
    return null;
  }
}

/** Predicted collectable tests: of the files given (a shard), or of all. */
function predictedTests(result: ScanResult, only: ReadonlySet<string> | null): number {
  return result.testFiles
    .filter((t) => t.blockedBy === null && !t.notReached && (!only || only.has(t.file)))
    .reduce((n, t) => n + t.tests, 0);
}

const collectedTests = (report: CollectionReport) => report.files.reduce((n, f) => n + f.items.length, 0);

export async function verifyRepository(path: string, options: VerifyOptions = {}): Promise<VerifyResult> {
  const started = performance.now();
  const root = resolve(path);
  const python = options.python ?? "python3";
  const notes: string[] = [];
  const shard = typeof options.shard === "string" ? parseShard(options.shard) : (options.shard ?? null);
  const baselineSource = options.baselineFile ? "file" : "last-scan";
  const baseline = options.baselineFile ? readBaselineFile(options.baselineFile) : lastScanResult(root);
  // Fail before the scan when pytest cannot run at all (no interpreter, no pytest in it).
  if (!(await hasModule(python, "pytest", root, options.env)))
    throw new PytestNotInstalledError(python, "No module named pytest");
  if (!baseline) notes.push("no baseline: run `remedy scan` before a fix, or give --baseline FILE");
  options.onProgress?.("discover", "scanning");
  // The interpreter as given (undefined: scan's default), so that the scan shares `remedy scan`'s cache key.
  const predicted = await scan(root, {
    ...(options.python !== undefined ? { python: options.python } : {}),
    args: options.args ?? [],
    ...(options.env ? { env: options.env } : {}),
    ...(options.cache === false ? { cache: false } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  const files = shard
    ? shardFiles(
        predicted.testFiles.map((t) => t.file),
        shard,
      )
    : null;
  const only = files ? new Set(files) : null;
  const fileArgs = (files ?? []).map((f) => relative(root, join(predicted.rootdir, f)) || ".");
  if (files && files.length === 0)
    notes.push(`shard ${shard!.index}/${shard!.count} has no test files: nothing was run`);
  const args = [...(options.args ?? []), ...fileArgs];
  const common = { python, cwd: root, args, ...(options.env ? { env: options.env } : {}) };
  const timeout = options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {};
  // An empty shard must not run pytest without paths: that would collect the whole suite.
  const report = files?.length === 0 ? null : await runCollection({ ...common, ...timeout });
  const scope = only ? { only } : {};
  const emptyReport = report ?? emptyCollection(root, predicted.rootdir, python);
  const prediction = compareWithPrediction(predicted, emptyReport, scope);
  const run =
    options.run && report
      ? await runTests({
          ...common,
          ...timeout,
          ...(options.workers !== undefined ? { workers: options.workers } : {}),
        })
      : null;
  if (options.workers !== undefined && !options.run) notes.push("-n applies to the test run: give --run with it");
  return {
    schemaVersion: VERIFY_SCHEMA_VERSION,
    root,
    rootdir: emptyReport.session?.rootdir ?? predicted.rootdir,
    python,
    pytestVersion: report?.session?.pytestVersion ?? null,
    pythonVersion: report?.session?.pythonVersion ?? null,
    shard: shard && files ? { ...shard, files } : null,
    collection: {
      exitCode: emptyReport.exitCode,
      predictedExitCode: predicted.pytestExitCode,
      tests: collectedTests(emptyReport),
      predictedTests: predictedTests(predicted, only),
      predictedTestsLowerBound: predicted.collection.testsLowerBound === true,
      files: emptyReport.files.length,
      errors: emptyReport.errors.length + (emptyReport.conftestError ? 1 : 0),
      durationMs: emptyReport.durationMs,
    },
    prediction,
    baseline: baseline
      ? {
          source: baselineSource,
          file: options.baselineFile ?? null,
          tests: predictedTests(baseline, only),
          causes: resolvedCauses(baseline, emptyReport, scope),
        }
      : null,
    run: run
      ? {
          exitCode: run.exitCode,
          counts: run.counts,
          problems: run.cases.filter((c) => c.outcome === "failed" || c.outcome === "error"),
          summary: run.summary,
          args: run.args,
          workers: options.workers ?? null,
          durationMs: run.durationMs,
        }
      : null,
    notes,
    durationMs: Math.round(performance.now() - started),
  };
}

/** The report of a run that did not happen (an empty shard): nothing collected, nothing raised. */
function emptyCollection(root: string, rootdir: string, python: string): CollectionReport {
  return {
    exitCode: 5,
    session: {
      rootdir,
      configfile: null,
      args: [],
      invocationDir: root,
      pytestVersion: "",
      pythonVersion: "",
      pythonExecutable: python,
      sysPath: null,
    },
    markers: { configured: null, final: null },
    files: [],
    errors: [],
    conftestError: null,
    usageError: null,
    startupError: null,
    internalError: null,
    warnings: [],
    stderrTail: null,
    stdout: "",
    stderr: "",
    durationMs: 0,
  };
}
