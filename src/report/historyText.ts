// `remedy history`'s terminal output: one line per recorded run, oldest first, with the change since the run
// before it, so a team sees the trend (findings, blocked test files, debt score) at a glance. Text only.
import type { RunRecord } from "../analyze/index.ts";

const pad = (s: string, n: number): string => s.padEnd(n);

/** "+2" / "-3" / "" against the previous value of the same figure. */
function delta(now: number | null, before: number | null): string {
  if (now === null || before === null || now === before) return "";
  return now > before ? ` (+${now - before})` : ` (-${before - now})`;
}

function figures(r: RunRecord, prev: RunRecord | undefined): string {
  const parts: string[] = [];
  if (r.findings !== null) parts.push(`${r.findings} findings${delta(r.findings, prev?.findings ?? null)}`);
  if (r.blockedTestFiles !== null && r.testFiles !== null)
    parts.push(
      `${r.blockedTestFiles}/${r.testFiles} test files blocked${delta(r.blockedTestFiles, prev?.blockedTestFiles ?? null)}`,
    );
  if (r.debt) parts.push(`debt ${r.debt.score} ${r.debt.level}${delta(r.debt.score, prev?.debt?.score ?? null)}`);
  if (r.pytest) {
    const ran = ["passed", "failed", "skipped"] as const;
    const outcomes = ran.filter((k) => r.pytest![k] !== undefined).map((k) => `${r.pytest![k]} ${k}`);
    parts.push(
      `pytest: ${r.pytest.collected} collected, ${r.pytest.errors} errors${outcomes.length ? `, ${outcomes.join(", ")}` : ""}`,
    );
  }
  if (r.check) parts.push(`check: ${r.check.new} new, ${r.check.fixed} fixed`);
  return parts.join("; ");
}

export function historyText(runs: RunRecord[], warnings: string[] = []): string {
  const out: string[] = [];
  if (runs.length === 0) out.push("no runs recorded yet (remedy scan, verify and check record one each)");
  // The previous run of the same command: a verify's figures are not comparable with a scan's.
  const last = new Map<string, RunRecord>();
  for (const r of runs) {
    const when = r.time.replace("T", " ").replace(/\.\d+Z$|Z$/, "");
    out.push(
      `${pad(when, 19)}  ${pad(r.commit?.slice(0, 7) ?? "-", 7)}  ${pad(r.command, 6)}  ${figures(r, last.get(r.command))}`,
    );
    last.set(r.command, r);
  }
  for (const w of warnings) out.push(`warning: ${w}`);
  return `${out.join("\n")}\n`;
}
