// Module resolution as CPython's PathFinder does it (learned from pyright's importResolver, written for pytest's
// view): a regular package beats a module beside it, a module beats namespace portions, portions merge across
// path entries. Each answer is a record of what was found and where it was looked for, never a boolean.
// Cost: O(path entries) map lookups per name; directory listings come from ModuleIndex (each listed once).
import { join, sep } from "node:path";
import type { ModuleIndex } from "./moduleIndex.ts";

export type ModuleKind = "package" | "module" | "namespace" | "extension" | "sourceless" | "builtin" | "distribution";
export type Origin = "first-party" | "third-party" | "stdlib" | "builtin";

export interface Resolution {
  /** The full dotted name. */
  name: string;
  found: boolean;
  kind: ModuleKind | null;
  /** The file that executes: `__init__.py`, `x.py`, `x.cpython-311-....so`; null for namespaces and builtins. */
  file: string | null;
  /** `__path__` of a package or namespace package (merged portions); empty for plain modules. */
  searchPath: string[];
  /** The path entry (sys.path entry or parent `__path__` entry) it was found in. */
  root: string | null;
  origin: Origin | null;
  /** The entries looked in, in order. */
  tried: string[];
}

/** Decides where a found module comes from: first-party = under the rootdir and outside site-packages. */
export class OriginClassifier {
  private readonly stdlibRoots: string[];
  constructor(
    private readonly rootdir: string,
    interpreterSysPath: readonly string[],
  ) {
    this.stdlibRoots = interpreterSysPath.filter(
      (p) => !isSitePackages(p) && /(?:^|\/)(?:python\d[\d.]*(?:\.zip)?|lib-dynload)$/.test(p),
    );
  }

  classify(location: string): Origin {
    if (isSitePackages(location)) return "third-party";
    if (isUnder(location, this.rootdir)) return "first-party";
    if (this.stdlibRoots.some((r) => isUnder(location, r))) return "stdlib";
    return "third-party";
  }
}

export function isSitePackages(p: string): boolean {
  return /(?:^|\/)(?:site-packages|dist-packages)(?:\/|$)/.test(p);
}

export function isUnder(p: string, dir: string): boolean {
  return p === dir || p.startsWith(dir.endsWith(sep) ? dir : dir + sep);
}

/** Finds `fullName` (whose last component is looked up) in the given path entries, as PathFinder.find_spec. */
export function findSpec(
  index: ModuleIndex,
  classifier: OriginClassifier,
  fullName: string,
  searchPath: readonly string[],
): Resolution {
  const last = fullName.slice(fullName.lastIndexOf(".") + 1);
  const tried: string[] = [];
  const portions: string[] = [];
  let firstPortionRoot: string | null = null;
  for (const entry of searchPath) {
    tried.push(entry);
    const hit = index.lookup(entry, last);
    if (hit.packageInit) {
      const dir = join(entry, last);
      return {
        name: fullName,
        found: true,
        kind: "package",
        file: hit.packageInit,
        searchPath: [dir],
        root: entry,
        origin: classifier.classify(dir),
        tried,
      };
    }
    if (hit.moduleFile) {
      return {
        name: fullName,
        found: true,
        kind: hit.moduleKind === "module" ? "module" : (hit.moduleKind ?? "module"),
        file: hit.moduleFile,
        searchPath: [],
        root: entry,
        origin: classifier.classify(hit.moduleFile),
        tried,
      };
    }
    if (hit.namespaceDir) {
      portions.push(hit.namespaceDir);
      firstPortionRoot ??= entry;
    }
  }
  if (portions.length > 0) {
    const first = portions[0] as string;
    return {
      name: fullName,
      found: true,
      kind: "namespace",
      file: null,
      searchPath: portions,
      root: firstPortionRoot,
      origin: classifier.classify(first),
      tried,
    };
  }
  return { name: fullName, found: false, kind: null, file: null, searchPath: [], root: null, origin: null, tried };
}

/** A module compiled into the interpreter (sys, builtins, ...): found without a path. */
export function builtinResolution(name: string): Resolution {
  return { name, found: true, kind: "builtin", file: null, searchPath: [], root: null, origin: "builtin", tried: [] };
}

/** A top-level name an installed distribution provides through an import hook (no sys.path entry shows it). */
export function distributionResolution(name: string, tried: string[]): Resolution {
  return {
    name,
    found: true,
    kind: "distribution",
    file: null,
    searchPath: [],
    root: null,
    origin: "third-party",
    tried,
  };
}

export interface ResolvedName {
  /** One record per prefix: `a`, `a.b`, `a.b.c`, stopping at the first that is not found. */
  steps: Resolution[];
  found: boolean;
  /** Set when a prefix is a plain module, so the rest cannot be found under it: "'a' is not a package". */
  notPackage: string | null;
}

/** Resolves a dotted name against a sys.path without executing anything (packages' `__path__` assumed static).
 *  O(components x path entries). */
export function resolveModuleName(
  index: ModuleIndex,
  classifier: OriginClassifier,
  name: string,
  sysPath: readonly string[],
  builtinModules: ReadonlySet<string> = new Set(),
): ResolvedName {
  const parts = name.split(".");
  const steps: Resolution[] = [];
  let path: readonly string[] = sysPath;
  for (let i = 0; i < parts.length; i++) {
    const full = parts.slice(0, i + 1).join(".");
    const res = i === 0 && builtinModules.has(full) ? builtinResolution(full) : findSpec(index, classifier, full, path);
    steps.push(res);
    if (!res.found) return { steps, found: false, notPackage: null };
    if (i < parts.length - 1 && res.searchPath.length === 0) {
      return { steps, found: false, notPackage: full };
    }
    path = res.searchPath;
  }
  return { steps, found: true, notPackage: null };
}
