// Python's import system over the session: `_gcd_import` (parents first, sys.modules cache, partially
// initialised modules), `_handle_fromlist` + IMPORT_FROM for `from m import x`, and relative-name resolution.
// Each module executes at most once per session unless its failure depended on entry order (see
// InterpreterSession.endFile).

import { join } from "node:path";
import type { ImportFailure } from "./collectionModel.ts";
import { fail } from "./failures.ts";
import { type InstalledMiss, installedLacks, installedLacksSubmodule, installedSurelyHas } from "./installedNames.ts";
import type { InterpreterSession, ModuleRecord, PendingStep } from "./interpreterSession.ts";
import { lazyAttributeModule } from "./lazyAttributes.ts";
import { messages } from "./messages.ts";
import { getattrImportsSubmodule, getattrMayProvide } from "./moduleGetattr.ts";
import { noteShadowedStdlib } from "./preloadedStdlib.ts";
import { moduleHasDunder } from "./pythonNames.ts";
import { builtinResolution, distributionResolution, findSpec, type Resolution } from "./resolveImport.ts";
import { sixMovesChanged, sixMovesOf } from "./sixMoves.ts";
import { mayBeInjected } from "./sysModulesInjection.ts";

/** Where the importing statement is: the position failures are reported at. */
export interface Site {
  file: string;
  line: number;
  col: number;
  /** The importing module's name (for `module` of relative-import failures). */
  module: string | null;
  certainty: "certain" | "maybe";
}

export function newRecord(session: InterpreterSession, name: string, res: Resolution): ModuleRecord {
  const simulated =
    res.origin === "first-party" && (res.kind === "module" || res.kind === "package") && !!res.file?.endsWith(".py");
  const opaque = !simulated && res.kind !== "namespace";
  return {
    name,
    resolution: res,
    file: res.file,
    simulated,
    status: "done",
    failed: false,
    ns: new Map(),
    anyAttr: opaque,
    anyGlobal: opaque,
    getattrHook: false,
    childAttrs: new Map(),
    isPackage: res.kind === "package" || res.kind === "namespace" || (opaque && res.searchPath.length > 0),
    searchPath: res.searchPath,
    failures: [],
    cycleTouched: false,
    shadow: session.stopped,
    maybeFailed: false,
    maybeLoaded: session.maybeFrom() >= 0,
    dynamicGlobals: false,
    stdlibStars: [],
    injectsModules: false,
  };
}

/** Whether a missing top-level name belongs to the project (missing-module) or the environment. */
function isFirstPartyName(session: InterpreterSession, top: string): boolean {
  return session.firstPartyNames().has(top);
}

/** Marks the modules of an import cycle: every frame from the partially initialised module up. */
function touchPartial(session: InterpreterSession, target: ModuleRecord): void {
  const importer = session.stack[session.stack.length - 1]?.module;
  // A package's own submodules always run after their package starts: seeing it partial is not order-dependent.
  if (importer?.name.startsWith(`${target.name}.`)) return;
  const at = session.executing.get(target.name);
  if (at === undefined) return;
  for (let i = at; i < session.stack.length; i++)
    (session.stack[i] as { module: ModuleRecord }).module.cycleTouched = true;
}

const NO_CHAIN: ImportFailure["chain"] = [];

/** One chainless copy per failure, shared by its re-raises in files that already have it. */
const chainless = new WeakMap<ImportFailure, ImportFailure>();
function withoutChain(failure: ImportFailure): ImportFailure {
  let copy = chainless.get(failure);
  if (!copy) {
    copy = failure.chain === NO_CHAIN ? failure : { ...failure, chain: NO_CHAIN };
    chainless.set(failure, copy);
  }
  return copy;
}

/** Re-raises the failures a failed module raised before, as re-executing it would (memo replay). */
function replay(session: InterpreterSession, rec: ModuleRecord): void {
  const base = session.currentSteps();
  const from = session.maybeFrom();
  // Every failure, also after the file's first error: the importer's record keeps them all, and a later file
  // that replays the importer (a shadow record kept once its re-runs are spent, InterpreterSession.shadowRerun)
  // must see them all, or what is hidden behind its first error shrinks (saleor: 1,080 files -> 925 for one root
  // cause when only the first was re-raised).
  if (from < 0) {
    // A failure the file already has only marks the modules it passes: its chain (source lines) is not needed.
    const again = rec.failures.map(({ failure, suffix }) =>
      session.knows(failure.rootKey, false)
        ? withoutChain(failure)
        : { ...failure, chain: session.materialize([...base, ...suffix]) },
    );
    session.reraise(rec.failures, again, base);
    return;
  }
  for (const { failure, suffix } of rec.failures) {
    const known = session.knows(failure.rootKey, true);
    const again = known ? withoutChain(failure) : { ...failure, chain: session.materialize([...base, ...suffix]) };
    // Reached through a statement that may not run: the re-raise may not happen either.
    session.markMaybeFailed(from);
    session.warn({ ...again, certainty: "maybe" });
  }
}

