// What one root cause costs: the test files where it is the error pytest reports, the tests in them, the areas
// they belong to, and the files where it waits behind another error.
import type { AnalysisInput } from "./analysisInput.ts";
import { areasOf, relPath } from "./areas.ts";
import { countCollectableTests } from "./collectableTests.ts";
import type { Finding } from "./finding.ts";
import type { Resolution } from "./reportedFailures.ts";

export interface BlastRadius {
  blocks: Finding["blocks"];
  hiddenIn: string[];
  hidden: boolean;
}

export function testsIn(input: AnalysisInput, file: string): { count: number; exact: boolean } {
  return countCollectableTests(input.facts(file), input.session);
}

/** `rootKeys`: the statements that make up one root cause (one key, or every import of the same missing name). */
/** For a "maybe" root cause, `blocks` lists the files it would be the reported error in, should it happen. */
export function blastRadius(
  input: AnalysisInput,
  resolution: Resolution,
  rootKeys: string | Set<string>,
  maybe = false,
): BlastRadius {
  const keys = typeof rootKeys === "string" ? new Set([rootKeys]) : rootKeys;
  const blocked: string[] = [];
  const hiddenIn: string[] = [];
  let tests = 0;
  let exact = true;
  for (const [file, f] of resolution.byFile) {
    const first = maybe ? f.maybe : f.reported;
    if (first !== null && keys.has(first)) {
      blocked.push(relPath(input.session.rootdir, file));
      const n = testsIn(input, file);
      tests += n.count;
      exact &&= n.exact;
    } else if (f.all.some((k) => keys.has(k))) hiddenIn.push(relPath(input.session.rootdir, file));
  }
  return {
    blocks: { testFiles: blocked, tests, areas: areasOf(blocked), ...(exact ? {} : { testsLowerBound: true }) },
    hiddenIn,
    hidden: blocked.length === 0 && hiddenIn.length > 0,
  };
}
