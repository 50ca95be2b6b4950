// Lazy attribute tables: a package whose `__getattr__` imports the module a literal table names for the attribute
// asked (`from kombu import Connection` imports kombu.connection then; pydantic's `_dynamic_imports`, werkzeug's
// and celery's old `all_by_module`). Python runs that import inside `hasattr(pkg, name)` of `_handle_fromlist`,
// so what the named module raises is the importer's error, before any later name of the statement. The facts do
// not describe function bodies or dict literals: both are read from the source, for modules with a hook only.
// Recognised, and nothing else (any other hook keeps moduleGetattr.ts's judgement, which imports nothing):
// - the hook: a module-level `def __getattr__(name)` (PEP 562), or a method `def __getattr__(self, name)` of the
//   class a module puts in its own place (`sys.modules[__name__] = module(__name__)`), that subscripts a
//   module-level table with the name (`T[name]`, `T.get(name)`) and imports (`__import__`, `import_module`),
//   with no `except` (what it would catch changes the error);
// - the table: a dict literal of string keys whose values are a module name (`'Name': 'pkg.mod'`), a tuple
//   ending in one (`'Name': (__spec__.parent, '.mod')`), or a list of names under a module key
//   (`'pkg.mod': ['Name', ...]`); or an empty dict filled by a `for ... in OTHER.items()` loop, or a comprehension
//   over `OTHER.items()`, from such a list table (kombu's `object_origins` from `all_by_module`).
import type { InterpreterSession, ModuleRecord } from "./interpreterSession.ts";
import { perSession } from "./interpreterSession.ts";
import { blockBelow } from "./sourceLines.ts";

