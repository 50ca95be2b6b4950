// `remedy check`'s terminal output: the verdict first (what CI logs show), then each new finding with where it is
// now, then what the baseline can drop. Text only; the CLI prints it and sets the exit code from `passed`.
import { AUDIT_KINDS, type CheckResult, FINDING_KINDS } from "../analyze/index.ts";
import { plural } from "./wording.ts";

const FIXED_SHOWN = 20;

// A baseline written by another version of remedy may name a kind this one does not have: shown as it is.
const LABELS = new Map<string, string>([...FINDING_KINDS, ...AUDIT_KINDS].map((k) => [k.kind, k.label]));
const labelOf = (kind: string): string => LABELS.get(kind) ?? kind;

export function checkText(result: CheckResult): string {
  const out: string[] = [];
  const written = result.baselineWritten;
  if (written === "created")
    out.push(`remedy check: created ${result.baseline} with ${plural(result.new.length, "finding")}`);
  else if (written)
    out.push(
      `remedy check: baseline ${written}: ${result.baseline} (${result.new.length} added, ${result.fixed.length} fixed and dropped)`,
    );
  else if (result.passed)
    out.push(`remedy check: passed: nothing new (${plural(result.known.length, "finding")} in the baseline)`);
  else out.push(`remedy check: failed: ${plural(result.new.length, "new finding")} not in ${result.baseline}`);
  out.push("");
  if (result.new.length > 0 && !written) {
    for (const item of result.new) {
      out.push(
        `+ ${item.file}${item.line > 0 ? `:${item.line}` : ""}  ${labelOf(item.kind)}${item.subject ? ` \`${item.subject}\`` : ""}`,
      );
      out.push(`    ${item.message}`);
      out.push(`    id: ${item.id}`);
    }
    out.push("");
  }
  if (result.fixed.length > 0 && !written) {
    out.push(`fixed since the baseline (${result.fixed.length}): \`remedy check --update-baseline\` drops them`);
    for (const e of result.fixed.slice(0, FIXED_SHOWN))
      out.push(`- ${e.file}  ${labelOf(e.kind)}${e.subject ? ` \`${e.subject}\`` : ""}`);
    if (result.fixed.length > FIXED_SHOWN) out.push(`  … and ${result.fixed.length - FIXED_SHOWN} more`);
    out.push("");
  }
  if (!result.audited && result.unchecked > 0)
    out.push(`${plural(result.unchecked, "audit entry")} of the baseline not checked (the audit did not run)`, "");
  for (const w of result.warnings) out.push(`warning: ${w}`);
  const c = result.collection;
  out.push(
    `${c.blockedTestFiles} of ${c.testFiles} test files blocked; ${result.known.length} known, ${result.new.length} new, ${result.fixed.length} fixed (${(result.durationMs / 1000).toFixed(1)} s)`,
  );
  return `${out.join("\n")}\n`;
}
