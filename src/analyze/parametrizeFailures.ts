// Which `parametrize` fails a test module's collection first: pytest's ParameterSet._for_parametrize rejects a
// value whose count of values differs from the number of argument names (Failed, printed without a traceback),
// when it generates the items of the first test that carries the mark. The values are counted from the facts
// (src/python/parametrizeArity.ts) under the reading the installed pytest applies: a one-name string reads each
// value as a 1-tuple, except that pytest 9.1 reads `"name,"` (a trailing comma) as a tuple of names, whose values
// are then sequences (ansible's `parametrize('stdin,', ({},))` collects under 8.4 and 9.0, fails under 9.1).
// Only marks on what pytest certainly collects count: a module-level def whose name matches python_functions and
// is not a fixture (the module's items are generated in definition order: the first such def fails the module).
// Without one, a mark on a method of a test class (or on the class, for its methods) fails only the class's node:
// pytest reports the error for `file::Class` and collects the rest of the module (`className`).
import type { FileFacts, Parametrize, ParametrizeMiscount } from "../python/index.ts";
import type { PytestSession } from "./analysisInput.ts";
import { matchesPrefixOrGlob } from "./collectableTests.ts";

export interface ParametrizeFailure {
  line: number;
  col: number;
  /** The test's name (its node id after the file). */
  test: string;
  message: string;
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
  const testName = (name: string, className: string | null) =>
    matchesPrefixOrGlob(pythonFunctions, name) && !fixtures.has(`${className ?? ""}.${name}`);
  const candidates: { p: Parametrize; m: ParametrizeMiscount; test: string }[] = [];
  for (const p of facts.pytest.parametrize) {
    const m = miscountFor(p, session);
    // Module-level tests only: on a test class the error belongs to the class's node (pytest collects the rest
    // of the module), which remedy does not model yet.
    if (!m || p.target.includes(".") || facts.pytest.classes.some((c) => c.name === p.target)) continue;
    if (!testName(p.target, null)) continue;
    if (!facts.pytest.functions.some((f) => f.className === null && f.name === p.target)) continue;
    candidates.push({ p, m, test: p.target });
  }
  if (candidates.length === 0) candidates.push(...classCandidates(facts, session, testName));
  const chosen = candidates.sort((a, b) => a.p.line - b.p.line)[0];
  if (!chosen) return null;
  const { p, m, test } = chosen;
  const names = p.argnames as string[];
  return {
    line: p.line,
    col: p.col,
    test,
    ...(test.includes("::") ? { className: test.split("::")[0] as string } : {}),
    message:
      `${relFile}::${test}: in "parametrize" the number of names (${names.length}):\n` +
      `  [${names.map(strRepr).join(", ")}]\n` +
      `must be equal to the number of values (${m.count}):\n` +
      `  ${m.repr ?? "(a value remedy cannot print)"}`,
  };
}

/** Failing marks on the methods of the module's test classes (a class collected under python_classes without an
 *  `__init__`), each class's methods in definition order, a class-level mark counting for every method. */
function classCandidates(
  facts: FileFacts,
  session: PytestSession,
  testName: (name: string, className: string | null) => boolean,
): { p: Parametrize; m: ParametrizeMiscount; test: string }[] {
  const out: { p: Parametrize; m: ParametrizeMiscount; test: string }[] = [];
  for (const cls of facts.pytest.classes) {
    if (cls.hasInit || !matchesPrefixOrGlob(session.pythonClasses, cls.name)) continue;
    const methods = facts.pytest.functions
      .filter((f) => f.className === cls.name && testName(f.name, cls.name))
      .sort((a, b) => a.line - b.line);
    const onClass = facts.pytest.parametrize.filter((p) => p.target === cls.name);
    for (const f of methods) {
      const marks = [...onClass, ...facts.pytest.parametrize.filter((p) => p.target === `${cls.name}.${f.name}`)];
      const failing = marks
        .map((p) => ({ p, m: miscountFor(p, session) }))
        .filter((x): x is { p: Parametrize; m: ParametrizeMiscount } => x.m !== null)
        .sort((a, b) => a.p.line - b.p.line)[0];
      if (failing) {
        out.push({ ...failing, test: `${cls.name}::${f.name}` });
        break;
      }
    }
  }
  return out;
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