/** Executes a found module under `name`, or returns the cached one. Null when it cannot be found (raised). */
export function importModule(session: InterpreterSession, name: string, site: Site): ModuleRecord | null {
  const failed = session.modules.get(name);
  if (failed?.failed && failed.status === "done") {
    // CPython dropped it from sys.modules: importing it again imports its package first, and a package that fails
    // (again) is the error; the module's own failure, replayed below, stays behind it.
    const dot = name.lastIndexOf(".");
    if (dot >= 0) importModule(session, name.slice(0, dot), site);
  }
  const cached = session.modules.get(name);
  if (cached && !notInSysModules(session, cached, site)) return useCached(session, cached);
  if (cached) session.modules.delete(name);
  const dot = name.lastIndexOf(".");
  let res: Resolution;
  if (dot < 0) {
    if (session.builtinModules.has(name)) res = builtinResolution(name);
    else {
      res = session.sysPath.findTopLevel(name);
      if (!res.found && session.distributionNames.has(name)) res = distributionResolution(name, res.tried);
      if (res.found) noteShadowedStdlib(session, name, res);
    }
    if (!res.found) {
      const firstParty = isFirstPartyName(session, name);
      fail(session, {
        kind: firstParty ? "missing-module" : "missing-third-party",
        ...missingSpec(site, session, name),
        message: messages.noModule(name),
        exceptionType: "ModuleNotFoundError",
        module: name,
        name: null,
      });
      return null;
    }
  } else {
    const parentName = name.slice(0, dot);
    const parent = importModule(session, parentName, site);
    if (!parent) return null;
    if (parent.failed) leftBehind(session, name);
    const again = session.modules.get(name);
    if (again) return useCached(session, again);
    if (!parent.isPackage) {
      const moves = sixMovesOf(session, name, parent);
      if (moves) return movesModule(session, name, parent, moves);
      if (!parent.simulated) return opaqueChild(session, name, parent);
      fail(session, {
        kind: "missing-module",
        ...missingSpec(site, session, name),
        message: messages.notAPackage(name, parentName),
        exceptionType: "ModuleNotFoundError",
        module: name,
        name: null,
      });
      return null;
    }
    res = findSpec(session.index, session.classifier, name, parent.searchPath);
    if (!res.found) res = editableChild(session, name, parentName) ?? res;
    if (!res.found) {
      // Outside the project, submodules may be made at run time (six.moves, os.path): an error only where the
      // installed package's source rules that out (installedLacksSubmodule).
      if (parent.resolution.origin !== "first-party") {
        const installed = installedLacksSubmodule(session, parent, name.slice(dot + 1));
        if (!installed) return opaqueChild(session, name, parent);
        fail(session, {
          kind: "missing-third-party",
          ...missingSpec(site, session, name),
          message: messages.noModule(name),
          exceptionType: "ModuleNotFoundError",
          module: name,
          name: null,
          installed,
        });
        return null;
      }
      fail(session, {
        kind: "missing-module",
        ...missingSpec(site, session, name),
        message: messages.noModule(name),
        exceptionType: "ModuleNotFoundError",
        module: name,
        name: null,
      });
      return null;
    }
  }
  return load(session, name, res);
}

/** The parent of `name` failed, but `name` itself loaded while the parent ran (`from .types import *` before the
 *  failing line): it stays in sys.modules, so the next import of `name` finds it and imports no parent. Whatever
 *  is executing failed only because `name` was not loaded yet: like a cycle, its failure depends on order, and a
 *  later import runs it again instead of replaying the failure. */
function leftBehind(session: InterpreterSession, name: string): void {
  const child = session.modules.get(name);
  if (!child || child.failed || child.status !== "done") return;
  for (const frame of session.stack) frame.module.cycleTouched = true;
}

/** A record Python would not find in sys.modules: this import finds the module from scratch, parents first (a
 *  failing parent is then the error, not the module's own). */
