// The remediation report a team writes by hand, written from the model: executive summary, error categories with
// each root cause (where, pytest's words, the cause, the chain, the blast radius, the fix), hidden and possible
// errors, business impact, debt score, audit findings, phased strategy, success criteria, next steps.
// Deterministic: no timestamp or duration, stable order, paths relative to the rootdir.
import { basename } from "node:path";
import type { ScanResult } from "../analyze/index.ts";
import { businessImpact } from "./businessImpact.ts";
import { escapeControls } from "./controls.ts";
import { auditSections, strategySections } from "./markdownPlan.ts";
import { code, fenced, listing, relativize, table } from "./markdownText.ts";
import type { Reporter } from "./reporter.ts";
import { rootCause } from "./rootCause.ts";
import {
  blockedPhrase,
  CATEGORY_TITLES,
  effect,
  findingGroups,
  firstNumbers,
  type Numbered,
  plural,
  pytestLines,
  rootOf,
  siteList,
  stepLines,
  title,
} from "./wording.ts";

const MAX_FILES = 8;

const EXIT_MEANING: Record<number, string> = {
  0: "everything collects",
  1: "pytest crashes or stops early",
  2: "collection errors",
  3: "an internal error",
  4: "a usage error or a start-up failure",
  5: "no test is collected",
};

const capped = (files: string[]): string =>
  listing([
    ...files.slice(0, MAX_FILES).map(code),
    ...(files.length > MAX_FILES ? [`${files.length - MAX_FILES} more`] : []),
  ]);

function summary(scan: ScanResult, roots: number, groups: ReturnType<typeof findingGroups>): string[] {
  const c = scan.collection;
  const atLeast = c.testsLowerBound ? "at least " : "";
  const share = c.tests > 0 ? ` (${Math.round((100 * c.blockedTests) / c.tests)}%)` : "";
  const lead =
    groups.blocking.length === 0
      ? `Nothing stops pytest from collecting: \`pytest --collect-only\` is predicted to exit with code ${scan.pytestExitCode} (${EXIT_MEANING[scan.pytestExitCode]}).`
      : `\`pytest --collect-only\` is predicted to exit with code ${scan.pytestExitCode} (${EXIT_MEANING[scan.pytestExitCode]}): ${c.blockedTestFiles} of ${c.testFiles} test files do not collect, blocking ${atLeast}${c.blockedTests} of ${c.tests} tests${share}. ${plural(roots, "root cause")} explain${roots === 1 ? "s" : ""} them${groups.hidden.length > 0 ? `; ${plural(groups.hidden.length, "more error")} ${groups.hidden.length === 1 ? "is" : "are"} hidden behind them and will appear once they are fixed` : ""}.`;
  const stopped = c.stopped
    ? [
        "",
        `Collection stops after ${plural(c.stopped.afterErrors, "error")} (--maxfail): ${plural(c.stopped.notReachedTestFiles, "test file")} are never reached and count as blocked.`,
      ]
    : [];
  return [
    "## Executive summary",
    "",
    lead,
    ...stopped,
    "",
    ...table(["Measure", "Count"], "lr", [
      ["Test files", c.testFiles],
      ["Tests (parametrize expanded)", `${atLeast}${c.tests}`],
      ["Blocked test files", c.blockedTestFiles],
      ["Blocked tests", `${atLeast}${c.blockedTests}`],
      ["Root causes", roots],
      ["Hidden errors", groups.hidden.length],
      ["Possible findings", groups.possible.length],
      ["Predicted exit code of `pytest --collect-only`", scan.pytestExitCode],
    ]),
    "",
  ];
}

