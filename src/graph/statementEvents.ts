// Turns a file's facts into the ordered list of things that happen when the module executes: within a
// statement, reads (then calls of the module's own functions, then the reads evaluated late) happen before the
// imports and bindings it makes.
// Built once per file (O(f log f) for f facts).
import type { AttributeRead, Binding, CallFact, FileFacts, ImportFact, Read, SysPathChange } from "../python/index.ts";

export type StatementEvent =
  | { type: "read"; stmt: number; line: number; col: number; caught: string[]; read: Read }
  | { type: "attr"; stmt: number; line: number; col: number; caught: string[]; read: AttributeRead }
  | { type: "syspath"; stmt: number; line: number; col: number; caught: string[]; change: SysPathChange }
  | { type: "import"; stmt: number; line: number; col: number; caught: string[]; fact: ImportFact }
  | { type: "bind"; stmt: number; line: number; col: number; caught: string[]; binding: Binding }
  | { type: "call"; stmt: number; line: number; col: number; caught: string[]; call: CallFact };

// Calls of the module's own functions run after the statement's plain reads (a call's arguments are evaluated
// before it; without the call's extent, all reads of the statement are taken to come first).
const PHASE = { read: 0, call: 1, attr: 2, syspath: 3, import: 4, bind: 5 } as const;
const cache = new WeakMap<FileFacts, StatementEvent[]>();
/** Facts leave `caught` out when no try catches anything around the statement. */
const NO_CAUGHT: string[] = [];

export function statementEvents(facts: FileFacts): StatementEvent[] {
  const hit = cache.get(facts);
  if (hit) return hit;
  const out: StatementEvent[] = [];
  for (const r of facts.reads) {
    if (!r.typeChecking)
      out.push({ type: "read", stmt: r.stmt, line: r.line, col: r.col, caught: r.caught ?? NO_CAUGHT, read: r });
  }
  // Facts cached by an older remedy may lack calls.
  for (const c of facts.calls ?? []) {
    if (!c.typeChecking)
      out.push({ type: "call", stmt: c.stmt, line: c.line, col: c.col, caught: c.caught ?? NO_CAUGHT, call: c });
  }
  for (const r of facts.attributeReads) {
    if (!r.typeChecking)
      out.push({ type: "attr", stmt: r.stmt, line: r.line, col: r.col, caught: r.caught ?? NO_CAUGHT, read: r });
  }
  for (const c of facts.sysPath) {
    out.push({ type: "syspath", stmt: c.stmt, line: c.line, col: c.col, caught: NO_CAUGHT, change: c });
  }
  for (const i of facts.imports) {
    if (i.scope !== "function" && i.stmt >= 0 && !i.typeChecking) {
      out.push({ type: "import", stmt: i.stmt, line: i.line, col: i.col, caught: i.caught ?? NO_CAUGHT, fact: i });
    }
  }
  for (const b of facts.bindings) {
    // Import bindings are made by the import itself; `except ... as e` is unbound again after its handler.
    if (b.kind === "import" || b.kind === "except" || b.typeChecking) continue;
    out.push({ type: "bind", stmt: b.stmt, line: b.line, col: b.col, caught: b.caught ?? NO_CAUGHT, binding: b });
  }
  // A walrus binds mid-expression: reads after it in the statement see it (the other bindings of a statement are
  // made after its expressions are evaluated).
  const phase = (e: StatementEvent) => (e.type === "bind" && e.binding.kind === "walrus" ? 0 : PHASE[e.type]);
  // Reads CPython evaluates after the statement's others (a def's annotations after its defaults, an assignment's
  // target after its value) come after them, still before the statement's imports and bindings: of two failing
  // names, the first evaluated is the one reported.
  // A metaclass call (a late call) comes after everything of its statement, the last of the class body.
  const rank = (e: StatementEvent) =>
    e.type === "call" && e.call.late
      ? 3
      : phase(e) > PHASE.attr
        ? 2
        : (e.type === "read" || e.type === "attr") && e.read.late
          ? 1
          : 0;
  out.sort((a, b) => a.stmt - b.stmt || rank(a) - rank(b) || phase(a) - phase(b) || a.line - b.line || a.col - b.col);
  cache.set(facts, out);
  return out;
}