function notInSysModules(session: InterpreterSession, rec: ModuleRecord, site: Site): boolean {
  if (rec.status !== "done") return false;
  // Failed where an import that may not have run ran it: gone from sys.modules if it ran, never there if not.
  if ((rec.maybeFailed || rec.maybeLoaded) && session.maybeFrom() < 0) return true;
  // Run only after an earlier file had already failed, so never by Python. If a parent fails now, that is the
  // file's error and the module's own failures stay hidden behind it (replayed, not run again).
  if (!rec.shadow || (session.stopped && session.fileFailures.length > 0)) return false;
  const dot = rec.name.lastIndexOf(".");
  if (dot >= 0) importModule(session, rec.name.slice(0, dot), site);
  return !session.stopped;
}

function opaqueChild(session: InterpreterSession, name: string, parent: ModuleRecord): ModuleRecord {
  const rec = newRecord(session, name, { ...parent.resolution, name, file: null, kind: "module", searchPath: [] });
  session.modules.set(name, rec);
  return rec;
}

/** six.moves, with the names six.py's table gives it (sixMoves.ts). Its own submodules (six.moves.urllib.parse)
 *  stay unknown, as any module made at run time. */
function movesModule(
  session: InterpreterSession,
  name: string,
  parent: ModuleRecord,
  names: Set<string>,
): ModuleRecord {
  const rec = opaqueChild(session, name, parent);
  rec.anyAttr = false;
  rec.anyGlobal = false;
  rec.injectsModules = true;
  rec.namesMayGrow = () => sixMovesChanged(session);
  for (const n of names) rec.ns.set(n, { certain: true, module: null });
  return rec;
}

/** Re-executions of one order-dependent failed module allowed per file before falling back to replay. */
const MAX_REEXECUTIONS = 3;

function useCached(session: InterpreterSession, rec: ModuleRecord): ModuleRecord {
  if (rec.status === "executing") touchPartial(session, rec);
  else if (rec.maybeFailed && session.maybeFrom() < 0) {
    // Its errors were "maybe" because the import that ran it may not have run; this import certainly runs.
    session.modules.delete(rec.name);
    return load(session, rec.name, rec.resolution);
  } else if (rec.failed) {
    // Python dropped it from sys.modules: importing it again runs it again. When its failure depended on the
    // order modules were entered in, running it again can succeed (or fail differently), so it is re-run.
    // Once the file has failed Python runs nothing more, so there the model only replays (for hidden failures).
    if (rec.cycleTouched && !session.stopped && session.reexecutions(rec.name) < MAX_REEXECUTIONS) {
      session.modules.delete(rec.name);
      return load(session, rec.name, rec.resolution);
    }
    replay(session, rec);
  } else if (rec.status === "done") setOnParent(session, rec.name, true);
  return rec;
}

/** Creates the module, puts it in sys.modules before running it (so cycles see it partial), executes it. */
export function load(session: InterpreterSession, name: string, res: Resolution): ModuleRecord {
  const rec = newRecord(session, name, res);
  session.modules.set(name, rec);
  session.touched.push(rec);
  if (!rec.simulated) {
    setOnParent(session, name);
    return rec;
  }
  rec.status = "executing";
  session.execute(rec);
  rec.status = "done";
  if (!rec.failed) setOnParent(session, name);
  return rec;
}

/** `_find_and_load_unlocked`: after a submodule loads, it becomes an attribute of its parent module object.
 *  `onlyUpgrade`: the module was found loaded by an import that certainly runs, so an attribute set by an import
 *  that may not have run is certain now (Python does not set it again: a parent without it stays without). */
function setOnParent(session: InterpreterSession, name: string, onlyUpgrade = false): void {
  const dot = name.lastIndexOf(".");
  if (dot < 0) return;
  const attrs = session.modules.get(name.slice(0, dot))?.childAttrs;
  const child = name.slice(dot + 1);
  if (!attrs || (onlyUpgrade && !attrs.has(child))) return;
  attrs.set(child, session.maybeFrom() < 0 || attrs.get(child) === true);
}

function siteSpec(site: Site, session: InterpreterSession) {
  return {
    file: site.file,
    line: site.line,
    col: site.col,
    certainty: session.pathUncertain ? ("maybe" as const) : site.certainty,
    ...(session.pathUncertain && site.certainty === "certain"
      ? { condition: `a sys.path change remedy cannot evaluate (${session.pathUncertain}) may change what is found` }
      : {}),
  };
}

