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

export function testsIn(input: AnalysisInput, file: string): number {
  return countCollectableTests(input.facts(file), input.session);
}

export function blastRadius(input: AnalysisInput, resolution: Resolution, rootKey: string): BlastRadius {
  const blocked: string[] = [];
  const hiddenIn: string[] = [];
  let tests = 0;
  for (const [file, f] of resolution.byFile) {
    if (f.reported === rootKey) {
      blocked.push(relPath(input.session.rootdir, file));
      tests += testsIn(input, file);
    } else if (f.all.includes(rootKey)) hiddenIn.push(relPath(input.session.rootdir, file));
  }
  return {
    blocks: { testFiles: blocked, tests, areas: areasOf(blocked) },
    hiddenIn,
    hidden: blocked.length === 0 && hiddenIn.length > 0,
  };
}
