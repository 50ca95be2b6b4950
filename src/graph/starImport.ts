// `from m import *`: binds `__all__` when m defines it literally (importing listed submodules of a package, as
// `_handle_fromlist` does), else m's public names; unknown name sets make every global possibly bound.
import { fail } from "./failures.ts";
import { getAttr, importModule, isStdlibModule, type Site } from "./importMachinery.ts";
import type { InterpreterSession, ModuleRecord } from "./interpreterSession.ts";
import { messages } from "./messages.ts";
import { findSpec } from "./resolveImport.ts";

export function bindStar(
  session: InterpreterSession,
  rec: ModuleRecord,
  mod: ModuleRecord,
  site: Site,
  certain: boolean,
): void {
  if (isStdlibModule(mod)) {
    // The interpreter can say what a stdlib module exports (asked when a name is looked up).
    if (!rec.stdlibStars.includes(mod.name)) rec.stdlibStars.push(mod.name);
    return;
  }
  if (!mod.simulated || !mod.file) {
    // A namespace package binds nothing; anything else (third-party, extension) binds names we cannot know.
    if (mod.resolution.kind !== "namespace") rec.anyGlobal = true;
    return;
  }
  // `__all__` counts once the module has bound it: a partially initialised module exports what it has so far.
  const all = mod.ns.has("__all__") ? session.facts(mod.file).dunderAll : null;
  if (all) {
    if (!all.complete) rec.anyGlobal = true;
    for (const name of all.names) {
      let got = getAttr(session, mod, name);
      if (!got.found && mod.isPackage) {
        const sub = `${mod.name}.${name}`;
        if (findSpec(session.index, session.classifier, sub, mod.searchPath).found) importModule(session, sub, site);
        got = getAttr(session, mod, name);
      }
      if (!got.found && all.complete) {
        fail(session, {
          kind: "attribute-error",
          ...site,
          certainty: session.pathUncertain ? "maybe" : site.certainty,
          message: messages.noAttribute(mod.name, name),
          exceptionType: "AttributeError",
          module: mod.name,
          name,
        });
      }
      rec.ns.set(name, { certain: certain && (got.found ? got.certain : all.complete), module: got.module });
    }
    return;
  }
  if (mod.anyGlobal || mod.anyAttr || mod.dynamicGlobals) rec.anyGlobal = true;
  // Names m got from a stdlib star import are m's globals too: exported to rec (the public ones, as stdlib exports).
  for (const star of mod.stdlibStars) if (!rec.stdlibStars.includes(star)) rec.stdlibStars.push(star);
  for (const [name, v] of mod.ns) {
    if (!name.startsWith("_")) rec.ns.set(name, { certain: certain && v.certain, module: v.module });
  }
  // Loaded submodules are in the package's namespace too, so they are exported like any public name.
  for (const [name, set] of mod.childAttrs) {
    if (!name.startsWith("_") && !mod.ns.has(name)) {
      rec.ns.set(name, { certain: certain && set, module: `${mod.name}.${name}` });
    }
  }
}