/** Where a "No module named" failure is reported, and how sure it is. */
function missingSpec(site: Site, session: InterpreterSession, name: string) {
  const spec = siteSpec(site, session);
  return mayBeInjected(session, name) ? { ...spec, certainty: "maybe" as const } : spec;
}

type AttrLookup = {
  found: boolean;
  certain: boolean;
  module: string | null;
  stdlibMissing?: true;
  /** An installed module whose source shows it lacks the name (installedNames.ts). */
  installed?: InstalledMiss;
};

/** Whether `getattr(module, attr)` succeeds right now, and the module it yields when it is one. `attr` read at
 *  import time (`module.attr`): a name the interpreter's standard library lacks raises CPython's AttributeError
 *  here, at the statement executing (the caller goes on as after any raise). */
export function getAttr(
  session: InterpreterSession,
  rec: ModuleRecord,
  attr: string,
): { found: boolean; certain: boolean; module: string | null } {
  const got = lookupAttr(session, rec, attr, "attr");
  if (!got.stdlibMissing && !got.installed) return got;
  raiseAttributeError(session, rec, attr, got.installed);
  return { found: true, certain: true, module: null };
}

/** `hasattr(module, attr)` right now, when remedy knows it: true when the module certainly has it (bound for
 *  certain by code remedy ran, a stdlib module the interpreter does not say lacks it, an installed module whose
 *  source binds it on every path), false when it certainly lacks it, undefined otherwise. */
export function hasAttrNow(session: InterpreterSession, rec: ModuleRecord, attr: string): boolean | undefined {
  if (rec.simulated) {
    if (rec.ns.get(attr)?.certain || rec.childAttrs.get(attr) === true) return true;
    const got = lookupAttr(session, rec, attr, "attr");
    return !got.found && got.certain ? false : undefined;
  }
  if (isStdlibModule(rec)) return !stdlibLacks(session, rec, attr, "attr");
  if (rec.childAttrs.get(attr) === true) return true;
  if (installedLacks(session, rec, attr, "attr")) return false;
  return installedSurelyHas(session, rec, attr) ? true : undefined;
}

function lookupAttr(session: InterpreterSession, rec: ModuleRecord, attr: string, how: "from" | "attr"): AttrLookup {
  const v = rec.ns.get(attr);
  if (v) return { found: true, certain: v.certain, module: v.module };
  // The import system sets a submodule on its parent module object once the submodule has loaded: a parent that
  // runs again is a new object without those attributes. A failed submodule is never set; the model carries on
  // as if it had been (importFromName re-raises it first).
  const set = rec.childAttrs.get(attr);
  if (set !== undefined) return { found: true, certain: set, module: `${rec.name}.${attr}` };
  const child = session.modules.get(`${rec.name}.${attr}`);
  if (child?.failed && child.status === "done") return { found: true, certain: true, module: child.name };
  if (rec.lazySelf) {
    // What importers get is the instance put in the module's place: its `__getattr__` answers the table's names,
    // and the module's own globals (dynamic ones included) are not its attributes.
    const found = lazyAttributeModule(session, rec, attr) !== null || (attr.startsWith("__") && attr.endsWith("__"));
    return { found, certain: true, module: null };
  }
  if (rec.anyAttr) {
    if (stdlibLacks(session, rec, attr, how)) return { found: false, certain: true, module: null, stdlibMissing: true };
    const installed = installedLacks(session, rec, attr, how);
    if (installed) return { found: false, certain: true, module: null, installed };
    return { found: true, certain: true, module: null };
  }
  // Its globals are its attributes: after a star import of names remedy cannot list (an extension module, an
  // incomplete __all__), any of them may be there (rpds: `from .rpds import *` of a compiled module).
  if (rec.anyGlobal || rec.dynamicGlobals) return { found: true, certain: false, module: null };
  if (stdlibStarBinds(session, rec, attr)) return { found: true, certain: false, module: null };
  if (attr.startsWith("__") && moduleHasDunder(attr, { isPackage: rec.isPackage, fromFile: rec.file !== null })) {
    return { found: true, certain: true, module: null };
  }
  if (rec.getattrHook && getattrMayProvide(session, rec, attr)) return { found: true, certain: true, module: null };
  if (rec.namesMayGrow?.()) return { found: true, certain: false, module: null };
  return { found: false, certain: true, module: null };
}

