// The plan in a few lines per workstream, for `remedy plan` on a terminal: what each stream does, owns and costs.
// The briefs (brief.ts) carry the detail; this is the overview a lead reads to hand them out.
import type { Plan } from "./workstream.ts";

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;

export function planSummary(plan: Plan): string {
  const streams = plan.workstreams;
  const effort = streams.reduce((s, w) => s + w.effort, 0);
  const tests = streams.reduce((s, w) => s + w.unblocksTests, 0);
  const lines = [
    `${plural(streams.length, "workstream")} for ${plural(plan.teams, "team")}: ${effort} points, ${plural(tests, "test")} unblocked`,
    ...(plan.notes ?? []),
  ];
  for (const w of streams) {
    lines.push(
      "",
      `${w.id}  ${w.title}`,
      `  ${w.effort} points, ${plural(w.unblocksTests, "test")} unblocked, ${plural(w.findings.length, "finding")}`,
      `  owns: ${w.files.length > 0 ? w.files.join(", ") : "no file (environment only)"}`,
      ...w.order.map((item, i) => `  ${i + 1}. ${item.title} (${item.effort})`),
    );
  }
  return `${lines.join("\n")}\n`;
}
