// Which names are bound on every path to the statement executing: definite assignment over a module's control flow,
// as CPython decides a read (a NameError only when some path from the module's start leaves the name unbound).
// The bodies that may not run (undecided `if` branches, loops, handlers, a try's `else`, match cases) are arms; a
// name bound inside an arm is bound for the rest of that arm, and after it only when every arm of a statement that
// always takes one of them (an `if` with an `else`, a `try` with an `else`) binds it; after a loop that ends only
// through its own `break`s (`while True:`, or an `else` that never falls through: `else: continue`) a name is bound
// when it was bound at every `break`. Two `if`s on the same plain
// names take the same branch when nothing rebinds those names in between: what the first bound under a condition
// is bound under the second. A `try` whose body certainly raised runs the handler that catches it and no other; one
// whose body only imported what certainly imports runs no handler (the fallback of `try: from unittest import mock`
// / `except ImportError: import mock` never runs). Cost: O(arms + events) per module execution.
import type { BranchCondition, ConditionalArm, FileFacts, ReadGuard } from "../python/index.ts";
import type { ModuleRecord, NameValue } from "./interpreterSession.ts";
import { catches } from "./pythonNames.ts";
import type { StatementEvent } from "./statementEvents.ts";

/** A plain name's truth value a path assumes (`flag` -> true on the body of `if flag:`), and `hasattr(NAME,
 *  "attr")`'s as the atom `NAME.attr`. */
export type Literals = ReadonlyMap<string, boolean>;

export const hasattrAtom = (name: string, attr: string): string => `${name}.${attr}`;

interface ArmPlan {
  /** Line of the compound statement. */
  line: number;
  from: number;
  to: number;
  group: GroupPlan;
  kind: ConditionalArm["kind"] | "branch";
  /** For a branch: the `if`'s test, and whether this is its body (true) or its `else`. */
  test: BranchCondition | null;
  positive: boolean;
  literals: Literals | null;
  exits: boolean;
  catches: string[] | null;
}

interface GroupPlan {
  stmt: number;
  /** For a try: the names its handlers bind with `except ... as NAME` (bound inside a handler, unbound after). */
  exceptNames: string[];
  arms: ArmPlan[];
  /** Every path through the statement that goes on after it passes through exactly one of its arms. */
  complete: boolean;
  /** For a try: its body's statements, and whether they hold only imports. */
  tryBody: [number, number] | null;
  quietBody: boolean;
  /** For a loop: every path that goes on after it passes through one of its own `break`s (its `else` never falls
   *  through, or it is `while True:`), so what every `break` finds bound is bound after it. */
  breakOnly: boolean;
}

interface BreakPoint {
  stmt: number;
  group: GroupPlan;
}

interface FlowPlan {
  /** Names code in a def may rebind (`global`): no stable conditions. */
  unstable: ReadonlySet<string>;
  arms: ArmPlan[];
  tries: GroupPlan[];
  /** The `break`s of loops whose group is breakOnly, in statement order. */
  breaks: BreakPoint[];
}

const PLANS = new WeakMap<FileFacts, FlowPlan>();
const GUARDS = new WeakMap<ReadGuard, Literals>();

/** The literals that hold on the body (`positive`) or the `else` of an `if` with test `t`. */
function literalsOf(
  t: BranchCondition,
  positive: boolean,
  out: Map<string, boolean>,
  unstable: ReadonlySet<string>,
): void {
  switch (t.kind) {
    case "name":
      if (!unstable.has(t.name)) out.set(t.name, positive);
      return;
    case "hasattr":
      // The atom `NAME.attr` (no plain name has a dot): where it holds, reading NAME.attr cannot fail.
      if (!unstable.has(t.name)) out.set(hasattrAtom(t.name, t.attr), positive);
      return;
    case "not":
      literalsOf(t.arg, !positive, out, unstable);
      return;
    case "and":
    case "or":
      // All parts hold on the body of an `and`, and all fail on the else of an `or`; otherwise nothing is known.
      if ((t.kind === "and") === positive || t.args.length === 1)
        for (const a of t.args) literalsOf(a, positive, out, unstable);
      return;
    default:
      return;
  }
}

