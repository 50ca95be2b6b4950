// remedy's prediction in the shape of test/fixtures/scan/*/expected.json (what record.py reads from the real
// pytest), so a test compares the two field by field.
import { execFileSync } from "node:child_process";
import { dirname } from "node:path";
import type { ScanResult } from "../../src/analyze/scanResult.ts";

export interface Verdict {
  errors: Record<string, { type: string; message: string }>;
  collected: Record<string, number>;
  exitCode: number;
  conftestError?: { file: string; type: string; message: string };
  usageError?: string;
  /** pytest failed while starting (exit 1, no session): the exception its traceback ends with. */
  startupError?: { type: string; message: string };
}

export interface Expected extends Verdict {
  errors: Record<string, { type: string; message: string; at?: string }>;
  conftestError?: { file: string; type: string; message: string; at?: string };
}

/** pytest names non-builtin exceptions with their module; record.py keeps only the class name. */
const bare = (type: string | null): string => (type ?? "").split(".").pop()!;

/** The stdlib directory of the python3 the fixtures run with (record.py writes it as <STDLIB>): CPython names
 *  the file of a stdlib module in some messages. Asked once. */
let stdlibDir: string | null = null;
export const stdlib = (): string =>
  (stdlibDir ??= execFileSync("python3", ["-c", "import sysconfig; print(sysconfig.get_paths()['stdlib'])"], {
    encoding: "utf8",
  }).trim());

export function predictedVerdict(result: ScanResult): Verdict {
  const root = result.rootdir;
  const msg = (m: string) => m.split(root).join("<ROOT>").split(stdlib()).join("<STDLIB>");
  const verdict: Verdict = { errors: {}, collected: {}, exitCode: result.pytestExitCode };
  const blocked = new Set<string>();
  for (const f of result.findings) {
    if (f.severity !== "error" || f.hidden) continue;
    for (const t of f.blocks.testFiles) blocked.add(t);
    if (f.kind === "conftest-error" && f.message.startsWith("ImportError while loading conftest")) {
      verdict.conftestError = { file: f.file, type: bare(f.cause!.exceptionType), message: msg(f.cause!.message) };
      continue;
    }
    if (f.kind === "config-error") {
      // record.py keeps pytest's `ERROR:` lines: a multi-line usage error's first line.
      if (f.blocks.testFiles.length === 0) verdict.usageError = f.message;
      else if (f.exceptionType === "UsageError") verdict.usageError = f.message.split("\n")[0];
      else if (result.pytestExitCode === 1) verdict.startupError = { type: bare(f.exceptionType), message: f.message };
      continue;
    }
    if (f.kind === "conftest-error") {
      verdict.errors[dirname(f.file)] = { type: bare(f.exceptionType), message: msg(f.message) };
      continue;
    }
    for (const t of f.blocks.testFiles) verdict.errors[t] = { type: bare(f.exceptionType), message: msg(f.message) };
  }
  if (
    verdict.conftestError ||
    (result.pytestExitCode !== 0 &&
      result.pytestExitCode !== 2 &&
      Object.keys(verdict.errors).length === 0 &&
      blocked.size > 0)
  ) {
    return { ...verdict, errors: {}, collected: {} };
  }
  for (const t of result.testFiles) {
    if (t.blockedBy === null && !t.notReached && t.tests > 0) verdict.collected[t.file] = t.tests;
  }
  return verdict;
}
