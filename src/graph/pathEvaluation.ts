// Evaluates a statically known `sys.path` argument (facts' PathExpr) the way os.path / pathlib would at import
// time of the module that holds it, so conftest.py tricks like `sys.path.insert(0, dirname(__file__) + ...)` count.
import { realpathSync } from "node:fs";
import { posix } from "node:path";
import type { PathExpr } from "../python/index.ts";

/** The string the expression evaluates to, or null when it cannot be known. `cwd` makes relative paths absolute
 *  for abspath/resolve only, as Python does. */
export function evaluatePathExpr(expr: PathExpr, moduleFile: string, cwd: string): string | null {
  let value: string | null = null;
  for (const part of expr) {
    switch (part.kind) {
      case "literal":
        value = part.value;
        break;
      case "file":
        value = moduleFile;
        break;
      case "join": {
        let joined: string | null = null;
        for (const sub of part.parts) {
          const piece = evaluatePathExpr(sub, moduleFile, cwd);
          if (piece === null) return null;
          // os.path.join: an absolute piece discards everything before it.
          joined = joined === null || piece.startsWith("/") ? piece : posix.join(joined, piece);
        }
        value = joined;
        break;
      }
      case "dirname":
        if (value === null) return null;
        value = value.includes("/") ? value.slice(0, value.lastIndexOf("/")) || "/" : "";
        break;
      case "parent":
        if (value === null) return null;
        value = posix.dirname(value);
        break;
      case "abspath":
        if (value === null) return null;
        value = posix.resolve(cwd, value);
        break;
      case "resolve":
        if (value === null) return null;
        value = posix.resolve(cwd, value);
        try {
          value = realpathSync(value);
        } catch {
          // Path.resolve() on a missing path still gives the absolute path.
        }
        break;
    }
  }
  return value;
}

/** A sys.path entry as the path finder uses it: relative entries ("" included) count from the working directory. */
export function absoluteEntry(entry: string, cwd: string): string {
  return entry === "" ? cwd : posix.resolve(cwd, entry);
}
