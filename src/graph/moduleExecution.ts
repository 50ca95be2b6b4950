// Executes one first-party module from its facts, statement by statement: imports run, names are bound in
// order, module-level reads and attribute reads are checked against what is bound at that point, sys.path edits
// apply. Cost: O(facts of the module) plus the imports it triggers; the event list is built once per file.
import type {
  AttributeRead,
  BranchCondition,
  CallFact,
  FileFacts,
  GlobalRead,
  ImportFact,
  ModuleFunction,
  TryBlock,
} from "../python/index.ts";
import { combineCondition, evaluateCondition } from "../python/index.ts";
import { ControlFlow, hasattrAtom } from "./controlFlow.ts";
import { fail } from "./failures.ts";
import {
  getAttr,
  hasAttrNow,
  importFromList,
  importFromName,
  importModule,
  partialCycle,
  resolveRelative,
  type Site,
  stdlibStarBinds,
} from "./importMachinery.ts";
import type { Frame, InterpreterSession, ModuleRecord, NameValue } from "./interpreterSession.ts";
import { messages } from "./messages.ts";
import { absoluteEntry, evaluatePathExpr } from "./pathEvaluation.ts";
import { BUILTIN_NAMES, catches, MODULE_GLOBALS } from "./pythonNames.ts";
import { bindStar } from "./starImport.ts";
import { type StatementEvent, statementEvents } from "./statementEvents.ts";
import { noteSysAccess } from "./sysModulesInjection.ts";

const DYNAMIC_NAMESPACE = new Set(["globals", "vars", "locals"]);

export function executeModule(session: InterpreterSession, rec: ModuleRecord): void {
  const file = rec.file as string;
  const facts = session.facts(file);
  const frame: Frame = { module: rec, step: null, caught: [], caughtHere: false, conditional: false, aborted: false };
  session.executing.set(rec.name, session.stack.length);
  session.stack.push(frame);
  try {
    // PEP 562's hook exists once its `def` has run: an import earlier in the module (a cycle back into it, or
    // `from pkg import sub` in pkg/__init__.py before the def) finds no `__getattr__` to ask.
    const defs = facts.moduleGetattr ? facts.bindings.filter((b) => b.name === "__getattr__").map((b) => b.stmt) : [];
    // No binding of that name found (bound some other way): from the start, as before.
    const getattrAt = defs.length > 0 ? Math.min(...defs) : facts.moduleGetattr ? -1 : Number.POSITIVE_INFINITY;
    if (getattrAt < 0) rec.getattrHook = true;
    if (!startModule(session, rec, facts, frame)) return;
    // A caught failure ends its try (or `with suppress`) body: the statements after it there never run.
    let skipFrom = -1;
    let skipTo = -1;
    const events = statementEvents(facts);
    // Try statements whose body certainly raised, with what it raised: their handlers run as CPython picks one.
    const caughtIn = new Map<number, string>();
    const flow: ControlFlow = new ControlFlow(facts, events, rec, {
      caught: (stmt) => caughtIn.get(stmt),
      failures: () => session.failuresMet,
      // Called only once the flow exists (as arms open); its plan holds the names a def may rebind.
      decide: (test) => decideTest(session, rec, test, flow.unstable),
    });
    const own: OwnDefs = { facts, byStmt: null, bound: new Map(), flow };
    frame.why = () => flow.why();
    OWN_DEFS.set(rec, own);
    // A module CPython cannot compile runs nothing: what the scanner read of it still binds names (importers see
    // them) and imports (failures hidden behind the syntax error show), but its reads and calls raise nothing.
    const compiles = facts.status !== "syntax-error";
    for (const ev of events) {
      if (frame.aborted) break;
      if (!compiles && (ev.type === "read" || ev.type === "attr" || ev.type === "call")) continue;
      if (!flow.enter(ev.stmt)) continue;
      if (ev.stmt > skipFrom && ev.stmt <= skipTo) continue;
      if (ev.stmt >= getattrAt) rec.getattrHook = true;
      frame.step = { file, line: ev.line, module: rec.name };
      frame.caught = ev.caught;
      frame.conditional = conditional(ev, flow);
      frame.caughtHere = false;
      runEvent(session, rec, ev, frame.conditional, own);
      if (frame.caughtHere) {
        const t = catchingTry(facts, ev.stmt, frame.caughtType ?? "Exception");
        if (t) {
          [skipFrom, skipTo] = [ev.stmt, t.body[1]];
          if (!caughtIn.has(t.stmt)) caughtIn.set(t.stmt, frame.caughtType ?? "Exception");
        }
      }
    }
    if (!frame.aborted) {
      flow.finish();
      if (facts.moduleGetattr) rec.getattrHook = true;
    }
  } finally {
    session.stack.pop();
    session.executing.delete(rec.name);
  }
}

