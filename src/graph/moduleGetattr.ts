// Which names a PEP 562 module `__getattr__` can provide, judged from its source (the facts do not describe
// function bodies): a hook that forwards (getattr/import_module/globals/a dict lookup) may provide anything;
// otherwise only names written as string literals in the module. A heuristic, so a miss is never worse than the
// `cannot import name` CPython raises when the hook rejects the name.
import type { InterpreterSession, ModuleRecord } from "./interpreterSession.ts";
import { blockBelow } from "./sourceLines.ts";

interface HookView {
  forwards: boolean;
  literals: Set<string>;
  /** The lazy-submodule hook (`return importlib.import_module("." + name, __name__)`, dateutil's): asked for a
   *  name, it imports the package's submodule of that name, so a failing submodule fails the lookup. */
  importsSubmodule: boolean;
  /** The hook mentions `__all__` (dateutil: `if name in __all__:`): it imports only the names listed there. */
  gatedByAll: boolean;
  /** dateutil's whole shape: that lazy import under `__all__` is its one `return`, it forwards nothing else, and
   *  it raises AttributeError: any name not in `__all__` is rejected. */
  rejectsOthers: boolean;
}

/** Per session: a later scan in the same process must see edited sources. */
const viewsOf = new WeakMap<InterpreterSession, Map<string, HookView>>();

function view(session: InterpreterSession, file: string): HookView {
  let views = viewsOf.get(session);
  if (!views) {
    views = new Map();
    viewsOf.set(session, views);
  }
  let v = views.get(file);
  if (v) return v;
  const source = session.lines.text(file);
  if (source === null) {
    v = { forwards: true, literals: new Set(), importsSubmodule: false, gatedByAll: false, rejectsOthers: false };
    views.set(file, v);
    return v;
  }
  const lines = source.split(/\r\n|\r|\n/);
  const def = session.facts(file).bindings.find((b) => b.name === "__getattr__" && b.kind === "def");
  const body = def ? blockBelow(lines, def.line - 1) : "";
  const param = def ? (/__getattr__\s*\(\s*(\w+)/.exec(lines[def.line - 1] ?? "")?.[1] ?? "name") : "name";
  const lookup = new RegExp(`\\[\\s*${param}\\s*\\]|\\.get\\(\\s*${param}\\b`);
  const forwards =
    !def || /\b(?:getattr|import_module|__import__|globals|vars)\s*\(|sys\.modules/.test(body) || lookup.test(body);
  const literals = new Set<string>();
  for (const m of source.matchAll(/(['"])([A-Za-z_]\w*)\1/g)) literals.add(m[2] as string);
  const submodule = new RegExp(
    `import_module\\(\\s*(?:(['"])\\.\\1\\s*\\+\\s*${param}|f(['"])\\.\\{${param}\\}\\2)\\s*,\\s*__name__\\s*\\)`,
  );
  const importsSubmodule = submodule.test(body);
  const gatedByAll = /\b__all__\b/.test(body);
  const rejectsOthers =
    importsSubmodule &&
    gatedByAll &&
    /\braise\s+AttributeError\b/.test(body) &&
    (body.match(/\breturn\b/g)?.length ?? 0) === 1 &&
    !/\b(?:getattr|__import__|globals|vars)\s*\(|sys\.modules/.test(body) &&
    !lookup.test(body);
  v = { forwards, literals, importsSubmodule, gatedByAll, rejectsOthers };
  views.set(file, v);
  return v;
}

export function getattrMayProvide(session: InterpreterSession, rec: ModuleRecord, attr: string): boolean {
  if (!rec.file) return true;
  const v = view(session, rec.file);
  if (v.rejectsOthers) {
    const all = session.facts(rec.file).dunderAll;
    if (all?.complete === true) return all.names.includes(attr);
  }
  return v.forwards || v.literals.has(attr);
}

/** Whether `rec`'s `__getattr__` imports the submodule `attr` when asked for it (see HookView.importsSubmodule);
 *  a hook gated by `__all__` only for names of a literal, complete `__all__`. */
export function getattrImportsSubmodule(session: InterpreterSession, rec: ModuleRecord, attr: string): boolean {
  if (!rec.getattrHook || rec.file === null) return false;
  const v = view(session, rec.file);
  if (!v.importsSubmodule) return false;
  if (!v.gatedByAll) return true;
  const all = session.facts(rec.file).dunderAll;
  return all?.complete === true && all.names.includes(attr);
}