function planOf(facts: FileFacts, events: readonly StatementEvent[]): FlowPlan {
  const hit = PLANS.get(facts);
  if (hit) return hit;
  const arms: ArmPlan[] = [];
  // Names code in a def may rebind (`global`) are no stable conditions.
  const unstable = new Set(facts.globalNames ?? []);
  for (const b of facts.branches) {
    const group: GroupPlan = {
      stmt: b.stmt,
      exceptNames: [],
      arms: [],
      complete: b.orelse !== null,
      tryBody: null,
      quietBody: false,
      breakOnly: false,
    };
    const lits = (positive: boolean) => {
      const m = new Map<string, boolean>();
      literalsOf(b.test, positive, m, unstable);
      return m.size > 0 ? m : null;
    };
    const add = (range: [number, number], positive: boolean, exits: boolean) => {
      const arm: ArmPlan = {
        line: b.line,
        from: range[0],
        to: range[1],
        group,
        kind: "branch",
        test: b.test,
        positive,
        literals: lits(positive),
        exits,
        catches: null,
      };
      group.arms.push(arm);
      arms.push(arm);
    };
    add(b.body, true, b.bodyExits === true);
    if (b.orelse) add(b.orelse, false, b.orelseExits === true);
  }
  const groups = new Map<number, GroupPlan>();
  const tries: GroupPlan[] = [];
  const loopBreaks: [GroupPlan, number[]][] = [];
  for (const a of facts.arms ?? []) {
    let group = groups.get(a.stmt);
    if (!group) {
      const t = a.kind === "handler" || a.kind === "tryElse" ? facts.tries.find((x) => x.stmt === a.stmt) : undefined;
      const exceptNames = facts.bindings.filter((x) => x.kind === "except" && x.stmt === a.stmt).map((x) => x.name);
      const tryBody = t ? t.body : null;
      group = { stmt: a.stmt, exceptNames, arms: [], complete: false, tryBody, quietBody: false, breakOnly: false };
      groups.set(a.stmt, group);
      if (t) tries.push(group);
    }
    // A try with an else: every path that goes on passes its else or one of its handlers.
    if (a.kind === "tryElse") group.complete = true;
    if (a.kind === "loop") {
      if (a.infinite) group.breakOnly = true;
      if (a.breaks) loopBreaks.push([group, a.breaks]);
    }
    if (a.kind === "loopElse" && a.exits) group.breakOnly = true;
    const arm: ArmPlan = {
      line: a.line,
      from: a.body[0],
      to: a.body[1],
      group,
      kind: a.kind,
      test: null,
      positive: true,
      literals: null,
      exits: a.exits === true,
      catches: a.catches ?? null,
    };
    group.arms.push(arm);
    arms.push(arm);
  }
  for (const g of tries) {
    const [from, to] = g.tryBody as [number, number];
    g.quietBody = events.every((e) => e.stmt < from || e.stmt > to || e.type === "import");
  }
  // Pre-order statement numbers: an arm that starts earlier encloses or precedes; at equal starts (never for
  // distinct bodies) the longer one encloses.
  arms.sort((x, y) => x.from - y.from || y.to - x.to);
  tries.sort((x, y) => (x.tryBody as [number, number])[0] - (y.tryBody as [number, number])[0]);
  const breaks: BreakPoint[] = [];
  for (const [group, at] of loopBreaks) if (group.breakOnly) for (const stmt of at) breaks.push({ stmt, group });
  breaks.sort((x, y) => x.stmt - y.stmt);
  const plan = { unstable, arms, tries, breaks };
  PLANS.set(facts, plan);
  return plan;
}

type Mode = "maybe" | "certain" | "dead";

interface OpenArm {
  plan: ArmPlan;
  mode: Mode;
  /** Names this arm bound that were not certainly bound when it started, with their entry before it. */
  added: Map<string, NameValue | undefined>;
  literals: Map<string, boolean> | null;
}

interface GroupState {
  closed: number;
  allMaybe: boolean;
  /** Per arm that falls through: the names it added. */
  bound: Set<string>[];
  /** For a breakOnly loop: per `break` that ran (or may have), the names its body had bound there. */
  atBreaks: Set<string>[];
}

/** How a try's body ended, as far as the model knows. */
export interface TryOutcomes {
  /** The body raised, certainly, an exception of this type, which one of its handlers caught. */
  caught(tryStmt: number): string | undefined;
  /** A counter that moves whenever a failure (certain or not, caught or not) is met. */
  failures(): number;
  /** An `if` test's value where the model knows it when the `if` runs (`hasattr(jinja2, "pass_context")` of an
   *  installed module), else undefined. */
  decide?(test: BranchCondition): boolean | undefined;
}

