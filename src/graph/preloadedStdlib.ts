// Standard-library modules pytest's start-up already imported (GraphInput.preloadedStdlib) sit in sys.modules
// before any conftest runs: a later sys.path insertion of a directory holding a file of the same name does not
// shadow them. The model (importTimeModel.ts) puts them in its sys.modules first, resolved as the start-up found
// them (the interpreter's own sys.path); a stdlib name a repository file shadows is reported (onShadowedStdlib),
// so that the caller can ask the interpreter which of them the start-up imported, and build the model again if any.

import { type InterpreterSession, perSession } from "./interpreterSession.ts";
import { absoluteEntry } from "./pathEvaluation.ts";
import { findSpec, type Resolution } from "./resolveImport.ts";

/** The stdlib module `name` as pytest's start-up would find it (on the interpreter's sys.path, before pytest's
 *  `pythonpath` or any conftest changes it); null when that finds no stdlib module. Memoized per session. */
export const stdlibAtStartup = perSession((session, name): Resolution | null => {
  const path = session.input.interpreterSysPath.map((p) => absoluteEntry(p, session.cwd));
  const found = findSpec(session.index, session.classifier, name, path);
  return found.found && found.origin === "stdlib" ? found : null;
});

/** A top-level import found `res`, not the stdlib module of that name that the start-up would have found. */
export function noteShadowedStdlib(session: InterpreterSession, name: string, res: Resolution): void {
  const report = session.input.onShadowedStdlib;
  if (!report || res.origin === "stdlib" || res.origin === "builtin") return;
  if (stdlibAtStartup(session, name)) report(name);
}
