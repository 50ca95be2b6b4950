// Settles the `if` statements whose tests depend only on the interpreter (docs/facts.md, branches): with the
// interpreter's version and platform known, the statements of a branch that cannot run are dropped and those of a
// branch that runs are as certain as their surroundings; an unknown interpreter (or an unknown part of a test)
// leaves them conditional, which is what the facts would say without branch facts. O(facts + total branch span).
import { isEvaluable } from "./branchConditions.ts";
import type { BranchCondition, FileFacts } from "./facts.ts";

/** What the tests can ask of the interpreter and of the process pytest runs in. */
export interface InterpreterTraits {
  /** sys.version_info[:3]; null when not known. */
  version: [number, number, number] | null;
  /** sys.platform and os.name; null when not known. */
  platform: string | null;
  osName: string | null;
  /** The environment pytest runs in (`os.environ`); absent or null: tests on it stay unknown. */
  environ?: Readonly<Record<string, string | undefined>> | null;
  /** Told of each environment variable a test asked for (a stored result is valid only while they keep their
   *  values). */
  onEnvKey?: (key: string) => void;
  /** `sys.argv[1:]` as pytest sees it (the arguments it was given); absent or null: tests on it stay unknown. */
  argv?: readonly string[] | null;
}

/** Python's tuple comparison of a with b: negative, zero or positive. */
function compareTuples(a: number[], b: number[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

function holds(op: string, c: number): boolean {
  switch (op) {
    case "<":
      return c < 0;
    case "<=":
      return c <= 0;
    case ">":
      return c > 0;
    case ">=":
      return c >= 0;
    case "==":
      return c === 0;
    default:
      return c !== 0;
  }
}

/** `not`/`and`/`or` of a test, three-valued, its other parts decided by `leaf` (null: unknown): `and` is false as
 *  soon as one part is, `or` true as soon as one part is, whatever the unknown parts are. */
export function combineCondition(t: BranchCondition, leaf: (t: BranchCondition) => boolean | null): boolean | null {
  switch (t.kind) {
    case "not": {
      const v = combineCondition(t.arg, leaf);
      return v === null ? null : !v;
    }
    case "and":
    case "or": {
      const decisive = t.kind === "or";
      let unknown = false;
      for (const a of t.args) {
        const v = combineCondition(a, leaf);
        if (v === decisive) return decisive;
        if (v === null) unknown = true;
      }
      return unknown ? null : !decisive;
    }
    default:
      return leaf(t);
  }
}

/** The test's value under the interpreter: true, false, or null when it cannot be known. */
export function evaluateCondition(t: BranchCondition, env: InterpreterTraits | null): boolean | null {
  switch (t.kind) {
    case "unknown":
    case "hasattr":
      return null;
    case "name":
      return t.name === "TYPE_CHECKING" ? false : null;
    case "main":
      // pytest imports every module under its own name: `__name__` is never "__main__".
      return t.op === "!=";
    case "env": {
      const environ = env?.environ;
      if (!environ) return null;
      env.onEnvKey?.(t.key);
      const set = environ[t.key];
      if (t.op === "in" || t.op === "not in") return (set !== undefined) === (t.op === "in");
      const value = set ?? t.default;
      switch (t.op) {
        case "truthy":
          return value !== null && value !== "";
        case "==":
        case "!=":
          return (value === t.value) === (t.op === "==");
        default:
          return (value === null) === (t.op === "is");
      }
    }
    case "argv": {
      const argv = env?.argv;
      if (!argv) return null;
      return argv.includes(t.value) === (t.op === "in");
    }
    case "not":
    case "and":
    case "or":
      return combineCondition(t, (part) => evaluateCondition(part, env));
    case "version": {
      if (!env?.version) return null;
      // sys.version_info has five fields (major, minor, micro, releaselevel, serial): a 1-3 int literal equal to
      // its prefix compares as smaller, so `== (3, 11)` is False on 3.11.7 as in Python.
      const v = env.version;
      if (t.index !== null) return holds(t.op, v[t.index]! - t.value[0]!);
      const left = t.slice !== null ? v.slice(0, t.slice) : [...v, 0, 0];
      return holds(t.op, compareTuples(left, t.value));
    }
    case "platform":
    case "osName": {
      const actual = t.kind === "platform" ? env?.platform : env?.osName;
      if (actual === null || actual === undefined) return null;
      if (t.op === "startswith") return actual.startsWith(t.value);
      return (actual === t.value) === (t.op === "==");
    }
  }
}

/** The test with its decided parts taken out (`False or X` is X, `True and X` is X), for a test whose value is
 *  unknown: what holds on its body is then read off the parts that decide it (src/graph/controlFlow.ts). */
export function undecidedPart(t: BranchCondition, env: InterpreterTraits | null): BranchCondition {
  if (t.kind === "not") return { kind: "not", arg: undecidedPart(t.arg, env) };
  if (t.kind !== "and" && t.kind !== "or") return t;
  // In an `and` a true part decides nothing (nor a false one in an `or`); the test being unknown, no part is
  // decisive.
  const neutral = t.kind === "and";
  const args = t.args.filter((a) => evaluateCondition(a, env) !== neutral).map((a) => undecidedPart(a, env));
  return args.length === 1 ? args[0]! : { kind: t.kind, args };
}

const DEAD = 1;
const MAYBE = 2;
/** Facts this module returned: settling them again changes nothing. */
const SETTLED = new WeakSet<FileFacts>();

/** The facts with their evaluable branches settled: the statements of a branch that cannot run are dropped, those
 *  of a branch that runs stay as they are, and those of a branch whose test cannot be known become conditional.
 *  The branches left are those whose outcome is unknown (the model tracks what they bind). */
export function settleStaticBranches(facts: FileFacts, env: InterpreterTraits | null): FileFacts {
  if (facts.branches.length === 0 || SETTLED.has(facts)) return facts;
  let last = -1;
  for (const b of facts.branches) last = Math.max(last, b.body[1], b.orelse?.[1] ?? -1);
  const state = new Uint8Array(last + 1);
  const mark = (range: [number, number] | null, runs: boolean | null) => {
    if (range === null || runs === true) return;
    const s = runs === false ? DEAD : MAYBE;
    for (let i = range[0]; i <= range[1]; i++) state[i]! |= s;
  };
  const undecided: FileFacts["branches"] = [];
  let anyEvaluable = false;
  for (const b of facts.branches) {
    // Unknown tests made their bodies conditional in the facts already.
    if (!isEvaluable(b.test)) {
      undecided.push(b);
      continue;
    }
    anyEvaluable = true;
    const v = evaluateCondition(b.test, env);
    mark(b.body, v);
    mark(b.orelse, v === null ? null : !v);
    if (v === null) undecided.push({ ...b, test: undecidedPart(b.test, env) });
  }
  if (!anyEvaluable) {
    SETTLED.add(facts);
    return facts;
  }
  const at = (stmt: number) => (stmt >= 0 && stmt <= last ? state[stmt]! : 0);
  const live = <T extends { stmt: number }>(x: T) => (at(x.stmt) & DEAD) === 0;
  const settle = <T extends { stmt: number; conditional?: boolean }>(xs: T[]): T[] =>
    xs.filter(live).map((x) => (at(x.stmt) & MAYBE && !x.conditional ? { ...x, conditional: true } : x));
  const out: FileFacts = {
    ...facts,
    imports: settle(facts.imports),
    bindings: settle(facts.bindings),
    starImports: facts.starImports.filter(live),
    reads: settle(facts.reads),
    attributeReads: settle(facts.attributeReads),
    sysPath: settle(facts.sysPath),
    calls: (facts.calls ?? [])
      .filter(live)
      .map((c) => (at(c.stmt) & MAYBE && !c.conditional ? { ...c, conditional: true } : c)),
    branches: undecided.filter(live),
    arms: (facts.arms ?? []).filter(live),
    tries: facts.tries.filter(live),
  };
  SETTLED.add(out);
  return out;
}