function block({ f, n, sameAs }: Numbered, blockerOf: (file: string) => number | null): string[] {
  const out = [`#### ${n}. ${title(f)}`, ""];
  out.push(`- **Where:** ${listing(siteList(f).map(code))}`);
  const said = pytestLines(f);
  if (said.length === 1) out.push(`- **pytest prints:** ${code(said[0]!)}`);
  else out.push("- **pytest prints:**", "", ...fenced(said, "text").map((l) => `  ${l}`), "");
  if (f.condition) out.push(`- **Only if:** ${f.condition}`);
  out.push(`- **Root cause:** ${rootCause(f)}`);
  const what = effect(f);
  if (what) out.push(`- **Effect:** ${what}`);
  if (sameAs !== null)
    out.push(`- **Same root cause as:** #${sameAs} (one broken statement, reported by several collectors)`);
  if (f.chain.length > 1)
    out.push("- **Chain** (test file first):", "", ...fenced(stepLines(f.chain), "text").map((l) => `  ${l}`), "");
  if (f.cycle && f.cycle.length > 0)
    out.push("- **Cycle:**", "", ...fenced(stepLines(f.cycle), "text").map((l) => `  ${l}`), "");
  if (f.blocks.testFiles.length > 0) {
    const areas = f.blocks.areas.length > 0 ? ` in ${listing(f.blocks.areas.map(code))}` : "";
    const verb = f.severity === "warning" ? "Would block" : "Blast radius";
    out.push(`- **${verb}:** ${blockedPhrase(f.blocks)}${areas}: ${capped(f.blocks.testFiles)}`);
  }
  if (f.hiddenIn.length > 0) {
    const behind = f.hiddenIn.map((file) => {
      const k = blockerOf(file);
      if (k === null) return `${code(file)} (not reached: collection stops before it)`;
      return `${code(file)}${k !== n ? ` (behind #${k})` : ""}`;
    });
    out.push(`- **Hidden in:** ${listing(behind)}`);
  }
  if (f.suggestions.length === 1) out.push(`- **Fix:** ${f.suggestions[0]!.message}`);
  else if (f.suggestions.length > 1) out.push("- **Fix** (one of):", ...f.suggestions.map((s) => `  - ${s.message}`));
  return [...out, ""];
}

export const markdownReport: Reporter = (raw) => {
  const report = escapeControls(raw);
  const { scan } = report;
  const groups = findingGroups(scan.findings);
  const categories = CATEGORY_TITLES.map(([category, heading]) => ({
    heading,
    group: groups.blocking.filter((f) => f.category === category),
  }));
  const ordered = [...categories.flatMap((c) => c.group), ...groups.hidden, ...groups.possible, ...groups.warnings];
  const first = firstNumbers(ordered);
  const numbered: Numbered[] = ordered.map((f, i) => {
    const k = first.get(rootOf(f))!;
    return { f, n: i + 1, sameAs: k !== i + 1 ? k : null };
  });
  const numberOf = new Map(numbered.map((x) => [x.f.id, x.n]));
  const blockedBy = new Map(scan.testFiles.map((t) => [t.file, t.blockedBy]));
  const blockerOf = (file: string) => numberOf.get(blockedBy.get(file) ?? "") ?? null;
  const roots = new Set(groups.blocking.map(rootOf)).size;
  const section = (from: number, count: number) =>
    numbered.slice(from, from + count).flatMap((x) => block(x, blockerOf));

  const lines = [
    `# Collection remediation report: ${basename(scan.rootdir)}`,
    "",
    `Written by remedy from its model of pytest's collection (no test was run). Paths are relative to the rootdir${scan.configfile ? `; pytest reads ${code(scan.configfile)}` : "; there is no pytest config file"}.`,
    "",
    ...summary(scan, roots, groups),
    "## Error categories",
    "",
  ];
  let at = 0;
  for (const { heading, group } of categories) {
    lines.push(`### ${heading} (${group.length})`, "");
    if (group.length === 0) lines.push("None.", "");
    lines.push(...section(at, group.length));
    at += group.length;
  }
  lines.push(`## Hidden errors (${groups.hidden.length})`, "");
  lines.push(
    groups.hidden.length === 0
      ? "None: fixing the errors above leaves no other error behind them."
      : "Python stops at the first failing import of a file, so pytest shows one error per file. These sit behind another error and are what pytest shows once that one is fixed.",
    "",
    ...section(at, groups.hidden.length),
  );
  at += groups.hidden.length;
  lines.push(`## Possible findings (${groups.possible.length})`, "");
  lines.push(
    groups.possible.length === 0
      ? "None."
      : "Each happens only under a condition remedy cannot decide statically; none is counted as blocking above.",
    "",
    ...section(at, groups.possible.length),
  );
  at += groups.possible.length;
  if (groups.warnings.length > 0) {
    lines.push(
      `## Warnings (${groups.warnings.length})`,
      "",
      "They do not stop collection.",
      "",
      ...section(at, groups.warnings.length),
    );
  }
  lines.push(
    ...businessImpact(report, numbered),
    ...auditSections(report.audit),
    ...strategySections(report, numbered),
  );
  const limits = [...scan.limitations, ...(report.audit?.limitations ?? [])];
  if (limits.length > 0) lines.push("## Limits of this analysis", "", ...limits.map((l) => `- ${l}`), "");
  return relativize(`${lines.join("\n").trimEnd()}\n`, scan.rootdir);
};
