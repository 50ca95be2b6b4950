// Whether a dotted module name can be found on a search path, the way the import system looks for it, without
// running anything: for the modules pytest imports by name while it starts (`-p NAME`, warning filter categories).
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";

/** The first part of `dotted` (itself or a parent package) not found on `searchPath`, as CPython names it in
 *  "No module named ...", or null when every part is found. Found: a `.py` module, a package or namespace
 *  directory, a compiled extension, or a top-level name in `alwaysFound` (built-in modules, top-level names
 *  installed distributions declare: editable installs find them through import hooks). A module that is found
 *  but fails to import is not judged here. */
export function firstMissingPart(
  dotted: string,
  searchPath: string[],
  alwaysFound: ReadonlySet<string>,
): string | null {
  const parts = dotted.split(".");
  if (alwaysFound.has(parts[0] as string)) return null;
  for (let i = 1; i <= parts.length; i++) {
    const rel = parts.slice(0, i).join("/");
    const last = parts[i - 1] as string;
    const found = searchPath.some((dir) => {
      if (existsSync(join(dir, `${rel}.py`)) || existsSync(join(dir, rel))) return true;
      try {
        const siblings = readdirSync(join(dir, ...parts.slice(0, i - 1)));
        return siblings.some((f) => f.startsWith(`${last}.`) && /\.(so|pyd)$/.test(f));
      } catch {
        return false;
      }
    });
    if (!found) return parts.slice(0, i).join(".");
  }
  return null;
}
