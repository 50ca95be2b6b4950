// Facts for a list of files, with CPython's verdict on syntax added when an interpreter is available: the scanner
// sees unbalanced brackets and bad strings itself, but only a full compiler sees `x = = 1` or a stray `yield`.
// One batch compile() process for all files; it parses, it never executes repository code.
import { confirmSyntax } from "./compileCheck.ts";
import { type ExtractOptions, readFileFacts } from "./extractFacts.ts";
import type { FileFacts } from "./facts.ts";

export interface ConfirmedFactsOptions extends ExtractOptions {
  /** Interpreter used to confirm syntax; null skips the confirmation. */
  python?: string | null;
}

export async function confirmedFacts(paths: string[], options: ConfirmedFactsOptions = {}): Promise<FileFacts[]> {
  const facts = paths.map((p) => readFileFacts(p, options));
  if (!options.python) return facts;
  const parsed = facts.filter((f) => f.status === "ok" || f.status === "syntax-error");
  const verdicts = await confirmSyntax(
    parsed.map((f) => f.path),
    options.python,
  );
  for (const f of parsed) {
    const verdict = verdicts.get(f.path);
    if (verdict === undefined) continue;
    // CPython is the authority: its error replaces the scanner's guesses, and its acceptance clears them.
    f.syntaxErrors = verdict === null ? [] : [verdict];
    f.status = verdict === null ? "ok" : "syntax-error";
  }
  return facts;
}
