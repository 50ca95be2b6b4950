// pytest's `import_path` for one conftest or test file (prepend / append / importlib), as _pytest/pathlib.py
// does it in pytest 9: the module name from the `__init__.py` chain, the sys.path insertion, the import, the
// file-mismatch check. Cost: O(depth of the file) plus the import itself.
import { basename, dirname, join, relative, sep } from "node:path";
import { fail } from "./failures.ts";
import { importModule, load, resolveRelative, type Site } from "./importMachinery.ts";
import type { Frame, InterpreterSession, ModuleRecord } from "./interpreterSession.ts";
import { messages } from "./messages.ts";
import { callHookFunction } from "./moduleExecution.ts";
import type { ModuleIndex } from "./moduleIndex.ts";
import type { Resolution } from "./resolveImport.ts";

const IDENT = /^[A-Za-z_]\w*$/;

/** The top-most directory upward from `file` that still holds `__init__.py` (pytest's resolve_package_path). */
export function resolvePackagePath(index: ModuleIndex, file: string): string | null {
  let result: string | null = null;
  let dir = dirname(file);
  if (basename(file) === "__init__.py") result = null;
  for (;;) {
    if (index.list(dir)?.get("__init__.py") !== "file" || !IDENT.test(basename(dir))) break;
    result = dir;
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return result;
}

/** pytest's (pkg_root, module_name) for a file, prepend/append flavour. */
export function moduleNameFor(index: ModuleIndex, file: string): { root: string; name: string } {
  const pkg = resolvePackagePath(index, file);
  const root = pkg ? dirname(pkg) : dirname(file);
  const rel = relative(root, file).replace(/\.py$/, "").split(sep);
  if (rel[rel.length - 1] === "__init__") rel.pop();
  return { root, name: rel.join(".") };
}

/** pytest's module_name_from_path: the rootdir-relative dotted name used by importlib mode outside packages. */
function moduleNameFromPath(file: string, rootdir: string): string {
  const rel = relative(rootdir, file.replace(/\.py$/, ""));
  const parts = rel.startsWith("..") ? file.replace(/\.py$/, "").split(sep).slice(1) : rel.split(sep);
  if (parts.length >= 2 && parts[parts.length - 1] === "__init__") parts.pop();
  return parts.map((p) => p.replaceAll(".", "_")).join(".");
}

/** Imports a conftest or test file as pytest does; returns its module record (null when it is not found). */
export function importPath(session: InterpreterSession, file: string, role: "test" | "conftest"): ModuleRecord | null {
  const { index, input } = session;
  const site: Site = { file, line: 1, col: 0, module: null, certainty: "certain" };
  const pkg = resolvePackagePath(index, file);
  if (role === "conftest" && !pkg) session.modules.delete("conftest");
  if (input.importMode === "importlib") return importlibImport(session, file, pkg);
  const { root, name } = moduleNameFor(index, file);
  if (input.importMode === "append") {
    if (!session.sysPath.has(root)) session.sysPath.append(root);
  } else if (session.sysPath.entries[0] !== root) {
    session.sysPath.insert(0, root);
  }
  const before = session.fileFailures.length;
  const rec = importModule(session, name, site);
  if (!rec || session.fileFailures.length > before || basename(file) === "__init__.py") return rec;
  const rebound = reboundFile(session, rec);
  const moduleFile = rebound?.path ?? (rec.file ? rec.file.replace(/\.pyc$/, ".py") : null);
  if (moduleFile !== file) {
    fail(session, {
      kind: "import-file-mismatch",
      file,
      line: rebound?.line ?? 1,
      col: 0,
      message: messages.importFileMismatch(name, moduleFile ?? "None", file),
      exceptionType: "ImportPathMismatchError",
      module: name,
      // Set when the module rebinds `__file__` itself (no other file shares its name).
      name: rebound ? "__file__" : null,
      certainty: "certain",
    });
  }
  return rec;
}

/** The `__file__` a test module certainly rebinds with `from m import __file__` (its only binding of the name,
 *  unconditional and unguarded), as pytest's check reads it: m's file, a package's without `/__init__.py`. Null
 *  when the module does not rebind it, or its value is unknown (an assignment, `as __file__`, an m that rebinds
 *  its own). pytest then reports the mismatch between that path and the test file. */
function reboundFile(session: InterpreterSession, rec: ModuleRecord): { path: string; line: number } | null {
  if (!rec.file) return null;
  const facts = session.facts(rec.file);
  const bindings = facts.bindings.filter((b) => b.name === "__file__");
  if (bindings.length !== 1 || bindings[0]!.kind !== "import") return null;
  const imp = facts.imports.find(
    (i) =>
      i.kind === "from" &&
      i.scope === "module" &&
      i.names.some((n) => n.name === "__file__" && (n.asname === null || n.asname === "__file__")),
  );
  if (!imp || imp.conditional || imp.typeChecking || imp.caught) return null;
  const target = resolveRelative(rec, imp.module ?? "", imp.level);
  const source = "name" in target ? session.modules.get(target.name) : undefined;
  if (!source?.file || session.facts(source.file).bindings.some((b) => b.name === "__file__")) return null;
  const init = `${sep}__init__.py`;
  return { path: source.file.endsWith(init) ? source.file.slice(0, -init.length) : source.file, line: imp.line };
}

/** importlib mode: the file is executed from its path under a unique name; parent packages from their paths. */
function importlibImport(session: InterpreterSession, file: string, pkg: string | null): ModuleRecord | null {
  const name = pkg ? moduleNameFor(session.index, file).name : moduleNameFromPath(file, session.input.rootdir);
  const cached = session.modules.get(name);
  if (cached) return cached;
  const parts = name.split(".");
  let dir = dirname(file);
  const dirs: string[] = [];
  for (let i = parts.length - 2; i >= 0; i--) {
    dirs[i] = dir;
    dir = dirname(dir);
  }
  for (let i = 0; i < parts.length - 1; i++) {
    const parentName = parts.slice(0, i + 1).join(".");
    if (session.modules.has(parentName)) continue;
    const pdir = dirs[i] as string;
    const init = join(pdir, "__init__.py");
    const hasInit = session.index.list(pdir)?.get("__init__.py") === "file";
    load(session, parentName, fileResolution(session, parentName, hasInit ? init : null, pdir));
    if (session.stopped) return null;
  }
  return load(session, name, fileResolution(session, name, file, null));
}

function fileResolution(
  session: InterpreterSession,
  name: string,
  file: string | null,
  pkgDir: string | null,
): Resolution {
  const location = file ?? (pkgDir as string);
  return {
    name,
    found: true,
    kind: pkgDir ? (file ? "package" : "namespace") : "module",
    file,
    searchPath: pkgDir ? [pkgDir] : [],
    root: dirname(location),
    origin: session.classifier.classify(location),
    tried: [],
  };
}

/** `pytest_plugins = [...]` in a conftest: pytest imports each module right after the conftest, so their
 *  failures are the conftest's (chain: the conftest's `pytest_plugins` line, then the plugin). */
export function importPlugins(session: InterpreterSession, conftest: string, rec: ModuleRecord | null): string | null {
  const facts = session.facts(conftest);
  const plugins = facts.pytest.plugins;
  if (!plugins || plugins.length === 0 || !rec) return null;
  let failed: string | null = null;
  const binding = facts.bindings.find((b) => b.name === "pytest_plugins");
  const line = binding?.line ?? 1;
  inConftestFrame(session, conftest, rec, line, () => {
    for (const plugin of plugins) {
      const before = session.fileFailures.length;
      const site = { file: conftest, line, col: binding?.col ?? 0, module: rec.name, certainty: "certain" as const };
      importModule(session, plugin, site);
      if (before === 0 && session.fileFailures.length > 0) failed = plugin;
    }
  });
  return failed;
}

/** Runs `body` as pytest's own code acting on a loaded conftest: in a frame of it, at `line`, that certainly runs
 *  and catches nothing (pytest's own handlers turn what escapes into the conftest's or the session's error). */
function inConftestFrame<T>(
  session: InterpreterSession,
  conftest: string,
  rec: ModuleRecord,
  line: number,
  body: () => T,
): T {
  const frame: Frame = {
    module: rec,
    step: { file: conftest, line, module: rec.name },
    caught: [],
    caughtHere: false,
    conditional: false,
    aborted: false,
  };
  session.stack.push(frame);
  try {
    return body();
  } finally {
    session.stack.pop();
  }
}

/** The hooks pytest calls once the initial conftests are loaded and before it collects: `pytest_configure` (in
 *  `config._do_configure`), then `pytest_sessionstart`. Whatever one raises ends the session as an INTERNALERROR
 *  (exit code 3, "INTERNALERROR> ImportError: ..."), the usual way a conftest's `pytest_configure` that imports
 *  the application (settings, a Django setup) fails when the application is broken. */
export const STARTUP_HOOKS = ["pytest_configure", "pytest_sessionstart"] as const;

/** The hooks pytest calls once it has collected (Session.perform_collect), errors or not: whatever one raises is
 *  an INTERNALERROR too (exit code 3), after the collection errors were reported. */
export const COLLECTION_HOOKS = ["pytest_collection_modifyitems", "pytest_collection_finish"] as const;

/** Calls `hook` (STARTUP_HOOKS, COLLECTION_HOOKS) of one loaded conftest (`rec`), in a frame of it whose step is
 *  the hook's def: true when the conftest defines it. What it raises is in the session's file failures. */
export function callConftestHook(
  session: InterpreterSession,
  conftest: string,
  rec: ModuleRecord,
  hook: string,
): boolean {
  const fn = session.facts(conftest).functions.find((f) => f.name === hook && f.className === null);
  if (!fn) return false;
  return inConftestFrame(session, conftest, rec, fn.line, () => callHookFunction(session, rec, hook));
}