/** The innermost try around statement `stmt` whose handlers catch `type` (the one that caught it). */
function catchingTry(facts: FileFacts, stmt: number, type: string): TryBlock | null {
  let best: TryBlock | null = null;
  for (const t of facts.tries) {
    if (stmt < t.body[0] || stmt > t.body[1] || !catches(t.handlers, type)) continue;
    if (!best || t.body[1] - t.body[0] < best.body[1] - best.body[0]) best = t;
  }
  return best;
}

/** Files CPython cannot compile fail before any statement runs; unreadable ones are assumed to import. */
function startModule(session: InterpreterSession, rec: ModuleRecord, facts: FileFacts, frame: Frame): boolean {
  if (facts.status === "unreadable" || facts.status === "too-large") {
    rec.anyAttr = rec.anyGlobal = true;
    return false;
  }
  const err = facts.syntaxErrors.find((e) => e.source === "cpython") ?? facts.syntaxErrors[0];
  if (facts.status === "syntax-error" || facts.status === "decode-error" || facts.status === "binary") {
    const line = err?.line ?? 1;
    frame.step = { file: rec.file as string, line, module: rec.name };
    fail(session, {
      kind: "syntax-error",
      file: rec.file as string,
      line,
      col: err?.col ?? 0,
      message: err?.message ?? facts.problem ?? "invalid syntax",
      exceptionType: "SyntaxError",
      module: rec.name,
      name: null,
      certainty: err?.source === "cpython" || facts.status === "syntax-error" ? "certain" : "maybe",
    });
    if (facts.status !== "syntax-error") {
      rec.anyAttr = rec.anyGlobal = true;
      return false;
    }
    // Go on with what the scanner could read, so importers see the names and hidden failures show.
  }
  return true;
}

/** Whether the event may not happen. Reads and calls may sit in a part of an expression that may not run, which
 *  only their facts know; an import or a binding is a whole statement, which may not run only inside an arm that may
 *  not run (a handler that certainly runs, or a try's else after a body that certainly did not raise, does). */
function conditional(ev: StatementEvent, flow: ControlFlow): boolean {
  switch (ev.type) {
    case "read":
    case "attr":
      return ev.read.conditional === true;
    case "syspath":
      return ev.change.conditional;
    case "import":
      return flow.mayNotRun(ev.fact.conditional === true);
    case "bind":
      return flow.mayNotRun(ev.binding.conditional === true);
    case "call":
      return ev.call.conditional === true;
  }
}

/** The functions a module's names are bound to right now: its own defs (and classes), and those it imported by
 *  name from another simulated module, each with the namespace entry that bound it and the module whose
 *  namespace the function reads (`home`). */
interface OwnDefs {
  facts: FileFacts;
  /** What is bound on every path to the statement executing. */
  flow: ControlFlow;
  /** Statement of a def (or of a class) -> the function (the class's `__init__`; null: it has several). */
  byStmt: Map<number, ModuleFunction | null> | null;
  bound: Map<string, BoundFunction>;
}

interface BoundFunction {
  fn: ModuleFunction;
  entry: NameValue;
  home: ModuleRecord;
  homeFacts: FileFacts;
}

const OWN_DEFS = new WeakMap<ModuleRecord, OwnDefs>();