export class ControlFlow {
  private readonly plan: FlowPlan;
  private next = 0;
  private nextTry = 0;
  private nextBreak = 0;
  private readonly open: OpenArm[] = [];
  private maybeDepth = 0;
  private deadDepth = 0;
  private readonly groups = new Map<GroupPlan, GroupState>();
  private readonly tryStart = new Map<number, number>();
  /** Atom -> names whose entry's `when` mentions it. */
  private readonly users = new Map<string, Set<string>>();

  constructor(
    facts: FileFacts,
    events: readonly StatementEvent[],
    private readonly rec: ModuleRecord,
    private readonly outcomes: TryOutcomes,
  ) {
    this.plan = planOf(facts, events);
  }

  /** Names code in a def may rebind (`global`): no stable conditions, and no known values. */
  get unstable(): ReadonlySet<string> {
    return this.plan.unstable;
  }

  /** Inside an arm that may not run. */
  get maybe(): boolean {
    return this.maybeDepth > 0;
  }

  /** Whether a statement whose facts say `conditional` (a statement-level flag: imports, bindings) may not run:
   *  inside an arm the arms decide; outside every arm the facts do (a construct no arm describes). */
  mayNotRun(conditional: boolean): boolean {
    return this.maybeDepth > 0 || (conditional && this.open.length === 0);
  }

  /** Moves to statement `stmt` (in execution order); false when it is in an arm that does not run. */
  enter(stmt: number): boolean {
    const { arms, tries } = this.plan;
    while (this.nextTry < tries.length && (tries[this.nextTry]!.tryBody as [number, number])[0] <= stmt) {
      this.tryStart.set(tries[this.nextTry]!.stmt, this.outcomes.failures());
      this.nextTry++;
    }
    // Arms open and close in statement order, also those no event falls in (`else: assert False`): an inner arm
    // closes before the arm around it, so what it bound reaches the statement that joins it. A `break` is never an
    // event: what is bound when the model passes it is what was bound after the last event before it.
    const { breaks } = this.plan;
    for (;;) {
      const arm = this.next < arms.length && arms[this.next]!.from <= stmt ? arms[this.next]! : null;
      const brk =
        this.nextBreak < breaks.length && breaks[this.nextBreak]!.stmt < stmt ? breaks[this.nextBreak]! : null;
      if (arm !== null && (brk === null || arm.from <= brk.stmt)) {
        this.next++;
        this.closeBefore(arm.from);
        this.push(arm);
      } else if (brk !== null) {
        this.nextBreak++;
        this.closeBefore(brk.stmt);
        this.passBreak(brk.group);
      } else break;
    }
    this.closeBefore(stmt);
    return this.deadDepth === 0;
  }

  /** The module ends: the arms after its last event open and close, then every open arm closes. */
  finish(): void {
    this.enter(Number.MAX_SAFE_INTEGER);
    while (this.open.length > 0) this.close();
  }

  /** A name is about to be bound (for certain, on this path) over `prev`. */
  noteBound(name: string, prev: NameValue | undefined): void {
    this.rebound(name);
    if (this.maybeDepth === 0 || prev?.certain) return;
    for (let i = this.open.length - 1; i >= 0; i--) {
      const o = this.open[i]!;
      if (o.mode !== "maybe") continue;
      if (!o.added.has(name)) o.added.set(name, prev);
      return;
    }
  }

  /** A name was rebound (or may have been): conditions on it no longer tell which branch ran. */
  rebound(name: string): void {
    const users = this.users.get(name);
    if (users) {
      for (const n of users) {
        const v = this.rec.ns.get(n);
        if (v?.when?.has(name)) delete v.when;
      }
      this.users.delete(name);
    }
    for (const o of this.open) {
      if (!o.literals) continue;
      o.literals.delete(name);
      for (const atom of o.literals.keys()) if (atom.startsWith(`${name}.`)) o.literals.delete(atom);
    }
  }

  /** Anything may have been rebound (a star import). */
  reboundAll(): void {
    for (const name of [...this.users.keys()]) this.rebound(name);
    for (const o of this.open) o.literals?.clear();
  }

