// The commonest edit to a module besides a function body: a new function, class or constant. Its facts change,
// so the stored result cannot be reused as it is; yet the model would come to the same result when the edit only
// adds names nothing used before. Rebuilding the model means decoding every module's facts (~1 s on 10,000
// files), so this rule lets the scan reuse the result instead. It must be exact: it answers true only when the
// model and the analyzers cannot see a difference, and false (a full rebuild) whenever in doubt.
import { basename, dirname, join } from "node:path";
import { statOrNull } from "../discover/index.ts";
import { BUILTIN_NAMES } from "../graph/index.ts";
import type { Binding, FileFacts, ImportFact, Read } from "../python/index.ts";
import { type InertImport, nameBoundBy, namesBoundBy } from "./inertImports.ts";

/** Keys holding positions: an insertion shifts the positions of everything after it, which changes nothing the
 *  model decides as long as the module appears nowhere in the stored result (the caller checks that). */
const POSITIONAL = new Set(["line", "col", "stmt", "body", "orelse"]);
const withoutPositions = (value: unknown): string =>
  JSON.stringify(value, (key, v) => (POSITIONAL.has(key) ? undefined : v));

/** The entries of `after` left once every entry of `before` is matched (positions ignored); null when some
 *  entry of `before` has no match (something was removed or changed). O(n). */
function added<T>(before: T[], after: T[]): T[] | null {
  const pool = new Map<string, number>();
  for (const b of before) {
    const k = withoutPositions(b);
    pool.set(k, (pool.get(k) ?? 0) + 1);
  }
  const extra: T[] = [];
  for (const a of after) {
    const k = withoutPositions(a);
    const left = pool.get(k) ?? 0;
    if (left > 0) pool.set(k, left - 1);
    else extra.push(a);
  }
  for (const left of pool.values()) if (left > 0) return null;
  return extra;
}

const NEW_NAME_KINDS = new Set(["def", "class", "assign", "annassign"]);
const isDunder = (name: string) => name.startsWith("__") && name.endsWith("__");
const certain = (b: Binding) => !b.conditional && !b.typeChecking && !b.caught;

/** What the stored scan knows about the rest of the repository. */
export interface AddedNamesContext {
  /** A test file (its names are tests, imported ones too) or a conftest. */
  isTestOrConftest: (path: string) => boolean;
  /** The stored result mentions this word somewhere (a failure, a suggestion, a message). */
  mentioned: (word: string) => boolean;
  /** The facts of every module with a star import (any module's). */
  starImporters: () => FileFacts[];
  /** Which added imports change nothing the model decides (inertImports.ts); null or absent: none. */
  inertImport?: () => InertImport | null;
}

/** The module name a file's star-importers would write last: `pkg` for pkg/__init__.py, `mod` for mod.py. */
function lastComponent(path: string): string {
  const name = basename(path, ".py");
  return name === "__init__" ? basename(dirname(path)) : name;
}

/** A name a package's submodule also has: `from pkg import name` would now stop importing the submodule. */
function isSubmoduleName(path: string, name: string): boolean {
  if (basename(path) !== "__init__.py") return false;
  const dir = dirname(path);
  return statOrNull(join(dir, `${name}.py`)) !== null || statOrNull(join(dir, name)) !== null;
}

/** A read the edit added that cannot fail: a builtin the module does not rebind, or a name the module certainly
 *  bound before the read and never deletes. */
function safeRead(read: Read, after: FileFacts): boolean {
  const bindings = after.bindings.filter((b) => b.name === read.name);
  if (bindings.some((b) => b.kind === "del")) return false;
  if (bindings.length === 0) return BUILTIN_NAMES.has(read.name);
  return bindings.some((b) => certain(b) && b.stmt < read.stmt);
}

/** Could `importer`'s star import bring the names of `path`? By the last component of the module it names, so
 *  a module of the same name elsewhere counts too (a needless rebuild, never a wrong answer). */
function mayStarImport(importer: FileFacts, path: string): boolean {
  return importer.imports.some(
    (i) =>
      i.kind === "from" &&
      i.names.some((n) => n.name === "*") &&
      (i.module ? i.module.split(".").pop() === lastComponent(path) : basename(path) === "__init__.py"),
  );
}

