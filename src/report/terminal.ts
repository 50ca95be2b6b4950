// The human report, laid out like a remediation report: findings grouped by category (import resolution,
// test configuration, environment), one block per root cause, then what hides behind them, then a summary line.
// Everything printed is read off the findings; nothing is inferred here.
import { type Category, type ChainStep, type Finding, kindLabel } from "../analyze/index.ts";
import type { Reporter } from "./reporter.ts";

const CATEGORY_TITLES: [Category, string][] = [
  ["import", "Import resolution failures"],
  ["configuration", "Test configuration errors"],
  ["environment", "Environment problems"],
];

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

/** The broken thing behind a finding: conftest errors count as their cause, imports of the same missing name or
 *  module as one, so the summary's root causes are what needs fixing, however many collectors it breaks. */
function identity(f: Pick<Finding, "kind" | "file" | "line" | "module" | "name">): string {
  if (f.kind === "missing-name" || f.kind === "attribute-error") return `${f.kind}|${f.module}|${f.name}`;
  if (f.kind === "missing-module" || f.kind === "missing-third-party") return `${f.kind}|${f.module}`;
  return `${f.kind}|${f.file}|${f.line}|${f.name}`;
}

export const rootOf = (f: Finding): string => identity(f.cause ?? f);

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;

/** The stdlib module a file of the invocation directory hides from pytest's start-up, for such a finding. */
const shadowedStdlib = (f: Finding): string | null => {
  const data = f.kind === "config-error" ? f.suggestions[0]?.data : undefined;
  return typeof data?.shadowedStdlib === "string" ? data.shadowedStdlib : null;
};

export function title(f: Finding): string {
  if (f.kind === "conftest-error") return `\`${f.file}\` fails to import`;
  const shadowed = shadowedStdlib(f);
  if (shadowed) return `\`${f.file}\` shadows the standard library module \`${shadowed}\``;
  const subject = f.kind === "missing-module" || f.kind === "missing-third-party" ? f.module : f.name;
  return subject ? `${kindLabel(f.kind)} \`${subject}\`` : kindLabel(f.kind);
}

/** pytest's words: `Type: message` as its short summary shows it; a multi-line message (import file mismatch)
 *  in full; the start-up conftest line as pytest prints it (the cause follows on its own line). */
export function pytestLines(f: Finding): string[] {
  const lines = f.message.split("\n");
  if (f.kind === "conftest-error" && f.cause && f.message.startsWith("ImportError while loading conftest"))
    return lines;
  lines[0] = f.exceptionType ? `${f.exceptionType}: ${lines[0]}` : lines[0]!;
  return lines;
}

/** What a session-level finding does to the run (blocks lists files; these say why it is all of them, or none). */
export function effect(f: Finding): string | null {
  if (f.hidden || f.severity !== "error") return null;
  if (f.kind === "conftest-error" && f.message.startsWith("ImportError while loading conftest")) {
    return "pytest stops at start-up (exit code 4): nothing is collected";
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

function stepLines(steps: ChainStep[]): string[] {
  return steps.map((s, i) => `${i === 0 ? "" : "-> "}${s.file}:${s.line}  ${s.statement}`);
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
  const sites = (f.sites ?? [{ file: f.file, line: f.line }]).map((x) => (x.line > 0 ? `${x.file}:${x.line}` : x.file));
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
    field(f.severity === "warning" ? "would block" : "blocks", [
      `${plural(f.blocks.testFiles.length, "test file")}, ${f.blocks.testsLowerBound ? "at least " : ""}${plural(f.blocks.tests, "test")}${areas}`,
      ...files,
    ]);
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

/** C0 controls but tab and newline, DEL, C1 controls, and the bidirectional overrides and isolates (which reorder
 *  what a terminal shows): text from source lines and file names must not drive the terminal. */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
/** The same without newline: single-line fields (a statement, a file name) cannot start a new line either. */
const UNSAFE_IN_LINE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

const escapeChar = (c: string): string => {
  const code = c.charCodeAt(0);
  if (c === "\r") return "\\r";
  if (c === "\n") return "\\n";
  if (c === "\x1b") return "\\x1b";
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
};

/** Every string of the result with control characters written as escapes (`\x1b`, `\r`), as Python's repr writes
 *  them; newlines stay only in messages (pytest's multi-line ones). The JSON report keeps the text as it is. */
export function escapeControls<T>(value: T, key = ""): T {
  if (typeof value === "string") {
    const pattern = key === "message" ? UNSAFE : UNSAFE_IN_LINE;
    return value.replace(pattern, escapeChar) as T;
  }
  if (Array.isArray(value)) return value.map((v) => escapeControls(v, key)) as T;
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = escapeControls(v, k);
    return out as T;
  }
  return value;
}

export const terminalReport: Reporter = (raw, options = {}) => {
  const result = escapeControls(raw);
  const s = style(options.color ?? false);
  const lines: string[] = [];
  const config = result.configfile ? `, config ${result.configfile}` : ", no config file";
  lines.push(s.bold(`remedy scan ${result.root}`) + s.dim(` (rootdir ${result.rootdir}${config})`), "");

  const blocking = result.findings.filter((f) => f.severity === "error" && !f.hidden);
  const hidden = result.findings.filter((f) => f.severity === "error" && f.hidden);
  const possible = result.findings.filter((f) => f.severity === "warning" && f.condition !== undefined);
  const warnings = result.findings.filter((f) => f.severity === "warning" && f.condition === undefined);
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
  const ordered = sections.flatMap(([, group]) => group);
  const first = new Map<string, number>();
  ordered.forEach((f, i) => {
    if (!f.cause && !first.has(rootOf(f))) first.set(rootOf(f), i + 1);
  });
  ordered.forEach((f, i) => {
    if (!first.has(rootOf(f))) first.set(rootOf(f), i + 1);
  });
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
    `${c.blockedTests}/${c.tests} tests blocked${c.testsLowerBound ? " (at least: a parametrize list or fixture params are not a literal, a pytest_generate_tests hook, or a test class inherits from code remedy cannot read)" : ""}`,
    `${(result.durationMs / 1000).toFixed(2)}s`,
  ].join(" · ");
  lines.push((blocking.length > 0 ? s.red(summary) : summary) + s.dim(` (pytest would exit ${result.pytestExitCode})`));
  return `${lines.join("\n")}\n`;
};
