// The human report, laid out like a remediation report: findings grouped by category (import resolution,
// test configuration, environment), one block per root cause, then what hides behind them, then a summary line.
// Everything printed is read off the findings; nothing is inferred here.
import type { Finding } from "../analyze/index.ts";
import { escapeControls } from "./controls.ts";
import type { Reporter } from "./reporter.ts";
import {
  blockedPhrase,
  CATEGORY_TITLES,
  effect,
  findingGroups,
  firstNumbers,
  plural,
  pytestLines,
  rootOf,
  siteList,
  stepLines,
  title,
} from "./wording.ts";

const MAX_FILES = 8;

interface Style {
  bold(s: string): string;
  dim(s: string): string;
  red(s: string): string;
  yellow(s: string): string;
  cyan(s: string): string;
}

function style(color: boolean): Style {
  const wrap = (open: number, close: number) => (s: string) => (color ? `\x1b[${open}m${s}\x1b[${close}m` : s);
  return { bold: wrap(1, 22), dim: wrap(2, 22), red: wrap(31, 39), yellow: wrap(33, 39), cyan: wrap(36, 39) };
}

function block(f: Finding, n: number, s: Style, sameAs: number | null = null): string[] {
  const mark = f.severity === "error" ? s.red("✖") : s.yellow("!");
  const label = (l: string) => s.dim(l.padEnd(9));
  const cont = " ".repeat(9);
  const out = [`  ${mark} ${n}. ${s.bold(title(f))}`];
  const field = (name: string, lines: string[]) => {
    lines.forEach((line, i) => {
      out.push(`     ${i === 0 ? label(name) : cont} ${line}`);
    });
  };
  const sites = siteList(f);
  if (sites.length > MAX_FILES)
    sites.splice(MAX_FILES, sites.length, s.dim(`... and ${sites.length - MAX_FILES} more`));
  field("at", sites);
  field("pytest", pytestLines(f));
  if (f.severity === "warning" && f.condition) field("only if", [f.condition]);
  const what = effect(f);
  if (what) field("effect", [what]);
  if (sameAs !== null) field("same as", [`#${sameAs}: one broken statement, reported by several collectors`]);
  if (f.cause) {
    const same = f.cause.message === f.message;
    const here = f.cause.file === f.file && f.cause.line === f.line;
    if (!(same && here)) {
      field("cause", [
        `${f.cause.file}:${f.cause.line}${same ? "" : `  ${f.cause.exceptionType}: ${f.cause.message}`}`,
      ]);
    }
  }
  if (f.chain.length > 1) field("chain", stepLines(f.chain));
  if (f.cycle && f.cycle.length > 0) field("cycle", stepLines(f.cycle));
  if (f.blocks.testFiles.length > 0) {
    const files = f.blocks.testFiles.slice(0, MAX_FILES);
    if (f.blocks.testFiles.length > MAX_FILES)
      files.push(s.dim(`... and ${f.blocks.testFiles.length - MAX_FILES} more`));
    const areas = f.blocks.areas.length > 0 ? ` in ${f.blocks.areas.join(", ")}` : "";
    field(f.severity === "warning" ? "would block" : "blocks", [`${blockedPhrase(f.blocks)}${areas}`, ...files]);
  }
  if (f.hiddenIn.length > 0) {
    const shown = f.hiddenIn.slice(0, MAX_FILES);
    const more = f.hiddenIn.length > MAX_FILES ? ` and ${f.hiddenIn.length - MAX_FILES} more` : "";
    field("also in", [`${shown.join(", ")}${more} ${s.dim("(behind another error there)")}`]);
  }
  f.suggestions.forEach((sug, i) => {
    field(i === 0 ? "fix" : "", [s.cyan(sug.message)]);
  });
  return out;
}

export const terminalReport: Reporter = (report, options = {}) => {
  const result = escapeControls(report.scan);
  const s = style(options.color ?? false);
  const lines: string[] = [];
  const config = result.configfile ? `, config ${result.configfile}` : ", no config file";
  lines.push(s.bold(`remedy scan ${result.root}`) + s.dim(` (rootdir ${result.rootdir}${config})`), "");

  const { blocking, hidden, possible, warnings } = findingGroups(result.findings);
  const sections: [string, Finding[]][] = [
    ...CATEGORY_TITLES.map(([category, heading]): [string, Finding[]] => {
      const group = blocking.filter((f) => f.category === category);
      return [`${heading} (${group.length})`, group];
    }),
    [`Hidden behind other errors (${hidden.length}): pytest reports these once the above are fixed`, hidden],
    [
      `Possible (${possible.length}): each happens only under a condition remedy cannot decide; none counts as blocking, changes the exit code or hides an error`,
      possible,
    ],
    [`Warnings (${warnings.length}): do not stop collection`, warnings],
  ];
  // Number in display order; a conftest error whose cause is another finding's points to it.
  const first = firstNumbers(sections.flatMap(([, group]) => group));
  let n = 0;
  for (const [heading, group] of sections) {
    if (group.length === 0) continue;
    lines.push(s.bold(heading));
    for (const f of group) {
      n += 1;
      const other = first.get(rootOf(f))!;
      lines.push(...block(f, n, s, other !== n ? other : null), "");
    }
  }
  if (result.findings.length === 0) lines.push(s.bold("Nothing stops pytest from collecting."), "");
  if (result.pytestExitCode === 5)
    lines.push(s.yellow("pytest collects no test: it ends with exit code 5 (no tests ran)"), "");

  const c = result.collection;
  if (result.limitations.length > 0) {
    lines.push(s.bold("Limits of this scan:"), ...result.limitations.map((l) => s.dim(`  - ${l}`)), "");
  }
  if (c.stopped) {
    lines.push(
      s.yellow(
        `Collection stops after ${plural(c.stopped.afterErrors, "error")} (--maxfail): ${plural(c.stopped.notReachedTestFiles, "test file")} never reached, counted as blocked`,
      ),
      "",
    );
  }
  const summary = [
    plural(new Set(blocking.map(rootOf)).size, "root cause") + (hidden.length > 0 ? ` (+${hidden.length} hidden)` : ""),
    `${c.blockedTestFiles}/${c.testFiles} test files blocked`,
    `${c.blockedTests}/${c.tests} tests blocked${c.testsLowerBound ? " (at least: a parametrize list or fixture params are not a literal, a pytest_generate_tests hook, a marker whose installed plugin adds items, a test class inherits from code remedy cannot read, or --doctest-modules (doctests are not counted))" : ""}`,
    `${(result.durationMs / 1000).toFixed(2)}s`,
  ].join(" · ");
  lines.push((blocking.length > 0 ? s.red(summary) : summary) + s.dim(` (pytest would exit ${result.pytestExitCode})`));
  return `${lines.join("\n")}\n`;
};
