// Python's glob.glob(pattern, recursive=True) as pytest applies it to `testpaths`: `*`/`?`/`[..]` per path
// component, `**` for any depth, names starting with "." only when the pattern component does.
import { readdirSync } from "node:fs";
import { isAbsolute, join, resolve } from "node:path";
import { fnmatch } from "./fnmatch.ts";
import { exists, isDir } from "./fsStat.ts";

const MAGIC = /[*?[]/;

function list(dir: string, cwd: string): string[] {
  try {
    return readdirSync(resolve(cwd, dir || "."));
  } catch {
    return [];
  }
}

/** Directories below `dir` (not hidden), depth first, `dir` itself first: glob's `**`. */
function recurse(dir: string, cwd: string, dirsOnly: boolean): string[] {
  const out: string[] = [];
  for (const name of list(dir, cwd)) {
    if (name.startsWith(".")) continue;
    const p = dir ? join(dir, name) : name;
    const d = isDir(resolve(cwd, p));
    if (d || !dirsOnly) out.push(p);
    if (d) out.push(...recurse(p, cwd, dirsOnly));
  }
  return out;
}

/** Paths matching `pattern` (relative to `cwd` when the pattern is), as glob returns them (unsorted). */
export function pyGlob(pattern: string, cwd: string): string[] {
  if (!MAGIC.test(pattern)) return exists(resolve(cwd, pattern)) ? [pattern] : [];
  const parts = pattern.split("/");
  let current: string[] = [isAbsolute(pattern) ? "/" : ""];
  if (isAbsolute(pattern)) parts.shift();
  parts.forEach((part, index) => {
    const last = index === parts.length - 1;
    const next: string[] = [];
    for (const base of current) {
      if (part === "**") {
        if (base === "" || isDir(resolve(cwd, base))) next.push(base);
        next.push(...recurse(base, cwd, !last));
      } else if (MAGIC.test(part)) {
        for (const name of list(base, cwd)) {
          if (name.startsWith(".") && !part.startsWith(".")) continue;
          if (!fnmatch(name, part)) continue;
          const p = base ? join(base, name) : name;
          if (last || isDir(resolve(cwd, p))) next.push(p);
        }
      } else if (part !== "") {
        const p = base ? join(base, part) : part;
        if (exists(resolve(cwd, p))) next.push(p);
      } else next.push(base);
    }
    current = next;
  });
  return [...new Set(current.filter((p) => p !== ""))];
}