/** attribute -> module it is imported from (relative names resolved), or null: no recognised table. */
const tableOf = perSession((session, file): Map<string, string> | null => {
  const source = session.lines.text(file);
  if (source === null || !/__getattr__/.test(source)) return null;
  const hook = hookBody(source);
  // A hook that catches what the import raises (prefect turns ModuleNotFoundError into AttributeError, and the
  // statement then fails with "cannot import name") is not followed.
  if (!hook || !/\b(?:__import__|import_module)\s*\(/.test(hook.body) || /\bexcept\b/.test(hook.body)) return null;
  const p = hook.param;
  const used = new RegExp(`\\b([A-Za-z_]\\w*)\\s*(?:\\[\\s*${p}\\s*\\]|\\.get\\(\\s*${p}\\b)`).exec(hook.body);
  if (!used) return null;
  const literal = dictLiteral(source, used[1] as string);
  if (literal === null) return null;
  // Inverted from another table: by a comprehension over its items, or an empty dict filled by a loop.
  const comprehension = /\bfor\b[^:]*\bin\s+([A-Za-z_]\w*)\.items\(\)/.exec(literal);
  const loop = literal.trim() === "" ? /^for\s+\w+\s*,\s*\w+\s+in\s+([A-Za-z_]\w*)\.items\(\)\s*:/m.exec(source) : null;
  const from = comprehension ?? loop;
  if (from) {
    const other = dictLiteral(source, from[1] as string);
    return other === null ? null : entries(other);
  }
  return entries(literal);
});

/** Whether `file` has a lazy attribute table remedy reads. */
export function hasLazyTable(session: InterpreterSession, file: string): boolean {
  return tableOf(session, file) !== null;
}

/** The module a lazy table of `rec` imports for `attr`, or null. */
export function lazyAttributeModule(session: InterpreterSession, rec: ModuleRecord, attr: string): string | null {
  if (!rec.file || !rec.simulated || !(rec.getattrHook || rec.lazySelf)) return null;
  const target = tableOf(session, rec.file)?.get(attr);
  if (target === undefined) return null;
  // Relative to the package (`__spec__.parent`, `__name__` of a package's __init__).
  const pkg = rec.isPackage ? rec.name : rec.name.slice(0, Math.max(0, rec.name.lastIndexOf(".")));
  return absoluteName(target, pkg);
}

/** `importlib.import_module(target, package)`'s name: `.x` below `package`, `..x` below its parent. */
function absoluteName(target: string, pkg: string): string | null {
  if (!target.startsWith(".")) return target;
  const dots = /^\.+/.exec(target)?.[0].length ?? 1;
  const parts = pkg.split(".");
  if (pkg === "" || parts.length < dots) return null;
  const base = parts.slice(0, parts.length - (dots - 1)).join(".");
  const rest = target.slice(dots);
  return rest ? `${base}.${rest}` : base;
}

/** The body and name parameter of the module's `__getattr__`: the module-level one, else a method of a class when
 *  the module replaces itself in sys.modules. */
function hookBody(source: string): { body: string; param: string } | null {
  const lines = source.split(/\r\n|\r|\n/);
  const selfReplacing = /\bsys\s*\.\s*modules\s*\[\s*__name__\s*\]\s*=/.test(source);
  for (let i = 0; i < lines.length; i++) {
    const m = /^(\s*)def\s+__getattr__\s*\(\s*(\w+)\s*(?::[^,)]*)?(?:,\s*(\w+))?/.exec(lines[i] as string);
    if (!m) continue;
    const method = (m[1] as string).length > 0;
    if (method && !selfReplacing) continue;
    const param = method ? m[3] : m[2];
    if (!param) continue;
    return { body: blockBelow(lines, i), param };
  }
  return null;
}

/** The text between the braces of the module-level `NAME = {...}` (annotated or not), or null. */
function dictLiteral(source: string, name: string): string | null {
  const m = new RegExp(`^${name}\\s*(?::[^=\\n]*)?=\\s*\\{`, "m").exec(source);
  if (!m) return null;
  let depth = 1;
  let quote: string | null = null;
  for (let i = m.index + m[0].length; i < source.length; i++) {
    const c = source[i] as string;
    if (quote) {
      if (c === "\\") i++;
      else if (c === quote) quote = null;
    } else if (c === "'" || c === '"') quote = c;
    else if (c === "#") i = source.indexOf("\n", i) < 0 ? source.length : source.indexOf("\n", i);
    else if (c === "{" || c === "[" || c === "(") depth++;
    else if (c === "}" || c === "]" || c === ")") {
      depth--;
      if (depth === 0) return source.slice(m.index + m[0].length, i);
    }
  }
  return null;
}

const STRING = String.raw`(['"])([\w.]+)\1`;
const PAIR = new RegExp(String.raw`${STRING}\s*:\s*(?:${STRING}|\(([^()]*)\)|\[([^\]]*)\])`, "g");
const NAMES = /(['"])([A-Za-z_]\w*)\1/g;

/** attribute -> module from a table's entries (module-keyed lists inverted). */
function entries(text: string): Map<string, string> | null {
  const out = new Map<string, string>();
  for (const m of text.matchAll(PAIR)) {
    const key = m[2] as string;
    if (m[4] !== undefined) out.set(key, m[4]);
    else if (m[5] !== undefined) {
      // `(package, module)`: a literal package (pydantic's `('pydantic_core', '.core_schema')`) makes a relative
      // module absolute; `__spec__.parent` leaves it relative to the table's own package.
      const strings = [...m[5].matchAll(/(['"])([\w.]+)\1/g)].map((x) => x[2] as string);
      const last = strings[strings.length - 1];
      const literalPackage = strings.length >= 2 && /^\s*['"]/.test(m[5]) ? (strings[0] as string) : null;
      const target = last && literalPackage !== null ? absoluteName(last, literalPackage) : last;
      if (target && last !== "__module__") out.set(key, target);
    } else if (m[6] !== undefined) for (const n of m[6].matchAll(NAMES)) out.set(n[2] as string, key);
  }
  return out.size > 0 ? out : null;
}