  /** Why the statement executing may not run: the innermost arm that may not. */
  why(): string | null {
    for (let i = this.open.length - 1; i >= 0; i--) {
      const o = this.open[i]!;
      if (o.mode !== "maybe") continue;
      const line = o.plan.line;
      switch (o.plan.kind) {
        case "branch":
          return `it runs only if the \`if\` at line ${line} takes this branch, which remedy cannot decide`;
        case "loop":
          return `it runs only if the loop at line ${line} iterates`;
        case "loopElse":
          return `it runs only if the loop at line ${line} ends without \`break\``;
        case "handler":
          return `it runs only if the body of the \`try\` at line ${line} raises what this handler catches`;
        case "tryElse":
          return `it runs only if the body of the \`try\` at line ${line} raises nothing`;
        case "case":
          return `it runs only if the \`match\` at line ${line} takes this case`;
      }
    }
    return null;
  }

  /** No failure (certain or not) was met since any try whose body holds `stmt` began: the statement certainly runs
   *  when its try body does (a possible failure before it in that body may have been caught and skipped it). */
  quietInTries(stmt: number): boolean {
    const now = this.outcomes.failures();
    for (const t of this.plan.tries) {
      const [from, to] = t.tryBody as [number, number];
      if (stmt >= from && stmt <= to && this.tryStart.get(t.stmt) !== now) return false;
    }
    return true;
  }

  /** The current path assumes every literal of `when`. */
  implies(when: Literals): boolean {
    for (const [atom, value] of when) if (!this.assumes(atom, value)) return false;
    return true;
  }

  /** The current path, in the arm of a conditional expression `guard` describes (if any), assumes every literal of
   *  `when` (`X if flag else None` reads X where `flag` holds). */
  impliesIn(when: Literals, guard: ReadGuard | undefined): boolean {
    if (!guard) return this.implies(when);
    const lits = this.guardLiterals(guard);
    for (const [atom, value] of when) if (lits.get(atom) !== value && !this.assumes(atom, value)) return false;
    return true;
  }

  /** The current path, in the arm `guard` describes, assumes `atom` has `value`. */
  assumesIn(atom: string, value: boolean, guard: ReadGuard | undefined): boolean {
    return (guard !== undefined && this.guardLiterals(guard).get(atom) === value) || this.assumes(atom, value);
  }

  private guardLiterals(guard: ReadGuard): Literals {
    let lits = GUARDS.get(guard);
    if (!lits) {
      const m = new Map<string, boolean>();
      literalsOf(guard.test, guard.value, m, this.plan.unstable);
      lits = m;
      GUARDS.set(guard, lits);
    }
    return lits;
  }

  /** The part of an expression `guard` describes never runs here: its test is decided the other way
   *  (`X if sentinel else None` after `sentinel = None`). */
  neverRuns(guard: ReadGuard | undefined): boolean {
    if (!guard) return false;
    const value = this.outcomes.decide?.(guard.test);
    return value !== undefined && value !== guard.value;
  }

  /** The current path assumes `atom` has `value`. O(open arms). */
  assumes(atom: string, value: boolean): boolean {
    for (const o of this.open) if (o.mode === "maybe" && o.literals?.get(atom) === value) return true;
    return false;
  }

  /** A `break` of a breakOnly loop: the names bound there since the loop's body began (which a path after the loop
   *  has bound when every such `break` has them). */
  private passBreak(g: GroupPlan): void {
    if (this.deadDepth > 0) return;
    let k = this.open.length - 1;
    while (k >= 0 && !(this.open[k]!.plan.group === g && this.open[k]!.plan.kind === "loop")) k--;
    if (k < 0) return;
    const bound = new Set<string>();
    for (let i = k; i < this.open.length; i++)
      for (const name of this.open[i]!.added.keys()) if (this.rec.ns.get(name)?.certain) bound.add(name);
    this.stateOf(g).atBreaks.push(bound);
  }

  private stateOf(g: GroupPlan): GroupState {
    let st = this.groups.get(g);
    if (!st) {
      st = { closed: 0, allMaybe: true, bound: [], atBreaks: [] };
      this.groups.set(g, st);
    }
    return st;
  }

  private closeBefore(stmt: number): void {
    while (this.open.length > 0 && this.open[this.open.length - 1]!.plan.to < stmt) this.close();
  }

