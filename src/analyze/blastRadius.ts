// What one root cause costs: the test files where it is the error pytest reports, the tests in them, the areas
// they belong to, and the files where it waits behind another error.

import { dirname, join, sep } from "node:path";
import type { AnalysisInput } from "./analysisInput.ts";
import { areasOf, relPath } from "./areas.ts";
import { type ModuleLookup, TestCounter } from "./collectableTests.ts";
import type { FindingOf } from "./findingFields.ts";
import type { FileFailures, ReportedFailures } from "./reportedFailures.ts";

export interface BlastRadius {
  blocks: FindingOf<string>["blocks"];
  hiddenIn: string[];
  hidden: boolean;
}

interface Counts {
  counter: TestCounter;
  byFile: Map<string, { count: number; exact: boolean }>;
  /** Test modules the model saw skip themselves at import. */
  skipped?: Set<string>;
}

const counters = new WeakMap<AnalysisInput, Counts>();

function countsOf(input: AnalysisInput): Counts {
  let counts = counters.get(input);
  if (!counts) {
    counts = { counter: new TestCounter(input.session, moduleLookup(input)), byFile: new Map() };
    counters.set(input, counts);
  }
  return counts;
}

/** Test items pytest collects from a test file that imports, following its classes' bases and imported tests
 *  into the other first-party modules (memoized per input: reports ask for each file several times). */
export function testsIn(input: AnalysisInput, file: string): { count: number; exact: boolean } {
  const counts = countsOf(input);
  let n = counts.byFile.get(file);
  if (!n) {
    counts.skipped ??= new Set(input.model.files.filter((f) => f.skipped).map((f) => f.path));
    // A module that skips itself while it is imported has no items.
    n = counts.skipped.has(file) ? { count: 0, exact: true } : counts.counter.count(file, input.facts(file));
    counts.byFile.set(file, n);
  }
  return n;
}

/** The tests pytest does not collect from `file` because of its reported error: all of them, or the items of
 *  one class when only that class's node fails (FileFailures.onlyClass). */
export function blockedTestsIn(input: AnalysisInput, file: string, f: FileFailures): { count: number; exact: boolean } {
  if (f.onlyClass === undefined) return testsIn(input, file);
  const key = `${file}::${f.onlyClass}`;
  const counts = countsOf(input);
  let n = counts.byFile.get(key);
  if (!n) {
    n = counts.counter.count(file, input.facts(file), f.onlyClass);
    counts.byFile.set(key, n);
  }
  return n;
}

/** Finds first-party modules by file, as the import system would on the search roots: the importer's own
 *  prepend directory (above its top-most package) first, then the rootdir's sys.path entries and test roots. */
function moduleLookup(input: AnalysisInput): ModuleLookup {
  const files = new Set(input.modules.map((m) => m.path));
  const roots = [...new Set(input.searchRoots ?? [input.session.rootdir])];
  const onRoots = new Map<string, string | null>();
  const fileIn = (dir: string, parts: string[]): string | null => {
    const base = join(dir, ...parts);
    for (const candidate of [join(base, "__init__.py"), `${base}.py`]) if (files.has(candidate)) return candidate;
    return null;
  };
  const conftests = input.model.files.filter((f) => f.role === "conftest").map((f) => f.path);
  let plugins: string[] | null = null;
  const lookup: ModuleLookup = {
    facts: (path) => input.facts(path),
    conftestsOf(testFile) {
      const dir = dirname(testFile);
      return conftests
        .filter((c) => dir === dirname(c) || dir.startsWith(`${dirname(c)}${sep}`))
        .sort((a, b) => a.length - b.length);
    },
    pluginModules() {
      // pytest_plugins of the conftests (and of the plugins they name, recursively): modules remedy can read.
      if (plugins !== null) return plugins;
      const found: string[] = [];
      const queue = [...conftests];
      while (queue.length > 0) {
        const from = queue.shift()!;
        for (const name of input.facts(from).pytest.plugins ?? []) {
          const file = lookup.findModule(from, name);
          if (file !== null && !found.includes(file) && !conftests.includes(file)) {
            found.push(file);
            queue.push(file);
          }
        }
      }
      plugins = found;
      return found;
    },
    findModule(importer, name) {
      const level = /^\.*/.exec(name)![0].length;
      const parts = name.slice(level).split(".").filter(Boolean);
      if (level > 0) {
        let dir = dirname(importer);
        for (let i = 1; i < level; i++) dir = dirname(dir);
        return parts.length === 0
          ? files.has(join(dir, "__init__.py"))
            ? join(dir, "__init__.py")
            : null
          : fileIn(dir, parts);
      }
      let own = dirname(importer);
      while (files.has(join(own, "__init__.py")) && dirname(own) !== own) own = dirname(own);
      const hit = fileIn(own, parts);
      if (hit) return hit;
      // The roots are the same for every importer (hundreds in a large tree, one per test directory): each
      // absolute name is looked up through them once.
      const key = parts.join(".");
      let found = onRoots.get(key);
      if (found === undefined) {
        found = null;
        for (const root of roots) {
          found = fileIn(root, parts);
          if (found) break;
        }
        onRoots.set(key, found);
      }
      return found;
    },
  };
  return lookup;
}

/** For each root key, the test files whose reported (or would-be) error it is, or whose failures include it.
 *  Built once per ReportedFailures: O(test files x their failures). */
interface KeyIndex {
  order: Map<string, number>;
  byKey: Map<string, string[]>;
}

const keyIndexes = new WeakMap<ReportedFailures, KeyIndex>();

function keyIndex(reportedFailures: ReportedFailures): KeyIndex {
  let index = keyIndexes.get(reportedFailures);
  if (index) return index;
  index = { order: new Map(), byKey: new Map() };
  for (const [file, f] of reportedFailures.byFile) {
    index.order.set(file, index.order.size);
    for (const k of new Set([...f.all, f.reported, f.maybe])) {
      if (k === null) continue;
      const files = index.byKey.get(k);
      if (files) files.push(file);
      else index.byKey.set(k, [file]);
    }
  }
  keyIndexes.set(reportedFailures, index);
  return index;
}

/** `rootKeys`: the statements that make up one root cause (one key, or every import of the same missing name). */
/** For a "maybe" root cause, `blocks` lists the files it would be the reported error in, should it happen. Only
 *  the files that mention one of the keys are visited (an index per ReportedFailures), in its order:
 *  O(those files) per root cause, not O(all test files). */
export function blastRadius(
  input: AnalysisInput,
  reportedFailures: ReportedFailures,
  rootKeys: string | Set<string>,
  maybe = false,
): BlastRadius {
  const keys = typeof rootKeys === "string" ? new Set([rootKeys]) : rootKeys;
  const index = keyIndex(reportedFailures);
  const files = new Set<string>();
  for (const k of keys) for (const file of index.byKey.get(k) ?? []) files.add(file);
  const inOrder = [...files].sort((a, b) => index.order.get(a)! - index.order.get(b)!);
  const blocked: string[] = [];
  const hiddenIn: string[] = [];
  let tests = 0;
  let exact = true;
  for (const file of inOrder) {
    const f = reportedFailures.byFile.get(file)!;
    const first = maybe ? f.maybe : f.reported;
    if (first !== null && keys.has(first)) {
      blocked.push(relPath(input.session.rootdir, file));
      const n = blockedTestsIn(input, file, f);
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
