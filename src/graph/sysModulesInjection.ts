// Modules made at import time without a file: code that writes `sys.modules[...] = mod` or installs a
// `sys.meta_path` finder (six.moves, requests.packages, a conftest stubbing a heavy dependency). The facts do not
// say whether `sys.modules` is stored into or only read, so any module-level access counts (a read only costs
// recall: the "No module named" errors it covers become warnings). What is covered, conservatively:
// - every module below the accessing module's own name (`compat.moves`, `requests.packages.urllib3`);
// - any module at all once a conftest did it (stubs are written under arbitrary names, and pytest imports
//   conftests before the test modules that use them).
// A module that touches `sys.modules[__name__]` may replace itself (pygments' lexers, trio.tests) or change its
// class (`sys.modules[__name__].__class__ = ...`): any attribute may exist on what importers get. That one is
// told from the statement's source line (read only for modules that touch sys.modules).
import { basename } from "node:path";
import type { AttributeRead } from "../python/index.ts";
import { type InterpreterSession, type ModuleRecord, perSession } from "./interpreterSession.ts";
import { hasLazyTable } from "./lazyAttributes.ts";

const IMPORT_STATE = new Set(["modules", "meta_path", "path_hooks"]);

/** Called for each module-level attribute read as it executes. */
export function noteSysAccess(session: InterpreterSession, rec: ModuleRecord, read: AttributeRead): void {
  if (!IMPORT_STATE.has(read.attrs[0] ?? "") || rec.ns.get(read.name)?.module !== "sys") return;
  // `sys.modules[__name__]` (kombu's `sys.modules[__name__] = module(__name__)` with the old `__path__` copied):
  // the module replaces itself, so importers may find any attribute; it makes no other module, and its
  // submodules are still found through its directory.
  const self = new RegExp(`\\b${read.name}\\s*\\.\\s*modules\\s*\\[\\s*__name__\\s*\\]`);
  if (rec.file && self.test(session.lines.line(rec.file, read.line))) {
    if (hasLazyTable(session, rec.file)) rec.lazySelf = true;
    else rec.anyAttr = true;
    return;
  }
  rec.injectsModules = true;
  if (rec.simulated) injectorsOf(session).add(rec);
  if (rec.file && basename(rec.file) === "conftest.py") session.anyModuleInjected = true;
}

/** The simulated modules that touched sys.modules, so that asking whether one is loaded costs O(them), not a walk
 *  of sys.modules (saleor asks it for every name a replayed module misses from an installed package). */
const injectors = new WeakMap<InterpreterSession, Set<ModuleRecord>>();
function injectorsOf(session: InterpreterSession): Set<ModuleRecord> {
  let set = injectors.get(session);
  if (!set) {
    set = new Set();
    injectors.set(session, set);
  }
  return set;
}

/** Whether a first-party module that touched sys.modules or sys.meta_path is in sys.modules now. */
export function injectorLoaded(session: InterpreterSession): boolean {
  for (const rec of injectors.get(session) ?? []) if (session.modules.get(rec.name) === rec) return true;
  return false;
}

/** Whether a module `name` that has no file may still have been put into sys.modules by code already run. */
export function mayBeInjected(session: InterpreterSession, name: string): boolean {
  if (session.anyModuleInjected) return true;
  for (let dot = name.indexOf("."); dot >= 0; dot = name.indexOf(".", dot + 1)) {
    const rec = session.modules.get(name.slice(0, dot));
    if (rec?.injectsModules || (rec?.file && installsImportHooks(session, rec.file))) return true;
  }
  return false;
}

/** A package whose source mentions `sys.meta_path` / `sys.modules[...]` (but its own `sys.modules[__name__]`)
 *  anywhere, in a function body too (a vendoring importer installed by a method called at import time:
 *  pkg_resources.extern, setuptools.extern): its submodules may come from there. Read only on the way to a "No module named" error, once per file. */
const HOOKS = /\bmeta_path\b|\bsys\s*\.\s*modules\s*\[(?!\s*__name__\s*\])/;
const installsImportHooks = perSession((session, file) => HOOKS.test(session.lines.text(file) ?? ""));
