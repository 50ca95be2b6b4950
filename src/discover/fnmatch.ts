// Python's fnmatch (posix: case-sensitive, `*` crosses `/`) and pytest's fnmatch_ex on top of it: a pattern
// without `/` matches the basename, one with `/` matches the whole path (prefixed `*/` for absolute paths).
import { basename, isAbsolute } from "node:path";

const cache = new Map<string, RegExp>();

/** Translates a Python fnmatch pattern to an anchored RegExp, as fnmatch.translate does. */
export function fnmatchRegExp(pattern: string): RegExp {
  const hit = cache.get(pattern);
  if (hit) return hit;
  let re = "";
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i++] as string;
    if (c === "*") {
      while (pattern[i] === "*") i++;
      re += "[\\s\\S]*";
    } else if (c === "?") re += "[\\s\\S]";
    else if (c === "[") {
      let j = i;
      if (pattern[j] === "!") j++;
      if (pattern[j] === "]") j++;
      while (j < pattern.length && pattern[j] !== "]") j++;
      if (j >= pattern.length) re += "\\[";
      else {
        let stuff = pattern.slice(i, j).replace(/\\/g, "\\\\");
        i = j + 1;
        if (stuff.startsWith("!")) stuff = `^${stuff.slice(1)}`;
        else if (stuff.startsWith("^")) stuff = `\\${stuff}`;
        re += stuff === "" ? "(?!)" : `[${stuff.replace(/\]/g, "\\]")}]`;
      }
    } else re += c.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
  }
  const rx = new RegExp(`^(?:${re})$`);
  cache.set(pattern, rx);
  return rx;
}

export function fnmatch(name: string, pattern: string): boolean {
  return fnmatchRegExp(pattern).test(name);
}

/** pytest's _pytest.pathlib.fnmatch_ex on a POSIX system. */
export function fnmatchEx(pattern: string, path: string): boolean {
  if (!pattern.includes("/")) return fnmatch(basename(path), pattern);
  const full = isAbsolute(path) && !isAbsolute(pattern) ? `*/${pattern}` : pattern;
  return fnmatch(path, full);
}
