// Names missing from installed (third-party) modules: `from pkg import name_it_removed` after an upgrade. remedy
// does not execute installed code (it is opaque: any attribute assumed there), but when the module's namespace is
// fully known from its source, a name that nothing in it binds is CPython's ImportError (or AttributeError for a
// module-level `pkg.name` read). Only the installed modules first-party code actually asks a name of are read
// (their facts come through the same facts source as the project's, and are cached with them).
//
// Why sources and not the interpreter (as for the stdlib, src/scan/stdlibNameCheck.ts): answering `hasattr(pkg, name)`
// means importing pkg, i.e. running third-party code (side effects, seconds for heavy packages, failures of its
// own) in a process remedy starts; remedy promises to run nothing but the interpreter's own standard library. The
// source is read instead, and only a namespace that cannot be extended behind the source's back counts:
// - a `.py` file (never a compiled-only module, never a `.pyi` stub) whose facts parsed cleanly;
// - no module `__getattr__` (PEP 562, lazy loaders such as lazy_loader), except the common deprecation hook whose
//   body only answers literal names (`if name == "__version__": ...`) and otherwise raises AttributeError;
// - no `globals()`, `vars()`, `exec(`, `__import__(`, `declare_namespace(` anywhere in the file, no module-level
//   `locals()`, no `sys.modules` used on itself or stored into (a module replacing itself), no `__path__` binding;
// - every star import from a module whose names are known: another installed `.py` module (recursively, by the
//   same rules), or a stdlib module, which the interpreter lists (GraphInput's stdlibMissing, key `*M:name`);
// - the name bound nowhere in the module: any binding kind, at any depth of module-level control flow,
//   conditional or deleted (only an `if TYPE_CHECKING:` body never runs), nor named by a `global` statement;
//   not a module dunder;
// - for a package, no entry `name` or `name.*` beside its `__init__.py` (a submodule: source, directory,
//   extension or bytecode), which the import system may set as an attribute.
// Then what depends on the session: no import hook or first-party sys.modules write that may have replaced the
// module (sysModulesInjection.ts), the name not assigned as an attribute by the repository (a shim `pkg.name =
// ...`: GraphInput.attributeAssigned, without which nothing is reported) nor stored or written as a string literal
// anywhere in the installed top-level package (a submodule doing `setattr(pkg, "name", ...)`).
// Measured against CPython on this machine's site-packages (every cross-package `from A import B` of its modules,
// and 12,000 intra-package ones): 17 flagged, all confirmed, none wrong; see README.
import { readFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { type InterpreterSession, type ModuleRecord, perSession } from "./interpreterSession.ts";
import { moduleHasDunder } from "./pythonNames.ts";
import { type Resolution, resolveModuleName } from "./resolveImport.ts";
import { addMatchedNames } from "./sourceLines.ts";
import { injectorLoaded, mayBeInjected } from "./sysModulesInjection.ts";

/** What an installed module's source says about its namespace. */
interface Summary {
  /** Why the namespace cannot be listed from the source; null when it can. */
  unknown: string | null;
  /** Every name any module-level statement may bind, plus `global` names. */
  bound: Set<string>;
  /** Names a top-level statement binds on every path once the module has run (not conditional, not in a try body,
   *  never deleted). */
  surely: Set<string>;
  /** Absolute names of the modules it star-imports. */
  stars: string[];
  /** A literal `__all__` bound once, unconditionally (what a star import of it exports), else null. */
  all: { names: string[]; complete: boolean } | null;
  /** It binds `__all__` in a way `all` does not describe: what a star import of it exports is unknown. */
  allUnknown: boolean;
  /** Names a known deprecation-style `__getattr__` answers (null: there is no `__getattr__`). */
  hookNames: Set<string> | null;
}

/** Anything that may write the module's namespace, extend its `__path__` or replace the module, outside its
 *  binding statements: `globals()`/`vars()`/`exec(`/`__import__(`, pkg_resources' `declare_namespace`, and
 *  `sys.modules` used on the module itself (`[__name__]`, `.get(__name__)`) or stored into (`[k] = m`,
 *  `.update(`, `.setdefault(`); `import modules` from sys. Reading other modules from sys.modules is harmless. */
const DYNAMIC = new RegExp(
  [
    String.raw`\b(?:globals|vars|exec|__import__|declare_namespace)\s*\(`,
    String.raw`\bmodules\s*(?:\[\s*__name__|\.\s*get\s*\(\s*__name__)`,
    String.raw`\bmodules\s*\[[^\]\n]*\]\s*(?:=(?!=)|\.\s*__(?:class|dict)__)`,
    String.raw`\bmodules\s*\.\s*(?:update|setdefault|__setitem__)\s*\(`,
    String.raw`^[ \t]*from[ \t]+sys[ \t]+import\b[^\n]*\bmodules\b`,
  ].join("|"),
  "m",
);

const summaryOf = perSession((session: InterpreterSession, key: string): Summary => {
  const [name, file] = key.split("\0") as [string, string];
  const isPackage = basename(file) === "__init__.py";
  const none = (unknown: string): Summary => ({
    unknown,
    bound: new Set(),
    surely: new Set(),
    stars: [],
    all: null,
    allUnknown: true,
    hookNames: null,
  });
  if (!file.endsWith(".py")) return none("not a source file");
  // The text first: a module that fails this test is never parsed.
  const text = session.lines.text(file);
  if (text === null) return none("unreadable");
  if (DYNAMIC.test(text)) return none("dynamic namespace");
  const facts = session.facts(file);
  if (facts.status !== "ok") return none(`facts: ${facts.status}`);
  if (facts.reads.some((r) => r.name === "locals" && r.scope === "module")) return none("locals()");
  const bound = new Set<string>(facts.globalNames);
  // Under `if TYPE_CHECKING:` nothing runs (the model's rule for first-party code too).
  for (const b of facts.bindings) if (!b.typeChecking) bound.add(b.name);
  if (bound.has("__path__")) return none("__path__ rebound");
  const surely = new Set<string>();
  for (const b of facts.bindings) if (!b.typeChecking && !b.conditional && !b.caught) surely.add(b.name);
  for (const b of facts.bindings) if (b.kind === "del") surely.delete(b.name);
  let hookNames: Set<string> | null = null;
  if (facts.moduleGetattr) {
    hookNames = knownHookNames(text, facts.bindings);
    if (hookNames === null) return none("module __getattr__");
  }
  const stars: string[] = [];
  for (const s of facts.starImports) {
    const stmt = facts.imports.find((i) => i.line === s.line && i.col === s.col && i.kind === "from");
    if (!stmt || stmt.module === null) return none("star import");
    const abs = absoluteName(name, isPackage, stmt.module, stmt.level);
    if (abs === null) return none("star import beyond top level");
    stars.push(abs);
  }
  const allBindings = facts.bindings.filter((b) => b.name === "__all__");
  const plain = allBindings.length > 0 && allBindings.every((b) => !b.conditional && !b.typeChecking && !b.caught);
  const all = plain && facts.dunderAll ? { names: facts.dunderAll.names, complete: facts.dunderAll.complete } : null;
  const allUnknown = allBindings.length > 0 && all === null;
  return { unknown: null, bound, surely, stars, all, allUnknown, hookNames };
});

function absoluteName(name: string, isPackage: boolean, module: string, level: number): string | null {
  if (level === 0) return module;
  const parts = name.split(".");
  const pkg = isPackage ? parts : parts.slice(0, -1);
  if (pkg.length < level) return null;
  const base = pkg.slice(0, pkg.length - (level - 1)).join(".");
  if (base === "") return null;
  return module ? `${base}.${module}` : base;
}

/** The names a module `__getattr__` answers when its whole body is: a docstring, `if NAME == "lit":` / `if NAME in
 *  ("lit", ...):` blocks (elif too; whatever they do runs only for those names), and a final `raise
 *  AttributeError(...)`: flask's and werkzeug's `__version__` deprecation hooks. Null for any other hook. */
function knownHookNames(
  text: string,
  bindings: readonly { name: string; kind: string; line: number }[],
): Set<string> | null {
  const defs = bindings.filter((b) => b.name === "__getattr__");
  const def = defs[0];
  if (defs.length !== 1 || def?.kind !== "def") return null;
  const lines = text.split(/\r\n|\r|\n/);
  const m = /^(\s*)def\s+__getattr__\s*\(\s*(\w+)\s*(?::[^)]*)?\)\s*(?:->[^:]*)?:\s*(?:#.*)?$/.exec(
    lines[def.line - 1] ?? "",
  );
  if (!m) return null;
  const indent = (m[1] as string).length;
  const param = m[2] as string;
  const body: string[] = [];
  for (let i = def.line; i < lines.length; i++) {
    const l = lines[i] as string;
    if (l.trim() === "" || /^\s*#/.test(l)) continue;
    if (l.search(/\S/) <= indent) break;
    body.push(l);
  }
  const inner = body[0]?.search(/\S/) ?? -1;
  const first = body[0]?.trim() ?? "";
  const quote = /^[rRuU]?("""|''')/.exec(first)?.[1];
  if (quote) {
    // A docstring: up to the line that closes it.
    const rest = first.slice(first.indexOf(quote) + 3);
    const close = rest.includes(quote) ? 0 : body.findIndex((l, k) => k > 0 && l.includes(quote));
    if (close < 0) return null;
    body.splice(0, close + 1);
  }
  const lit = `(?:"(\\w+)"|'(\\w+)')`;
  const test = new RegExp(
    `^(?:if|elif)\\s+${param}\\s*(?:==\\s*${lit}|in\\s*[({[]\\s*((?:${lit}\\s*,?\\s*)+)[)}\\]])\\s*:\\s*(?:#.*)?$`,
  );
  const names = new Set<string>();
  let raised = false;
  for (const l of body) {
    const at = l.search(/\S/);
    const stmt = l.trim();
    if (at > inner) continue; // inside an if block (runs only for its names), or the raise's continuation
    if (at < inner) return null;
    if (raised) {
      if (/^[)\]}]+$/.test(stmt)) continue; // the closing bracket of a multi-line raise
      return null;
    }
    if (/^raise\s+AttributeError\b/.test(stmt)) {
      raised = true;
      continue;
    }
    // Any other statement at the body's level (a return, an assignment, a call, an else) may answer other names.
    const t = test.exec(stmt);
    if (!t) return null;
    if (t[1] ?? t[2]) names.add((t[1] ?? t[2]) as string);
    if (t[3]) for (const x of t[3].matchAll(/"(\w+)"|'(\w+)'/g)) names.add((x[1] ?? x[2]) as string);
  }
  return raised ? names : null;
}

/** Whether a directory holds `attr` as a submodule or subpackage (any `attr` or `attr.*` entry). */
function hasSubmoduleEntry(session: InterpreterSession, dir: string, attr: string): boolean {
  const entries = session.index.list(dir);
  if (!entries) return true;
  if (entries.has(attr)) return true;
  for (const e of entries.keys()) if (e.startsWith(`${attr}.`)) return true;
  return false;
}

interface InstalledModule {
  name: string;
  file: string;
}

/** Whether the installed module may have `attr` (true whenever that cannot be excluded). */
function mayHave(session: InterpreterSession, mod: InstalledModule, attr: string, visiting: Set<string>): boolean {
  const s = summaryOf(session, `${mod.name}\0${mod.file}`);
  if (s.unknown !== null || s.bound.has(attr)) return true;
  if (s.hookNames?.has(attr)) return true;
  const isPackage = basename(mod.file) === "__init__.py";
  if (moduleHasDunder(attr, { isPackage, fromFile: true })) return true;
  if (isPackage && hasSubmoduleEntry(session, dirname(mod.file), attr)) return true;
  return s.stars.some((star) => starMayBind(session, star, attr, visiting));
}

/** Answers that depend on sys.path, kept while sys.path is unchanged: keyed by its snapshot, which SysPathState
 *  replaces on every change. Without them saleor's scan re-resolved the same star-imported installed modules
 *  millions of times (40 of 52 s in installedLacks, measured with --cpu-prof); with them each (module, name)
 *  question is answered once per sys.path state. */
const onSysPath = new WeakMap<
  readonly string[],
  { stars: Map<string, Resolution | undefined>; has: Map<string, boolean> }
>();

function sysPathMemo(session: InterpreterSession) {
  const key = session.sysPath.snapshot();
  let memo = onSysPath.get(key);
  if (!memo) {
    memo = { stars: new Map(), has: new Map() };
    onSysPath.set(key, memo);
  }
  return memo;
}

/** Where `from <star> import *` finds `star`: the loaded module's resolution, else the import system's. */
function starResolution(session: InterpreterSession, star: string): Resolution | undefined {
  const loaded = session.modules.get(star)?.resolution;
  if (loaded) return loaded;
  const { stars } = sysPathMemo(session);
  if (stars.has(star)) return stars.get(star);
  const res = resolveModuleName(
    session.index,
    session.classifier,
    star,
    session.sysPath.entries,
    session.builtinModules,
  ).steps.at(-1);
  stars.set(star, res);
  return res;
}

/** Whether `from <star> import *` may bind `attr`. */
function starMayBind(session: InterpreterSession, star: string, attr: string, visiting: Set<string>): boolean {
  const res = starResolution(session, star);
  if (!res?.found) return true;
  if (res.origin === "stdlib" || res.origin === "builtin") {
    const { onStdlibLookup, stdlibMissing } = session.input;
    onStdlibLookup?.(star, attr, "star");
    return stdlibMissing?.has(`*${star}:${attr}`) !== true;
  }
  if (res.origin !== "third-party" || !res.file?.endsWith(".py") || res.kind === "namespace") return true;
  if (visiting.has(res.file)) return true;
  visiting.add(res.file);
  const s = summaryOf(session, `${star}\0${res.file}`);
  if (s.unknown !== null || s.allUnknown) return true;
  if (s.all) return !s.all.complete || s.all.names.includes(attr);
  if (attr.startsWith("_")) return false;
  return mayHave(session, { name: star, file: res.file }, attr, visiting);
}

export interface InstalledMiss {
  /** The installed module's file. */
  file: string;
  distribution: string | null;
  version: string | null;
}

/** Whether `rec`, an installed module remedy does not execute, certainly lacks `attr` (see the header). `how`:
 *  `from rec import attr`, or a module-level `rec.attr` read (then a `__getattr__` hook words the error itself,
 *  so a module with one is left alone). Null when it has it or that cannot be known. */
export function installedLacks(
  session: InterpreterSession,
  rec: ModuleRecord,
  attr: string,
  how: "from" | "attr",
): InstalledMiss | null {
  const assigned = session.input.attributeAssigned;
  if (!assigned) return null;
  const res = rec.resolution;
  if (rec.simulated || res.origin !== "third-party" || !rec.file?.endsWith(".py")) return null;
  if (res.kind !== "module" && res.kind !== "package") return null;
  if (rec.childAttrs.has(attr) || session.modules.has(`${rec.name}.${attr}`)) return null;
  const { has } = sysPathMemo(session);
  const asked = `${rec.name}\0${rec.file}\0${attr}`;
  let may = has.get(asked);
  if (may === undefined) {
    may = mayHave(session, { name: rec.name, file: rec.file }, attr, new Set([rec.file]));
    has.set(asked, may);
  }
  if (may) return null;
  // A module-level `rec.attr` read meets the hook, which words the AttributeError itself.
  if (how === "attr" && summaryOf(session, `${rec.name}\0${rec.file}`).hookNames !== null) return null;
  // What code that ran may have done to it: replaced it through sys.modules or an import hook (first-party code
  // that touched sys.modules, a parent package that installs hooks), or set the name as an attribute (a shim in
  // the repository, or the installed package's own code from another of its modules).
  if (assigned(attr) || mayBeInjected(session, rec.name) || packageMayAssign(session, rec, attr)) return null;
  if (injectorLoaded(session)) return null;
  return { file: rec.file, ...distributionOf(session, rec) };
}

/** Whether the installed regular package `parent` certainly has no submodule `sub`: `import cbor2._decoder` after
 *  cbor2 6 dropped its pure-Python `_decoder` (localstack), which CPython reports as "No module named
 *  'cbor2._decoder'". Certain only when nothing can provide it but its directory, where the import system found
 *  nothing: the package's `__init__.py` is a `.py` file whose namespace the summary lists (no `__path__` binding,
 *  no globals()/exec, no sys.modules use on itself), its `__path__` is its one directory, no `.py` file of its
 *  top-level package mentions `sys.modules[...]`, `sys.meta_path` or `__path__` (a sibling registering the module,
 *  a vendoring importer), and no first-party code that touched sys.modules has run. Null when it may exist. */
export function installedLacksSubmodule(
  session: InterpreterSession,
  parent: ModuleRecord,
  sub: string,
): InstalledMiss | null {
  const res = parent.resolution;
  if (parent.simulated || res.origin !== "third-party" || res.kind !== "package") return null;
  if (!parent.file || basename(parent.file) !== "__init__.py" || parent.searchPath.length !== 1) return null;
  if (parent.searchPath[0] !== dirname(parent.file)) return null;
  if (summaryOf(session, `${parent.name}\0${parent.file}`).unknown !== null) return null;
  if (mayBeInjected(session, `${parent.name}.${sub}`) || injectorLoaded(session)) return null;
  const top = session.modules.get(parent.name.split(".")[0] as string);
  const topDir = top?.file && basename(top.file) === "__init__.py" ? dirname(top.file) : null;
  if (!topDir || packageExtendsImports(session, topDir)) return null;
  return { file: parent.file, ...distributionOf(session, parent) };
}

/** Whether any `.py` file of the installed package under `dir` may make modules at run time. O(bytes), once per
 *  package per session, only on the way to a report. */
const packageExtendsImports = perSession((session: InterpreterSession, dir: string): boolean => {
  // Writes only: reading sys.modules or iterating sys.meta_path (_pytest, yaml) makes no module.
  const pattern =
    /\bmodules\s*(?:\[.*\]\s*=(?!=)|\.\s*(?:update|setdefault|__setitem__)\b)|\b(?:meta_path|path_hooks|__path__)\s*(?:\+?=(?!=)|\.\s*(?:append|insert|extend)\b|\[.*\]\s*=(?!=))/;
  return packageSources(session, dir).some((path) => pattern.test(session.lines.text(path) ?? "modules["));
});

/** The `.py` files of the installed package under `dir`, its subpackages included (`__pycache__` aside). */
function packageSources(session: InterpreterSession, dir: string): string[] {
  const out: string[] = [];
  const stack = [dir];
  while (stack.length > 0) {
    const d = stack.pop() as string;
    for (const [entry, kind] of session.index.list(d) ?? []) {
      const path = join(d, entry);
      if (kind === "dir") {
        if (entry !== "__pycache__") stack.push(path);
      } else if (entry.endsWith(".py")) out.push(path);
    }
  }
  return out;
}

/** Whether `rec`, an installed `.py` module remedy does not execute, certainly has `attr` once it has run: a
 *  top-level statement of its source binds it on every path (`hasattr(jinja2, "pass_context")`). False when that
 *  is not certain (not that it lacks it: see installedLacks). */
export function installedSurelyHas(session: InterpreterSession, rec: ModuleRecord, attr: string): boolean {
  const res = rec.resolution;
  if (rec.simulated || res.origin !== "third-party" || !rec.file?.endsWith(".py")) return false;
  if (mayBeInjected(session, rec.name)) return false;
  const s = summaryOf(session, `${rec.name}\0${rec.file}`);
  return s.unknown === null && s.surely.has(attr);
}

/** Names the installed top-level package's own code may set on one of its modules from elsewhere (a submodule
 *  that does `pkg.name = ...` or `setattr(pkg, "name", ...)`): every attribute stored (`.name =`) and every
 *  identifier written as a string literal in any of its `.py` files. Read only on the way to a report, once per
 *  package per session. O(bytes of the package). */
const packageNames = perSession((session: InterpreterSession, dir: string): Set<string> => {
  const names = new Set<string>();
  const pattern = /\.\s*([A-Za-z_]\w*)\s*=(?!=)|(['"])([A-Za-z_]\w*)\2/g;
  for (const path of packageSources(session, dir)) addMatchedNames(path, pattern, names);
  return names;
});

function packageMayAssign(session: InterpreterSession, rec: ModuleRecord, attr: string): boolean {
  const top = session.modules.get(rec.name.split(".")[0] as string);
  const file = top?.file ?? rec.file;
  if (!file) return true;
  // A top-level module of its own: its source is all there is (its own stores are bindings or sys.modules tricks).
  if (basename(file) !== "__init__.py") return false;
  return packageNames(session, dirname(file)).has(attr);
}

/** The installed distribution that provides `rec`'s top-level package, and its version: from the interpreter's
 *  list (GraphInput.distributions), else from a `*.dist-info` directory beside the top-level package. */
function distributionOf(
  session: InterpreterSession,
  rec: ModuleRecord,
): { distribution: string | null; version: string | null } {
  const top = rec.name.split(".")[0] as string;
  const root = session.modules.get(top)?.resolution.root ?? rec.resolution.root;
  const dists = (session.input.distributions ?? []).filter((d) => d.topLevel.includes(top));
  const here = dists.find((d) => d.location && root && dirname(d.location) === root);
  const one = here ?? (dists.length === 1 ? dists[0] : undefined);
  if (one?.version) return { distribution: one.name, version: one.version };
  if (root) {
    const norm = (n: string) => n.toLowerCase().replace(/[-_.]+/g, "_");
    for (const entry of session.index.list(root)?.keys() ?? []) {
      const m = /^(.+)-([^-]+)\.dist-info$/.exec(entry);
      if (!m) continue;
      const matches = norm(m[1] as string) === norm(top) || readLines(join(root, entry, "top_level.txt")).includes(top);
      if (matches) return { distribution: distName(join(root, entry)) ?? (m[1] as string), version: m[2] as string };
    }
  }
  return { distribution: one?.name ?? null, version: null };
}

function readLines(file: string): string[] {
  try {
    return readFileSync(file, "utf8")
      .split(/\r?\n/)
      .map((l) => l.trim());
  } catch {
    return [];
  }
}

/** The `Name:` field of a dist-info's METADATA, as the distribution spells it. */
function distName(distInfo: string): string | null {
  for (const l of readLines(join(distInfo, "METADATA"))) {
    if (l === "") break;
    const m = /^Name:\s*(.+)$/.exec(l);
    if (m) return m[1] as string;
  }
  return null;
}
