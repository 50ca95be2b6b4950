// How a finding is worded in every human report (terminal, Markdown): its title, pytest's words, what it does to the
// run, its root cause's identity. One place, so the reports cannot drift apart.
import { type Category, type ChainStep, type Finding, kindLabel, subjectOf } from "../analyze/index.ts";

export const CATEGORY_TITLES: [Category, string][] = [
  ["import", "Import resolution failures"],
  ["configuration", "Test configuration errors"],
  ["environment", "Environment problems"],
];

/** The broken thing behind a finding: conftest errors count as their cause, imports of the same missing name or
 *  module as one, so the summary's root causes are what needs fixing, however many collectors it breaks. */
function identity(f: Pick<Finding, "kind" | "file" | "line" | "module" | "name">): string {
  if (f.kind === "missing-name" || f.kind === "attribute-error") return `${f.kind}|${f.module}|${f.name}`;
  if (f.kind === "missing-module" || f.kind === "missing-third-party") return `${f.kind}|${f.module}`;
  return `${f.kind}|${f.file}|${f.line}|${f.name}`;
}

export const rootOf = (f: Finding): string => identity(f.cause ?? f);

export const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;

/** The stdlib module a file of the invocation directory hides from pytest's start-up, for such a finding. */
const shadowedStdlib = (f: Finding): string | null => {
  const data = f.kind === "config-error" ? f.suggestions[0]?.data : undefined;
  return typeof data?.shadowedStdlib === "string" ? data.shadowedStdlib : null;
};

// What a finding is about is also part of its fingerprint: defined once, in src/analyze/fingerprint.ts.
export { subjectOf };

export function title(f: Finding): string {
  if (f.kind === "conftest-error" && f.message.startsWith("INTERNALERROR>"))
    return `\`${f.file}\` fails in a pytest hook`;
  if (f.kind === "conftest-error") return `\`${f.file}\` fails to import`;
  const shadowed = shadowedStdlib(f);
  if (shadowed) return `\`${f.file}\` shadows the standard library module \`${shadowed}\``;
  const subject = subjectOf(f);
  return subject ? `${kindLabel(f.kind)} \`${subject}\`` : kindLabel(f.kind);
}

/** pytest's words: `Type: message` as its short summary shows it; a multi-line message (import file mismatch)
 *  in full; the start-up conftest line as pytest prints it (the cause follows on its own line). */
export function pytestLines(f: Finding): string[] {
  const lines = f.message.split("\n");
  if (f.kind === "conftest-error" && f.cause && f.message.startsWith("ImportError while loading conftest"))
    return lines;
  if (f.kind === "conftest-error" && f.message.startsWith("INTERNALERROR>")) return lines;
  lines[0] = f.exceptionType ? `${f.exceptionType}: ${lines[0]}` : lines[0]!;
  return lines;
}

/** What a session-level finding does to the run (blocks lists files; these say why it is all of them, or none). */
export function effect(f: Finding): string | null {
  if (f.hidden || f.severity !== "error") return null;
  if (f.kind === "conftest-error" && f.message.startsWith("ImportError while loading conftest")) {
    return "pytest stops at start-up (exit code 4): nothing is collected";
  }
  if (f.kind === "conftest-error" && f.message.startsWith("INTERNALERROR>")) {
    return f.blocks.testFiles.length > 0
      ? "pytest calls the conftest's pytest_configure / pytest_sessionstart once it has loaded it, and stops with an INTERNALERROR (exit code 3): nothing is collected"
      : "pytest collects, then calls the conftest's pytest_collection_modifyitems / pytest_collection_finish and ends with an INTERNALERROR (exit code 3): no test runs";
  }
  if (f.kind === "conftest-error" && f.message.startsWith("Error importing plugin")) {
    return "pytest crashes at start-up loading the conftest's pytest_plugins (exit code 1): nothing is collected";
  }
  if (f.kind !== "config-error") return null;
  const shadowed = shadowedStdlib(f);
  if (shadowed)
    return `\`python -m pytest\` puts its directory first on sys.path, so pytest imports this file instead of the standard library's \`${shadowed}\` while it starts, and stops before collecting (the message is pytest's with an empty ${shadowed} module; the \`pytest\` script is not affected)`;
  return f.blocks.testFiles.length > 0
    ? "pytest stops before collecting anything"
    : "pytest collects, then stops with exit code 4 before running any test";
}

/** A chain or cycle, one statement a line: `file:line  statement`, each after the first prefixed with `-> `. */
export function stepLines(steps: ChainStep[]): string[] {
  return steps.map((s, i) => `${i === 0 ? "" : "-> "}${s.file}:${s.line}  ${s.statement}`);
}

/** Where the broken statements are: every site of the root cause, `file:line` (just the file for line 0). */
export function siteList(f: Finding): string[] {
  return (f.sites ?? [{ file: f.file, line: f.line }]).map((x) => (x.line > 0 ? `${x.file}:${x.line}` : x.file));
}

/** The sections every human report has, in remediation-report order: blocking errors by category, the errors
 *  hidden behind them, possible ones (a condition decides), plain warnings. */
export function findingGroups(findings: Finding[]) {
  return {
    blocking: findings.filter((f) => f.severity === "error" && !f.hidden),
    hidden: findings.filter((f) => f.severity === "error" && f.hidden),
    possible: findings.filter((f) => f.severity === "warning" && f.condition !== undefined),
    warnings: findings.filter((f) => f.severity === "warning" && f.condition === undefined),
  };
}

/** The summary's blast-radius phrase: "2 test files, at least 11 tests". */
export function blockedPhrase(b: Finding["blocks"]): string {
  return `${plural(b.testFiles.length, "test file")}, ${b.testsLowerBound ? "at least " : ""}${plural(b.tests, "test")}`;
}

/** A finding as a report numbers it: `n` in display order, `sameAs` the number of the finding that reports the
 *  same root cause first. */
export interface Numbered {
  f: Finding;
  n: number;
  sameAs: number | null;
}

/** Root identity -> the number (1-based, in display order) of the finding that reports it first: a conftest error
 *  whose cause is another finding's points to that one ("same as #2"). */
export function firstNumbers(ordered: Finding[]): Map<string, number> {
  const first = new Map<string, number>();
  ordered.forEach((f, i) => {
    if (!f.cause && !first.has(rootOf(f))) first.set(rootOf(f), i + 1);
  });
  ordered.forEach((f, i) => {
    if (!first.has(rootOf(f))) first.set(rootOf(f), i + 1);
  });
  return first;
}
