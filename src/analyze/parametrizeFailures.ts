// Which `parametrize` fails a test module's collection first: pytest's ParameterSet._for_parametrize rejects a
// value whose count of values differs from the number of argument names (Failed, printed without a traceback),
// when it generates the items of the first test that carries the mark. The values are counted from the facts
// (src/python/parametrizeArity.ts) under the reading the installed pytest applies: a one-name string reads each
// value as a 1-tuple, except that pytest 9.1 reads `"name,"` (a trailing comma) as a tuple of names, whose values
// are then sequences (ansible's `parametrize('stdin,', ({},))` collects under 8.4 and 9.0, fails under 9.1).
// Only marks on what pytest certainly collects count: a module-level def whose name matches python_functions and
// is not a fixture (the module's items are generated in definition order: the first such def fails the module).
// Without one, a mark on a method of a test class (or on the class, for its methods) fails only the class's node:
// pytest reports the error for `file::Class` and collects the rest of the module (`className`). Two marks that
// parametrize the same argument of one test fail it the same way ("duplicate parametrization", pytest 8 and 9).
import type { FileFacts, Parametrize, ParametrizeMiscount } from "../python/index.ts";
import type { PytestSession } from "./analysisInput.ts";
import { matchesPrefixOrGlob } from "./collectableTests.ts";

export interface ParametrizeFailure {
  line: number;
  col: number;
  /** The test's name (its node id after the file). */
  test: string;
  message: string;
  /** Failed for a miscount; CollectError for an argument two marks parametrize (`duplicate`). */
  exceptionType: "Failed" | "CollectError";
  duplicate?: string;
  /** Set when the failing test is a method: only this class's node fails; the module's other items collect. */
  className?: string;
}

/** The miscount pytest meets for `p` with the installed pytest's reading, or null. */
function miscountFor(p: Parametrize, session: PytestSession): ParametrizeMiscount | null {
  const names = p.argnames;
  if (!names || names.length === 0 || !p.miscount) return null;
  const tuples =
    names.length > 1 ||
    p.namesWritten === "sequence" ||
    (p.namesWritten === "string," && session.trailingCommaTuples !== false);
  return (tuples ? p.miscount.tuple : p.miscount.single) ?? null;
}

/** repr() of a str as CPython prints it (names are identifiers: no escapes needed). */
const strRepr = (s: string) => (s.includes("'") && !s.includes('"') ? `"${s}"` : `'${s.replaceAll("'", "\\'")}'`);

/** The parametrize failure pytest reports for the module `relFile` (rootdir-relative), or null. */
export function parametrizeFailure(
  facts: FileFacts,
  relFile: string,
  session: PytestSession,
): ParametrizeFailure | null {
  const { pythonFunctions } = session;
  // A module collected only for its doctests generates no test items: its parametrize marks are never applied.
  if (session.doctest && doctestOnlySet(session.doctest).has(facts.path)) return null;
  const fixtures = new Set(facts.pytest.fixtures.map((f) => `${f.className ?? ""}.${f.name}`));
  const isTest = (name: string, className: string | null) =>
    matchesPrefixOrGlob(pythonFunctions, name) && !fixtures.has(`${className ?? ""}.${name}`);
  const marksOn = (target: string) =>
    facts.pytest.parametrize.filter((p) => p.target === target).sort((a, b) => b.line - a.line);
  const byLine = <T extends { line: number }>(a: T, b: T) => a.line - b.line;
  // Module-level tests, in definition order: the first that fails fails the module.
  const functions = facts.pytest.functions.filter((f) => f.className === null && isTest(f.name, null)).sort(byLine);
  for (const f of functions) {
    const failure = firstFailure(marksOn(f.name), f.name, relFile, session);
    if (failure) return failure;
  }
  // Then the test classes (collected under python_classes, no `__init__`), each failing on its own node.
  for (const cls of [...facts.pytest.classes].sort(byLine)) {
    if (cls.hasInit || !matchesPrefixOrGlob(session.pythonClasses, cls.name)) continue;
    const onClass = marksOn(cls.name);
    const methods = facts.pytest.functions.filter((f) => f.className === cls.name && isTest(f.name, cls.name));
    for (const f of methods.sort(byLine)) {
      const marks = [...marksOn(`${cls.name}.${f.name}`), ...onClass];
      const failure = firstFailure(marks, `${cls.name}::${f.name}`, relFile, session);
      if (failure) return { ...failure, className: cls.name };
    }
  }
  return null;
}

/** The first error pytest meets generating the items of `test` (its node id after the file) under `marks`, in
 *  pytest's order (the def's own decorators bottom-up, then its class's): a mark whose values miscount
 *  (Failed), else one naming an argument an earlier mark already parametrized (CollectError: "duplicate
 *  parametrization"). Marks whose argnames are not literal settle nothing. */
function firstFailure(
  marks: Parametrize[],
  test: string,
  relFile: string,
  session: PytestSession,
): ParametrizeFailure | null {
  const seen = new Set<string>();
  for (const p of marks) {
    const m = miscountFor(p, session);
    const names = p.argnames ?? [];
    const at = { line: p.line, col: p.col, test };
    if (m) {
      return {
        ...at,
        exceptionType: "Failed",
        message:
          `${relFile}::${test}: in "parametrize" the number of names (${names.length}):\n` +
          `  [${names.map(strRepr).join(", ")}]\n` +
          `must be equal to the number of values (${m.count}):\n` +
          `  ${m.repr ?? "(a value remedy cannot print)"}`,
      };
    }
    const twice = names.find((n) => seen.has(n));
    if (twice !== undefined) {
      return {
        ...at,
        exceptionType: "CollectError",
        duplicate: twice,
        message: `${relFile}::${test}: duplicate parametrization of ${strRepr(twice)}`,
      };
    }
    for (const n of names) seen.add(n);
  }
  return null;
}

/** The doctest-only modules as a set, once per session (parametrizeFailure is asked once per test file). */
const doctestSets = new WeakMap<{ doctestOnly: string[] }, ReadonlySet<string>>();
function doctestOnlySet(doctest: { doctestOnly: string[] }): ReadonlySet<string> {
  let set = doctestSets.get(doctest);
  if (!set) {
    set = new Set(doctest.doctestOnly);
    doctestSets.set(doctest, set);
  }
  return set;
}
