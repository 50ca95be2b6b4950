// One walk over the repository: its Python modules with the dotted names they import under (for suggestions)
// and the files that declare dependencies. Skips hidden directories, virtual environments and build output.
import { readdirSync } from "node:fs";
import { dirname, join, resolve, sep } from "node:path";
import type { KnownModule } from "../analyze/index.ts";
import { isRequirementsFile } from "./requirements.ts";

const SKIP = new Set(["node_modules", "__pycache__", "site-packages", "dist-packages", "build", "dist"]);
const IDENT = /^[A-Za-z_]\w*$/;
/** A bound on the walk so a scan of a huge tree stays fast; suggestions are best effort beyond it. */
const MAX_FILES = 50_000;

export interface ProjectFiles {
  pythonFiles: string[];
  requirementFiles: string[];
  /** Every directory listed (the scan cache watches their mtimes for added and removed files). */
  directories: string[];
}

/** O(entries under root): one listing per directory. */
export function walkProject(root: string): ProjectFiles {
  const pythonFiles: string[] = [];
  const requirementFiles: string[] = [];
  const directories: string[] = [];
  const stack = [root];
  while (stack.length > 0 && pythonFiles.length < MAX_FILES) {
    const dir = stack.pop()!;
    let entries: import("node:fs").Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    directories.push(dir);
    if (entries.some((e) => e.name === "pyvenv.cfg")) continue;
    for (const e of entries) {
      const path = join(dir, e.name);
      if (e.isDirectory()) {
        if (!e.name.startsWith(".") && !SKIP.has(e.name)) stack.push(path);
      } else if (e.name.endsWith(".py")) pythonFiles.push(path);
      else if (isRequirementsFile(e.name)) requirementFiles.push(path);
    }
  }
  return { pythonFiles: pythonFiles.sort(), requirementFiles: requirementFiles.sort(), directories };
}

/** Dotted name of `file` relative to `base`, or null when a part is not an identifier. */
function dottedName(base: string, file: string): string | null {
  // Both are absolute and normalized: a prefix test answers "not under base" without path.relative.
  const prefix = base.endsWith(sep) ? base : base + sep;
  if (!file.startsWith(prefix)) return null;
  const rel = file.slice(prefix.length);
  if (rel === "") return null;
  const parts = rel.replace(/\.py$/, "").split(sep);
  if (parts[parts.length - 1] === "__init__") parts.pop();
  return parts.length > 0 && parts.every((p) => IDENT.test(p)) ? parts.join(".") : null;
}

/** First-party modules with the name they import under from the first search root that reaches them. When that
 *  name goes through a namespace portion (`src.pkg.mod`, the rootdir being on sys.path), the module also gets the
 *  name from its top-most regular package as an alias (`pkg.mod`): the name the code imports it by once a conftest,
 *  a .pth file or PYTHONPATH puts `src` on sys.path, which the search roots (the start-up sys.path) may not show. */
export function knownModules(pythonFiles: string[], searchRoots: string[]): KnownModule[] {
  const roots = [...new Set(searchRoots.map((r) => resolve(r)))];
  const files = new Set(pythonFiles);
  const isPackage = (dir: string) => files.has(join(dir, "__init__.py"));
  const out: KnownModule[] = [];
  for (const path of pythonFiles) {
    for (const root of roots) {
      const name = dottedName(root, path);
      if (!name) continue;
      let top = dirname(path);
      while (isPackage(top) && isPackage(dirname(top))) top = dirname(top);
      // Only inside a package: a bare module's basename (`utils`) would alias many unrelated files.
      const alias = isPackage(top) && dirname(top).length > root.length ? dottedName(dirname(top), path) : null;
      out.push(alias ? { name, path, alias } : { name, path });
      break;
    }
  }
  return out;
}

/** The directory pytest's prepend mode puts on sys.path for a test file: above its top-most package. */
export function testBaseDir(file: string, hasInit: (dir: string) => boolean): string {
  let dir = dirname(file);
  while (hasInit(dir) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}
