// `remedy verify`'s terminal output: pytest's collection beside remedy's prediction (both ways), the baseline's
// root causes resolved and remaining, and the tests' counts with --run. Text only; the CLI prints it.
import type { CauseOutcome, FileError, VerifyResult } from "../verify/index.ts";
import { plural } from "./wording.ts";

const SHOWN = 20;

const error = (e: FileError | null) => (e ? `${e.type}: ${e.message}` : "collects");

function limited<T>(items: T[], line: (x: T) => string[]): string[] {
  const out = items.slice(0, SHOWN).flatMap(line);
  if (items.length > SHOWN) out.push(`    … and ${items.length - SHOWN} more`);
  return out;
}

function causeLines(mark: string, c: CauseOutcome): string[] {
  const files = c.files.filter((f) => f.file !== "<session>");
  const still = files.filter((f) => f.now === "same-error").length;
  const where = files.length === 0 ? "the session" : plural(files.length, "test file");
  const tail = c.status === "remaining" && files.length > 1 ? ` (still in ${still} of ${files.length})` : "";
  const lines = [
    `  ${mark} ${c.file}:${c.line}  ${error(c.error)}`,
    `      ${c.kind}, blocked ${where}${tail}; id ${c.findingId}`,
  ];
  for (const f of files.filter((x) => x.now === "other-error"))
    lines.push(`      ${f.file} now raises ${error(f.error)}`);
  return lines;
}

function collectionLines(r: VerifyResult): string[] {
  const c = r.collection;
  const predicted = `${c.predictedTests}${c.predictedTestsLowerBound ? "+" : ""}`;
  return [
    `collection: pytest collected ${plural(c.tests, "test")} from ${plural(c.files, "file")}, ${plural(c.errors, "error")} (exit ${c.exitCode})`,
    `            remedy predicted ${predicted} ${c.predictedTests === 1 && !c.predictedTestsLowerBound ? "test" : "tests"} (exit ${c.predictedExitCode})`,
  ];
}

function predictionLines(r: VerifyResult): string[] {
  const p = r.prediction;
  const n = p.counts;
  const out = [
    `prediction: ${n.agreed} of ${plural(n.pytestErrors, "pytest error")} predicted; ${n.missed} missed, ${n.unexpected} unexpected`,
  ];
  if (p.missed.length > 0) {
    out.push("  missed (pytest raised it, remedy did not predict it):");
    out.push(
      ...limited(p.missed, (m) => [`    ${m.file}  ${error(m)}`, `      remedy predicted: ${error(m.predicted)}`]),
    );
  }
  if (p.unexpected.length > 0) {
    out.push("  unexpected (remedy predicted it, pytest did not raise it):");
    out.push(...limited(p.unexpected, (u) => [`    ${u.file}  ${error(u)}`, `      pytest: ${error(u.observed)}`]));
  }
  return out;
}

function baselineLines(r: VerifyResult): string[] {
  const b = r.baseline;
  if (!b) return [];
  const c = b.causes;
  const from = b.source === "file" ? `baseline ${b.file}` : "baseline (last scan)";
  const out = [
    `${from}: ${c.counts.resolved} of ${plural(c.counts.baseline, "root cause")} resolved, ${c.counts.remaining} remaining, ${plural(c.counts.new, "new error")}; tests ${b.tests} then, ${r.collection.tests} now`,
  ];
  out.push(...limited(c.resolved, (x) => causeLines("✓", x)));
  out.push(...limited(c.remaining, (x) => causeLines("✗", x)));
  out.push(...limited(c.unobserved, (x) => causeLines("?", x)));
  if (c.new.length > 0) {
    out.push("  new (no baseline cause explains it):");
    out.push(...limited(c.new, (e) => [`  + ${e.file}  ${error(e)}`]));
  }
  return out;
}

function runLines(r: VerifyResult): string[] {
  const t = r.run;
  if (!t) return [];
  const n = t.counts;
  const workers = t.workers ? `, -n ${t.workers}` : "";
  const out = [
    `tests: ${n.passed} passed, ${n.failed} failed, ${n.skipped} skipped, ${plural(n.errors, "error")} of ${n.tests} (exit ${t.exitCode}${workers})`,
  ];
  out.push(
    ...limited(t.problems, (c) => [
      `  ${c.outcome === "error" ? "E" : "F"} ${c.classname ? `${c.classname}::` : ""}${c.name}${c.message ? `  ${c.message.split("\n")[0]}` : ""}`,
    ]),
  );
  return out;
}

export function verifyText(r: VerifyResult): string {
  const version = r.pytestVersion ? ` (pytest ${r.pytestVersion}, Python ${r.pythonVersion})` : "";
  const shard = r.shard
    ? `, shard ${r.shard.index}/${r.shard.count}: ${plural(r.shard.files.length, "test file")}`
    : "";
  const out = [`remedy verify: ${r.rootdir}${version}${shard}`];
  out.push(...collectionLines(r), ...predictionLines(r), ...baselineLines(r), ...runLines(r));
  for (const n of r.notes) out.push(`note: ${n}`);
  return `${out.join("\n")}\n`;
}