const IMPORTORSKIP = /^importorskip\s*\(\s*(['"])([\w.]+)\1/;
const MODULE_LEVEL_SKIP = /\ballow_module_level\s*=\s*True\b/;

/** A statement that certainly runs calls `pytest.importorskip("name")` for a module that cannot be imported
 *  (pytest's helper imports it and turns the ImportError into Skipped), or `pytest.skip(...,
 *  allow_module_level=True)`. The facts give the attribute read; its argument is read from the source line, and
 *  the import is made as `try: import name / except ImportError:` would make it. */
function raisesSkipped(session: InterpreterSession, rec: ModuleRecord, r: AttributeRead): boolean {
  if (r.attrs.length !== 1 || rec.ns.get(r.name)?.module !== "pytest") return false;
  if (r.attrs[0] !== "skip" && r.attrs[0] !== "importorskip") return false;
  const text = session.lines.callText(rec.file as string, r.line, r.attrs[0]);
  if (r.attrs[0] === "skip") return MODULE_LEVEL_SKIP.test(text);
  const name = IMPORTORSKIP.exec(text)?.[2];
  const frame = session.stack[session.stack.length - 1];
  if (!name || !frame) return false;
  const { caught, caughtHere } = frame;
  frame.caught = [...caught, "ImportError"];
  frame.caughtHere = false;
  importModule(session, name, {
    file: rec.file as string,
    line: r.line,
    col: r.col,
    module: rec.name,
    certainty: "certain",
  });
  const failed = frame.caughtHere;
  frame.caught = caught;
  frame.caughtHere = caughtHere;
  return failed;
}

/** The line of `r` is the statement `NAME.attr(...)` itself (nothing before the call on it). */
function isCallStatement(session: InterpreterSession, rec: ModuleRecord, r: AttributeRead): boolean {
  const text = session.lines.line(rec.file as string, r.line).trimStart();
  return r.attrs.length === 1 && text.startsWith(`${r.name}.${r.attrs[0]}(`);
}

/** The value of an `if` test where remedy knows it as the `if` runs: a name certainly bound to a constant,
 *  `hasattr(NAME, "attr")` of a module NAME certainly holds (hasAttrNow), and `not`/`and`/`or` of such parts. */
function decideTest(
  session: InterpreterSession,
  rec: ModuleRecord,
  test: BranchCondition,
  unstable: ReadonlySet<string>,
): boolean | undefined {
  switch (test.kind) {
    case "name": {
      // `if HAS_X:` after `HAS_X = False` / `try: import x; HAS_X = True` (whichever certainly ran last). Not once
      // the module may have written its namespace through globals()/vars() (kombu's `globals()[...] = False`).
      const v = unstable.has(test.name) || rec.dynamicGlobals ? undefined : rec.ns.get(test.name);
      return v?.certain ? v.truth : undefined;
    }
    case "hasattr": {
      const v = rec.ns.get(test.name);
      const mod = v?.certain && v.module ? session.modules.get(v.module) : undefined;
      return mod ? hasAttrNow(session, mod, test.attr) : undefined;
    }
    case "not":
    case "and":
    case "or":
      return combineCondition(test, (part) => decideTest(session, rec, part, unstable) ?? null) ?? undefined;
    default:
      return undefined;
  }
}

/** `mayNotRun`: the statement may not run (its own context, or an earlier failure in its try body was caught). */
function runEvent(
  session: InterpreterSession,
  rec: ModuleRecord,
  ev: StatementEvent,
  mayNotRun: boolean,
  own: OwnDefs,
): void {
  switch (ev.type) {
    case "call":
      if (!mayNotRun) checkCall(session, rec, ev.call, own);
      return;
    case "read":
      checkRead(session, rec, ev, mayNotRun, own.flow);
      return;
    case "attr":
      checkAttributeRead(session, rec, ev, mayNotRun, own.flow);
      return;
    case "syspath":
      applySysPath(session, rec, ev);
      return;
    case "import":
      runImport(session, rec, ev.fact, mayNotRun, own);
      return;
    case "bind":
      bind(session, rec, ev, mayNotRun, own.flow);
      if (ev.binding.kind === "def" || ev.binding.kind === "class" || own.bound.has(ev.binding.name))
        noteDef(rec, ev.binding.name, mayNotRun ? -1 : ev.binding.stmt, ev.binding.kind === "class", own);
      return;
  }
}

/** A def statement ran (stmt -1: it may not have run, or another binding did): its name is bound to that function
 *  until anything rebinds it (which makes another namespace entry). */
function noteDef(rec: ModuleRecord, name: string, stmt: number, isClass: boolean, own: OwnDefs): void {
  if (own.byStmt === null) {
    own.byStmt = new Map();
    // Facts cached by an older remedy may lack functions.
    for (const f of own.facts.functions ?? []) own.byStmt.set(f.stmt, own.byStmt.has(f.stmt) ? null : f);
  }
  const fn = own.byStmt.get(stmt);
  const entry = rec.ns.get(name);
  const same = fn && (isClass ? fn.className === name : fn.className === null && fn.name === name);
  if (fn && same && entry) own.bound.set(name, { fn, entry, home: rec, homeFacts: own.facts });
  else own.bound.delete(name);
}

/** `from m import name [as local]` just ran: when `name` is bound in m to a function (or class) of its own (or one
 *  it imported so), `local` is now bound to it here. `before`: the entry `local` had before the statement. */
function noteImported(
  rec: ModuleRecord,
  own: OwnDefs,
  local: string,
  before: NameValue | undefined,
  mod: ModuleRecord,
  name: string,
): void {
  const after = rec.ns.get(local);
  if (!after || after === before) return;
  const d = OWN_DEFS.get(mod)?.bound.get(name);
  if (d && mod.ns.get(name) === d.entry && d.entry.certain) own.bound.set(local, { ...d, entry: after });
  else own.bound.delete(local);
}

/** A statement that certainly runs calls one of the module's own functions (or classes: their `__init__`): the
 *  names its body certainly reads from the module namespace must be there now (or be builtins). One that
 *  certainly is not raises NameError in the function, at that read. Said only when the namespace is known: no
 *  unknown star import, no `globals()` writes, no `global` statement anywhere that could bind the name, the callee
 *  bound by its undecorated def (class) for certain and not rebound since. A read under `if PARAM:` counts when
 *  the call leaves PARAM to its default (True). */
function checkCall(
  session: InterpreterSession,
  rec: ModuleRecord,
  call: CallFact,
  own: OwnDefs,
  beforeImport?: (imp: ImportFact) => void,
): void {
  const def = own.bound.get(call.name);
  if (!def || rec.ns.get(call.name) !== def.entry || !def.entry.certain) return;
  const fn = def.fn;
  // The function reads the namespace of the module that defined it, as it is now.
  const home = def.home;
  if (fn.decorated || fn.async || home.anyGlobal || home.dynamicGlobals || !home.file) return;
  // The body's own imports that certainly run, in order, up to the first failing read (serialization.py's
  // module-level `register_json()` running `from kombu.utils import json`): they import as any import does, and
  // what they raise reaches the call.
  const firstMissing = fn.globalReads.find((r) => globalMissing(session, call, def, r));
  const homeOwn = OWN_DEFS.get(home);
  const frame = session.stack[session.stack.length - 1] as Frame;
  for (const at of fn.imports ?? []) {
    if (firstMissing && at.line > firstMissing.line) break;
    const imp = def.homeFacts.imports.find((i) => i.line === at.line && i.col === at.col && i.scope === "function");
    if (!imp || !homeOwn) continue;
    beforeImport?.(imp);
    runImport(session, home, imp, false, homeOwn);
    if (frame.aborted || frame.caughtHere) return;
  }
  const r = firstMissing;
  if (r) {
    fail(session, {
      kind: "name-error",
      file: home.file,
      line: r.line,
      col: r.col,
      message: messages.nameNotDefined(r.name),
      exceptionType: "NameError",
      module: home.name,
      name: r.name,
      certainty: "certain",
    });
  }
}

/** pytest calls the module's hook function `name` (a conftest's `pytest_configure(config)`): what its body
 *  certainly runs is checked as a call of it at import time is (checkCall), every parameter passed, as pluggy
 *  passes them. The caller has pushed a frame of `rec`. False when the module binds no such function. */
export function callHookFunction(session: InterpreterSession, rec: ModuleRecord, name: string): boolean {
  const own = OWN_DEFS.get(rec);
  const def = own?.bound.get(name);
  if (!own || !def) return false;
  const at = def.fn;
  const frame = session.stack[session.stack.length - 1] as Frame;
  // The chain goes through the hook's own import statement (pytest's traceback shows it under the hook).
  const stepAt = (imp: ImportFact) => {
    frame.step = { file: rec.file as string, line: imp.line, module: rec.name };
  };
  checkCall(
    session,
    rec,
    { name, line: at.line, col: at.col, args: at.positional.length, keywords: [], stmt: at.stmt },
    own,
    stepAt,
  );
  return true;
}

/** A name the function certainly reads is missing from its module's namespace as the call runs. */
function globalMissing(session: InterpreterSession, call: CallFact, def: BoundFunction, r: GlobalRead): boolean {
  const home = def.home;
  if (r.guard !== null && passes(call, def.fn, r.guard)) return false;
  if (def.homeFacts.globalNames?.includes(r.name)) return false;
  if (home.ns.has(r.name) || home.childAttrs.has(r.name)) return false;
  if (BUILTIN_NAMES.has(r.name) || MODULE_GLOBALS.has(r.name)) return false;
  return !stdlibStarBinds(session, home, r.name);
}

function bind(
  session: InterpreterSession,
  rec: ModuleRecord,
  ev: Extract<StatementEvent, { type: "bind" }>,
  mayNotRun: boolean,
  flow: ControlFlow,
): void {
  const b = ev.binding;
  flow.rebound(b.name);
  if (b.kind === "del") {
    // A submodule attribute is a global too: `del sub` removes it.
    if (mayNotRun) {
      const v = rec.ns.get(b.name);
      if (v) v.certain = false;
      if (rec.childAttrs.has(b.name)) rec.childAttrs.set(b.name, false);
    } else {
      rec.ns.delete(b.name);
      rec.childAttrs.delete(b.name);
    }
    return;
  }
  const prev = rec.ns.get(b.name);
  // Inside an arm that may not run the name is bound for the rest of the arm; the arm's end decides after it.
  if (!mayNotRun || flow.maybe) {
    flow.noteBound(b.name, prev);
    // A constant's truth value, or a test's the interpreter decides (`PY3 = sys.version_info[0] == 3`), where
    // nothing before it in its try body may have failed and skipped it.
    const ran = !mayNotRun && (!b.caught || flow.quietInTries(b.stmt));
    const decided = ran && b.test ? evaluateCondition(b.test, session.input.interpreter ?? null) : null;
    const truth = ran ? (b.truthy ?? decided ?? undefined) : undefined;
    rec.ns.set(b.name, truth !== undefined ? { certain: true, module: null, truth } : { certain: true, module: null });
  } else rec.ns.set(b.name, { certain: prev?.certain ?? false, module: null });
}

function checkRead(
  session: InterpreterSession,
  rec: ModuleRecord,
  ev: Extract<StatementEvent, { type: "read" }>,
  mayNotRun: boolean,
  flow: ControlFlow,
): void {
  const name = ev.read.name;
  if (flow.neverRuns(ev.read.guard)) return;
  const v = rec.ns.get(name);
  // `globals().update(...)`, `vars()[k] = v` at module level: importers may find any name (trio.socket).
  if (!v && DYNAMIC_NAMESPACE.has(name) && ev.read.scope === "module") rec.dynamicGlobals = true;
  if (v?.certain) return;
  // Bound under the same conditions this statement runs under (`if not flag:` twice).
  if (v?.when && flow.impliesIn(v.when, ev.read.guard)) return;
  // A loaded submodule is an attribute of its package, i.e. a global of the package's own code.
  const child = rec.childAttrs.get(name);
  if (child) return;
  if (!v && child === undefined && (BUILTIN_NAMES.has(name) || MODULE_GLOBALS.has(name) || rec.anyGlobal)) return;
  if (!v && stdlibStarBinds(session, rec, name)) return;
  const condition =
    v || child !== undefined
      ? `\`${name}\` is bound only on some paths to this line (under a condition remedy cannot decide)`
      : mayNotRun
        ? (flow.why() ??
          "the read is in a part of the expression that may not be evaluated (after `and`/`or`, an arm of `x if c else y`, a comprehension's element)")
        : undefined;
  fail(session, {
    ...(condition ? { condition } : {}),
    kind: "name-error",
    file: rec.file as string,
    line: ev.read.line,
    col: ev.read.col,
    message: messages.nameNotDefined(name),
    exceptionType: "NameError",
    module: rec.name,
    name,
    // An unknown sys.path entry changes which modules are found, not what a module's own code binds.
    certainty: v || child !== undefined || mayNotRun ? "maybe" : "certain",
  });
}

function checkAttributeRead(
  session: InterpreterSession,
  rec: ModuleRecord,
  ev: Extract<StatementEvent, { type: "attr" }>,
  mayNotRun: boolean,
  flow: ControlFlow,
): void {
  const r = ev.read;
  noteSysAccess(session, rec, r);
  if (flow.neverRuns(r.guard)) return;
  // Under `if hasattr(NAME, "attr"):` (nothing having rebound NAME since), NAME.attr exists.
  if (r.attrs.length > 0 && flow.assumesIn(hasattrAtom(r.name, r.attrs[0]!), true, r.guard)) return;
  // A read's `conditional` also covers the arm it is in; a skip that is a statement of its own in a handler that
  // certainly runs (`except ImportError: pytest.skip(allow_module_level=True)`) certainly runs too.
  const runs = !mayNotRun || (!flow.mayNotRun(false) && isCallStatement(session, rec, r));
  if (runs && session.skippable && raisesSkipped(session, rec, r)) {
    session.skipFile(rec.file as string, r.line);
    return;
  }
  let target = rec.ns.get(r.name)?.module ?? (rec.childAttrs.has(r.name) ? `${rec.name}.${r.name}` : null);
  for (const attr of r.attrs) {
    if (!target) return;
    const mod = session.modules.get(target);
    if (!mod) return;
    const got = getAttr(session, mod, attr);
    if (got.found) {
      target = got.module;
      continue;
    }
    if (!mod.simulated && mod.resolution.kind !== "namespace") return;
    const partial = mod.status === "executing";
    // CPython names the cycle when the attribute is a submodule still executing (module_getattro).
    const childRunning = !partial && session.executing.has(`${mod.name}.${attr}`);
    const cycleFrom = childRunning ? session.executing.get(`${mod.name}.${attr}`) : undefined;
    // A module still executing that binds the attribute further down: the read fails because of the cycle that
    // re-entered it (`partially initialized module 'a' has no attribute 'X'`), and breaking the cycle is the fix.
    const site = {
      file: rec.file as string,
      line: r.line,
      col: r.col,
      module: rec.name,
      certainty: "certain" as const,
    };
    const bindsLater = partial ? partialCycle(session, mod, attr, site) : undefined;
    const cycle = cycleFrom !== undefined ? session.currentSteps().slice(cycleFrom) : bindsLater;
    fail(session, {
      kind: childRunning || bindsLater ? "circular-import" : "attribute-error",
      ...(cycle && cycle.length > 0 ? { cycle } : {}),
      file: rec.file as string,
      line: r.line,
      col: r.col,
      message: partial
        ? messages.noAttributePartial(mod.name, attr)
        : childRunning
          ? messages.submoduleInitializing(mod.name, attr)
          : messages.noAttribute(mod.name, attr),
      exceptionType: "AttributeError",
      module: mod.name,
      name: attr,
      certainty: mayNotRun ? "maybe" : "certain",
    });
    return;
  }
}

/** Whether the call may pass parameter `param` (by position, by keyword, or through `*`/`**`). */
function passes(call: CallFact, fn: ModuleFunction, param: string): boolean {
  if (call.args < 0 || call.keywords === null || call.keywords.includes(param)) return true;
  const at = fn.positional.indexOf(param);
  // Calling a class passes `self` itself.
  return at >= 0 && at - (fn.className !== null ? 1 : 0) < call.args;
}

function applySysPath(
  session: InterpreterSession,
  rec: ModuleRecord,
  ev: Extract<StatementEvent, { type: "syspath" }>,
): void {
  const c = ev.change;
  const value = c.path ? evaluatePathExpr(c.path, rec.file as string, session.cwd) : null;
  if (value === null || (c.method === "insert" && c.index === null)) {
    session.pathUncertain = `${rec.file}:${c.line}`;
    if (value === null) return;
  }
  const entry = absoluteEntry(value, session.cwd);
  if (c.method === "append") session.sysPath.append(entry);
  else session.sysPath.insert(c.index ?? 0, entry);
}

/** An import of a module remedy does not execute, other than the standard library: it is assumed to import, but
 *  may raise at run time (urllib3.contrib.pyopenssl without OpenSSL), so a try around it may still go to a handler. */
function noteOpaque(session: InterpreterSession, mod: ModuleRecord | null): void {
  if (mod && !mod.simulated && mod.resolution.origin !== "stdlib" && mod.resolution.origin !== "builtin")
    session.failuresMet++;
}

function runImport(
  session: InterpreterSession,
  rec: ModuleRecord,
  imp: ImportFact,
  mayNotRun: boolean,
  own: OwnDefs,
): void {
  const frame = session.stack[session.stack.length - 1] as Frame;
  const site: Site = {
    file: rec.file as string,
    line: imp.line,
    col: imp.col,
    module: rec.name,
    certainty: mayNotRun ? "maybe" : "certain",
  };
  const bindsHere = imp.scope === "module";
  const flow = own.flow;
  const setName = (name: string, module: string | null, certain: boolean) => {
    // The import raised (certainly: "maybe" failures only warn) and this statement's handler caught it: Python
    // stopped before storing the name, so the statement binds nothing (names stored before the failing one stay).
    if (!bindsHere || frame.caughtHere) return;
    const prev = rec.ns.get(name);
    // Bound on this path: for the rest of the arm it is in, if it is in one.
    if (certain && (!mayNotRun || flow.maybe)) {
      flow.noteBound(name, prev);
      rec.ns.set(name, { certain: true, module });
      return;
    }
    flow.rebound(name);
    // A binding that may not happen over one to another module: which module the name holds is unknown, so its
    // attributes are not checked (an arm's end does the same for what the arm bound).
    const which = prev && prev.module !== module ? null : module;
    rec.ns.set(name, { certain: prev?.certain ?? false, module: which });
  };
  if (imp.kind === "import") {
    for (const { name, asname } of imp.names) {
      const mod = importModule(session, name, site);
      noteOpaque(session, mod);
      if (frame.aborted) return;
      // `import a.b` returns the top-level package through `__import__`, which imports `a` even when `a.b` was
      // already in sys.modules (and `a` was dropped after failing).
      const top = name.split(".")[0] as string;
      if (mod && top !== name) importModule(session, top, site);
      if (asname) setName(asname, mod ? name : null, true);
      else setName(top, session.modules.has(top) ? top : null, true);
    }
    return;
  }
  const target = resolveRelative(rec, imp.module ?? "", imp.level);
  if ("error" in target) {
    fail(session, {
      kind: "missing-module",
      ...site,
      message: target.error,
      exceptionType: "ImportError",
      module: rec.name,
      name: null,
      certainty: site.certainty,
    });
    for (const n of imp.names) if (n.name !== "*") setName(n.asname ?? n.name, null, true);
    return;
  }
  const mod = importModule(session, target.name, site);
  noteOpaque(session, mod);
  // `_handle_fromlist` loads every listed submodule before IMPORT_FROM looks the first name up: with `from . import
  // missing, present` the statement fails on `missing` after `present` was loaded (and stays in sys.modules).
  if (mod?.isPackage && imp.names.length > 1) {
    for (const { name } of imp.names) {
      if (name !== "*") importFromList(session, mod, name, site);
      if (frame.aborted || frame.caughtHere) return;
    }
  }
  for (const { name, asname } of imp.names) {
    // The exception left this module (a handler further down took it): nothing more of it runs.
    if (frame.aborted) return;
    if (name === "*") {
      if (!bindsHere) continue;
      // A star import whose module raised (and was caught here) binds nothing.
      if (frame.caughtHere) continue;
      flow.reboundAll();
      if (mod) bindStar(session, rec, mod, site, !mayNotRun);
      else rec.anyGlobal = true;
      continue;
    }
    if (!mod) {
      setName(asname ?? name, null, true);
      continue;
    }
    const got = importFromName(session, mod, name, site);
    if (frame.aborted) return;
    const before = rec.ns.get(asname ?? name);
    // A name that may be missing (a module filling its namespace through globals(), say) is still bound on every
    // path past the statement, unless a handler of its own try may take the ImportError and go on without it.
    const bound = got.ok ? got.certain || !catches(imp.caught ?? [], "ImportError") : true;
    setName(asname ?? name, got.module, bound);
    if (got.ok && bindsHere) noteImported(rec, own, asname ?? name, before, mod, name);
  }
}
