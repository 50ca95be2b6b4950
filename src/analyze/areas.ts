// The "area" of a test file for blast-radius figures: the top-level package or service directory it belongs to,
// so a report can say "blocks 12 files in services/backend and tests/integration".
import { relative, sep } from "node:path";

/** Directory names that hold several services/packages: the area is one level deeper. */
const CONTAINERS = new Set([
  "services",
  "apps",
  "packages",
  "libs",
  "projects",
  "components",
  "plugins",
  "src",
  "tests",
  "test",
]);

/** Repository-relative path with forward slashes. */
export function relPath(rootdir: string, file: string): string {
  const rel = relative(rootdir, file);
  return sep === "/" ? rel : rel.split(sep).join("/");
}

/** The area of a repository-relative file path: `services/backend`, `tests/integration`, `shared`, or `.`. */
export function areaOf(rel: string): string {
  const dirs = rel.split("/").slice(0, -1);
  if (dirs.length === 0) return ".";
  if (CONTAINERS.has(dirs[0]!) && dirs.length > 1) return `${dirs[0]}/${dirs[1]}`;
  return dirs[0]!;
}

export function areasOf(rels: string[]): string[] {
  return [...new Set(rels.map(areaOf))].sort();
}