/** A stdlib (or builtin) module, which remedy does not execute, lacks `attr` in this interpreter (GraphInput's
 *  stdlibMissing); every such lookup is reported to onStdlibLookup so that the interpreter can be asked. */
function stdlibLacks(session: InterpreterSession, rec: ModuleRecord, attr: string, how: "from" | "attr"): boolean {
  if (!isStdlibModule(rec)) return false;
  session.input.onStdlibLookup?.(rec.name, attr, how);
  return session.input.stdlibMissing?.has(`${rec.name}:${attr}`) === true;
}

/** Whether a star import of a stdlib module (`from _sqlite3 import *`, `from tkinter import *`) may have bound
 *  `name`: yes unless the interpreter says that none of them exports it (GraphInput's stdlibMissing, key
 *  `*M:name`); every such question is reported to onStdlibLookup. Without that check nothing is known: yes. */
export function stdlibStarBinds(session: InterpreterSession, rec: ModuleRecord, name: string): boolean {
  if (rec.stdlibStars.length === 0) return false;
  const { onStdlibLookup, stdlibMissing } = session.input;
  if (!onStdlibLookup && !stdlibMissing) return true;
  let bound = false;
  for (const star of rec.stdlibStars) {
    onStdlibLookup?.(star, name, "star");
    if (stdlibMissing?.has(`*${star}:${name}`) !== true) bound = true;
  }
  return bound;
}

/** A module remedy does not execute whose star export the interpreter can list (see stdlibStarBinds). */
export function isStdlibModule(rec: ModuleRecord): boolean {
  const origin = rec.resolution.origin;
  return !rec.simulated && (origin === "stdlib" || origin === "builtin");
}

/** CPython's `module 'M' has no attribute 'X'` for the attribute read of the statement executing, reported at
 *  that read (the first on its line that asks for `attr`) as a failing read of a first-party module is. For a
 *  stdlib module the interpreter lacks, or an installed one (`installed`) whose source lacks it. */
function raiseAttributeError(
  session: InterpreterSession,
  rec: ModuleRecord,
  attr: string,
  installed?: InstalledMiss,
): void {
  const frame = session.stack[session.stack.length - 1];
  if (!frame?.step) return;
  const { file, line } = frame.step;
  const read = session.facts(file).attributeReads.find((r) => r.line === line && r.attrs.includes(attr));
  fail(session, {
    kind: "attribute-error",
    file,
    line,
    col: read?.col ?? 0,
    message: messages.noAttribute(rec.name, attr),
    exceptionType: "AttributeError",
    module: rec.name,
    name: attr,
    certainty: frame.conditional ? "maybe" : "certain",
    ...(installed ? { installed } : {}),
  });
}

/** The absolute module a `from` import names, or a failure message (CPython's `_resolve_name`). */
export function resolveRelative(
  rec: ModuleRecord,
  module: string,
  level: number,
): { name: string } | { error: string } {
  if (level === 0) return { name: module };
  const pkg = rec.resolution.kind === "package" || rec.resolution.kind === "namespace" ? rec.name : parentOf(rec.name);
  if (pkg === "") return { error: messages.relativeNoParent() };
  const parts = pkg.split(".");
  if (parts.length < level) return { error: messages.relativeBeyondTop() };
  const base = parts.slice(0, parts.length - (level - 1)).join(".");
  return { name: module ? `${base}.${module}` : base };
}

function parentOf(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot < 0 ? "" : name.slice(0, dot);
}

/** `_handle_fromlist` for one listed name: a submodule the package does not bind is imported (a missing one is
 *  skipped: IMPORT_FROM reports it). CPython does this for every name of the statement before looking any up. */
export function importFromList(session: InterpreterSession, rec: ModuleRecord, attr: string, site: Site): void {
  const child = session.modules.get(`${rec.name}.${attr}`);
  const rerun = child?.failed || ((child?.maybeFailed || child?.maybeLoaded) && session.maybeFrom() < 0);
  const lazy = rec.ns.get(attr)?.certain || rec.childAttrs.get(attr) ? null : lazyAttributeModule(session, rec, attr);
  if (rerun && child?.status === "done" && !rec.ns.has(attr)) importModule(session, `${rec.name}.${attr}`, site);
  else if (lazy) importModule(session, lazy, site);
  else if (rec.isPackage && hookWouldImport(session, rec, attr)) {
    // The hook's import_module raises what importing the submodule raises, "No module named" included.
    importModule(session, `${rec.name}.${attr}`, site);
  } else if (rec.isPackage && !lookupAttr(session, rec, attr, "from").found) {
    const sub = `${rec.name}.${attr}`;
    if (session.modules.has(sub) || findSpec(session.index, session.classifier, sub, rec.searchPath).found) {
      importModule(session, sub, site);
    }
  }
}

