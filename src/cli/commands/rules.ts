// `remedy rules [KIND] [--json]`: the kinds of finding remedy reports (like `ruff rule`): one line each, or the
// documentation of one kind. Each kind's documentation lives in its analyzer file (src/analyze/kinds/), read through
// the registry (src/analyze/findingKinds.ts).
import type { Command } from "commander";
import { codemodsFor, FINDING_KINDS, type FindingKindInfo, RemedyError } from "../../index.ts";

/** What `remedy fix` offers for the kind, from the codemod registry. */
function fixedBy(kind: string): string {
  const codemods = codemodsFor(kind);
  return codemods.length > 0 ? `remedy fix: ${codemods.join(", ")}` : "fixed by hand";
}

function describe(k: FindingKindInfo): string {
  const example = k.example
    .split("\n")
    .map((l) => `    ${l}`)
    .join("\n");
  return [
    `${k.kind} (${k.label})`,
    `  category ${k.category} · severity ${k.severity} · ${fixedBy(k.kind)}`,
    "",
    "  What it is",
    `    ${k.whatItIs}`,
    "  Why it matters",
    `    ${k.whyItMatters}`,
    "  Example",
    example,
    "",
  ].join("\n");
}

export function registerRules(program: Command): void {
  program
    .command("rules")
    .description("list the kinds of finding remedy reports, or document one")
    .argument("[kind]", "a finding kind (e.g. missing-name)")
    .option("--json", "print them as JSON")
    .action((kind: string | undefined, opts: { json?: boolean }) => {
      const chosen = kind ? FINDING_KINDS.filter((k) => k.kind === kind) : FINDING_KINDS;
      if (kind && chosen.length === 0) {
        throw new RemedyError(`unknown finding kind: ${kind} (known: ${FINDING_KINDS.map((k) => k.kind).join(", ")})`);
      }
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(kind ? chosen[0] : chosen, null, 2)}\n`);
        return;
      }
      if (kind) {
        process.stdout.write(describe(chosen[0] as FindingKindInfo));
        return;
      }
      const width = Math.max(...FINDING_KINDS.map((k) => k.kind.length));
      for (const k of FINDING_KINDS) {
        process.stdout.write(`${k.kind.padEnd(width)}  ${k.category.padEnd(13)}  ${k.label}\n`);
      }
    });
}