  private push(arm: ArmPlan): void {
    const mode: Mode = this.deadDepth > 0 ? "dead" : this.modeOf(arm);
    if (mode === "maybe") this.maybeDepth++;
    else if (mode === "dead") this.deadDepth++;
    this.open.push({ plan: arm, mode, added: new Map(), literals: arm.literals ? new Map(arm.literals) : null });
    // `except E as NAME:` binds NAME for the handler's body (CPython deletes it at the handler's end: an arm that
    // may not run leaves it possibly bound, one that ran leaves it unbound).
    if (arm.kind === "handler" && mode !== "dead") {
      for (const name of arm.group.exceptNames) {
        const prev = this.rec.ns.get(name);
        if (mode === "maybe") this.noteBound(name, prev);
        this.rec.ns.set(name, { certain: true, module: null });
        if (mode === "certain") this.unbindAfter.push([arm, name]);
      }
    }
  }

  /** `except ... as NAME` names of handlers that certainly ran: unbound again when the handler ends. */
  private readonly unbindAfter: [ArmPlan, string][] = [];

  /** Handlers and a try's else run or not as its body ended; a branch whose test the model knows runs or not as
   *  it says; every other arm may or may not run. */
  private modeOf(arm: ArmPlan): Mode {
    if (arm.kind === "branch" && arm.test !== null) {
      const value = this.outcomes.decide?.(arm.test);
      return value === undefined ? "maybe" : value === arm.positive ? "certain" : "dead";
    }
    if (arm.kind !== "handler" && arm.kind !== "tryElse") return "maybe";
    const g = arm.group;
    const caught = this.outcomes.caught(g.stmt);
    if (caught !== undefined) {
      if (arm.kind === "tryElse") return "dead";
      const first = g.arms.find((a) => a.kind === "handler" && catches(a.catches ?? [], caught));
      return first === arm ? "certain" : "dead";
    }
    const quiet = g.quietBody && this.tryStart.get(g.stmt) === this.outcomes.failures();
    if (quiet) return arm.kind === "tryElse" ? "certain" : "dead";
    return "maybe";
  }

  private close(): void {
    const o = this.open.pop() as OpenArm;
    for (let i = this.unbindAfter.length - 1; i >= 0; i--) {
      const [arm, name] = this.unbindAfter[i] as [ArmPlan, string];
      if (arm !== o.plan) continue;
      this.unbindAfter.splice(i, 1);
      // CPython's `del NAME` at the handler's end: unbound, whatever it was before the try.
      this.rec.ns.delete(name);
    }
    if (o.mode === "maybe") this.maybeDepth--;
    else if (o.mode === "dead") this.deadDepth--;
    const ns = this.rec.ns;
    const path = o.mode === "maybe" ? this.pathLiterals(o) : null;
    const bound = new Set<string>();
    if (o.mode === "maybe") {
      for (const [name, prev] of o.added) {
        const v = ns.get(name);
        if (!v?.certain) continue;
        bound.add(name);
        const entry: NameValue = { certain: false, module: prev && prev.module !== v.module ? null : v.module };
        if (path) {
          entry.when = path;
          for (const atom of path.keys()) {
            const set = this.users.get(atom) ?? new Set<string>();
            this.users.set(atom, set);
            set.add(name);
          }
        }
        ns.set(name, entry);
      }
    }
    const g = o.plan.group;
    const st = this.stateOf(g);
    st.closed++;
    if (o.mode !== "maybe") st.allMaybe = false;
    if (!o.plan.exits) st.bound.push(bound);
    if (st.closed < g.arms.length) return;
    this.groups.delete(g);
    if (!st.allMaybe) return;
    if (g.breakOnly) this.boundOnEveryPath(st.atBreaks);
    else if (g.complete) this.boundOnEveryPath(st.bound);
  }

  /** Names in every one of `sets` (the paths that go on after a statement) are bound after it. */
  private boundOnEveryPath(sets: Set<string>[]): void {
    if (sets.length === 0) return;
    const ns = this.rec.ns;
    const [first, ...rest] = sets as [Set<string>, ...Set<string>[]];
    for (const name of first) {
      if (!rest.every((s) => s.has(name))) continue;
      const v = ns.get(name);
      if (!v) continue;
      const prev = v;
      ns.set(name, { certain: true, module: v.module });
      this.noteBound(name, { ...prev, certain: false });
    }
  }

  /** The literals every open maybe arm up to `o` (included) assumes. */
  private pathLiterals(o: OpenArm): Literals | null {
    const out = new Map<string, boolean>();
    for (const x of [...this.open, o]) {
      if (x.mode !== "maybe" || !x.literals) continue;
      for (const [k, v] of x.literals) out.set(k, v);
    }
    return out.size > 0 ? out : null;
  }
}