/** The new names reach every module that star-imports the edited one, directly or through a chain. There they
 *  change nothing only if that module binds none of them itself (the star import would rebind or be rebound)
 *  and is no test file (pytest collects imported `test_*` functions). O(star importers x chain). */
function starImportsChangeNothing(path: string, names: Set<string>, context: AddedNamesContext): boolean {
  const importers = context.starImporters();
  const reached = new Set([path]);
  const queue = [path];
  for (let p = queue.pop(); p !== undefined; p = queue.pop()) {
    for (const importer of importers) {
      if (reached.has(importer.path) || !mayStarImport(importer, p)) continue;
      if (context.isTestOrConftest(importer.path) || importer.moduleGetattr) return false;
      if (importer.bindings.some((b) => names.has(b.name))) return false;
      reached.add(importer.path);
      queue.push(importer.path);
    }
  }
  return true;
}

/** Every binding of `name` in the module is a certain `import name` or `import name.sub` at module level: all bind
 *  the same module object, so one more (`import os.path` beside `import os`) changes no value. */
function onlyBindsModule(facts: FileFacts, name: string): boolean {
  // For `import a.b` without an alias the name bound is `a` itself: the module of that name.
  const bindsModule = (i: ImportFact) =>
    i.kind === "import" && i.names.every((n) => nameBoundBy(i, n) !== name || n.asname === null);
  return (
    facts.bindings.every((b) => b.name !== name || (b.kind === "import" && certain(b))) &&
    facts.imports.every((i) => i.scope !== "module" || !namesBoundBy(i).includes(name) || bindsModule(i))
  );
}

/** True when `after` differs from `before` only by new module-level names that nothing used (defined, or bound by
 *  imports that change nothing the model decides), so that the model and the analyzers would decide exactly what
 *  they decided with `before`. */
export function onlyAddsUnusedNames(before: FileFacts, after: FileFacts, context: AddedNamesContext): boolean {
  if (context.isTestOrConftest(after.path) || before.status !== "ok" || after.status !== "ok") return false;
  if (before.moduleGetattr || after.moduleGetattr) return false;
  const newBindings = added(before.bindings, after.bindings);
  if (newBindings === null || newBindings.length === 0) return false;
  const newImports = added(before.imports, after.imports);
  if (newImports === null) return false;
  const importBound = new Set<string>();
  if (newImports.length > 0) {
    const inert = context.inertImport?.();
    if (!inert || !newImports.every(inert)) return false;
    for (const imp of newImports) for (const name of namesBoundBy(imp)) importBound.add(name);
  }
  const oldNames = new Set(before.bindings.map((b) => b.name));
  const names = new Set<string>();
  for (const b of newBindings) {
    const kindAllowed = NEW_NAME_KINDS.has(b.kind) || (b.kind === "import" && importBound.has(b.name));
    if (!kindAllowed || !certain(b) || isDunder(b.name)) return false;
    if (oldNames.has(b.name)) {
      // After the module's first binding of the name the module is bound there anyway; before it, a read would
      // now find it (a NameError a handler may have caught).
      const first = Math.min(...before.bindings.filter((x) => x.name === b.name).map((x) => x.stmt));
      if (b.kind === "import" && b.stmt > first && onlyBindsModule(before, b.name) && onlyBindsModule(after, b.name))
        continue;
      return false;
    }
    if (context.mentioned(b.name) || isSubmoduleName(after.path, b.name)) return false;
    names.add(b.name);
  }
  const newReads = added(before.reads, after.reads);
  if (newReads === null || !newReads.every((r) => safeRead(r, after))) return false;
  const newFunctions = added(before.functions ?? [], after.functions ?? []);
  if (newFunctions === null || !newFunctions.every((f) => names.has(f.name))) return false;
  const checked = new Set(["bindings", "imports", "reads", "functions", "path"]);
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  for (const key of keys) {
    if (checked.has(key)) continue;
    const a = (before as unknown as Record<string, unknown>)[key];
    const b = (after as unknown as Record<string, unknown>)[key];
    if (withoutPositions(a) !== withoutPositions(b)) return false;
  }
  return starImportsChangeNothing(after.path, names, context);
}