/** `hasattr(pkg, attr)` in `_handle_fromlist` reaches the package's lazy-submodule `__getattr__`, which imports
 *  the submodule: only the hook (no binding, no other unknown) answers for `attr`. */
function hookWouldImport(session: InterpreterSession, rec: ModuleRecord, attr: string): boolean {
  if (rec.ns.has(attr) || rec.childAttrs.has(attr) || rec.anyAttr || rec.anyGlobal || rec.dynamicGlobals) return false;
  return getattrImportsSubmodule(session, rec, attr);
}

/** `from <rec> import name`: `_handle_fromlist` (import a submodule the package does not bind) then IMPORT_FROM. */
export function importFromName(
  session: InterpreterSession,
  rec: ModuleRecord,
  attr: string,
  site: Site,
): { ok: boolean; certain: boolean; module: string | null } {
  importFromList(session, rec, attr, site);
  const got = lookupAttr(session, rec, attr, "from");
  if (got.found) return { ok: true, certain: got.certain, module: got.module };
  // IMPORT_FROM falls back to sys.modules: a submodule still executing (a cycle through it) is found there.
  const sub = session.modules.get(`${rec.name}.${attr}`);
  if (sub) return { ok: true, certain: true, module: sub.name };
  const partial = rec.status === "executing";
  const cycle = partialCycle(session, rec, attr, site);
  const spec = siteSpec(site, session);
  fail(session, {
    kind: cycle ? "circular-import" : "missing-name",
    ...spec,
    // A package that installs import hooks may provide the submodule `attr` from there.
    ...(rec.isPackage && mayBeInjected(session, `${rec.name}.${attr}`) ? { certainty: "maybe" as const } : {}),
    message: partial
      ? messages.cannotImportNamePartial(attr, rec.name, rec.file)
      : messages.cannotImportName(attr, rec.name, rec.file),
    exceptionType: "ImportError",
    module: rec.name,
    name: attr,
    ...(cycle && cycle.length > 0 ? { cycle } : {}),
    ...(got.installed ? { installed: got.installed } : {}),
  });
  return { ok: false, certain: true, module: null };
}

function stepsBefore(session: InterpreterSession, frameIndex: number): number {
  let n = 0;
  for (let i = 0; i < frameIndex; i++) if (session.stack[i]?.step) n++;
  return n;
}

/** When `rec` is still executing and binds `attr` later (or has such a submodule), reading `attr` from it now fails
 *  because of the cycle that re-entered it: the cycle's statements from where `rec` started; else undefined. */
export function partialCycle(
  session: InterpreterSession,
  rec: ModuleRecord,
  attr: string,
  site: Site,
): PendingStep[] | undefined {
  if (rec.status !== "executing" || !wouldBindLater(session, rec, attr, site)) return undefined;
  const at = session.executing.get(rec.name);
  return at === undefined ? [] : session.currentSteps().slice(stepsBefore(session, at));
}

/** A partially initialised module that binds `attr` later (or has such a submodule): the failure is the cycle's. */
function wouldBindLater(session: InterpreterSession, rec: ModuleRecord, attr: string, site: Site): boolean {
  if (!rec.file) return false;
  const facts = session.facts(rec.file);
  // `from . import x` in the package's own __init__ binds x itself: that binding is the failing one, no cycle.
  const self = (b: { line: number }) => rec.name === site.module && b.line === site.line;
  if (facts.bindings.some((b) => b.name === attr && !b.typeChecking && b.kind !== "del" && !self(b))) return true;
  return rec.isPackage && findSpec(session.index, session.classifier, `${rec.name}.${attr}`, rec.searchPath).found;
}

/** setuptools' editable finder (after every sys.path entry on sys.meta_path) finds an immediate submodule of a
 *  top-level package it maps in the mapped directory, whatever `__path__` the package found first has. */
function editableChild(session: InterpreterSession, name: string, parentName: string): Resolution | null {
  if (parentName.includes(".")) return null;
  for (const root of session.input.editableRoots ?? []) {
    const dir = join(root, parentName);
    if (session.index.list(dir) === null) continue;
    const res = findSpec(session.index, session.classifier, name, [dir]);
    if (res.found) return res;
  }
  return null;
}
