// How many test items pytest would collect from a file that imports cleanly: the "blocked tests" figure.
// Follows pytest's python_functions / python_classes matching and multiplies literal parametrize sizes.
import type { FileFacts } from "../python/facts.ts";

/** pytest's `_matches_prefix_or_glob_option`: a prefix, or an fnmatch pattern when it holds a wildcard. */
export function matchesPrefixOrGlob(patterns: string[], name: string): boolean {
  for (const p of patterns) {
    if (name.startsWith(p)) return true;
    if (/[*?[]/.test(p) && globToRegExp(p).test(name)) return true;
  }
  return false;
}

function globToRegExp(glob: string): RegExp {
  let out = "";
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === "*") out += ".*";
    else if (c === "?") out += ".";
    else if (c === "[") {
      const end = glob.indexOf("]", i + 2);
      if (end < 0) out += "\\[";
      else {
        let body = glob.slice(i + 1, end);
        if (body.startsWith("!")) body = `^${body.slice(1)}`;
        out += `[${body.replace(/\\/g, "\\\\")}]`;
        i = end;
      }
    } else out += c.replace(/[.+^${}()|\\\]]/g, "\\$&");
  }
  return new RegExp(`^${out}$`, "s");
}

export interface CollectPatterns {
  pythonFunctions: string[];
  pythonClasses: string[];
}

const UNITTEST_BASES = new Set(["TestCase", "IsolatedAsyncioTestCase"]);

/** Test functions/methods pytest would collect from these facts, parametrize literal sizes multiplied. A
 *  non-literal parametrize counts as 1, and then `exact` is false: the count is a lower bound. */
export function countCollectableTests(facts: FileFacts, patterns: CollectPatterns): { count: number; exact: boolean } {
  const py = facts.pytest;
  const factor = new Map<string, number>();
  let moduleFactor = 1;
  let exact = true;
  for (const p of py.parametrize) {
    if (p.size === null) exact = false;
    const size = Math.max(1, p.size ?? 1);
    if (!p.target) moduleFactor *= size;
    else factor.set(p.target, (factor.get(p.target) ?? 1) * size);
  }
  // A later def of the same name replaces the earlier one in the module (or class) namespace.
  const functions = new Map<string, { name: string; className: string | null }>();
  for (const f of py.functions) functions.set(`${f.className ?? ""}.${f.name}`, f);
  const classes = new Map(py.classes.map((c) => [c.name, c]));

  let total = 0;
  for (const f of functions.values()) {
    if (f.className === null) {
      if (matchesPrefixOrGlob(patterns.pythonFunctions, f.name)) total += moduleFactor * (factor.get(f.name) ?? 1);
      continue;
    }
    const cls = classes.get(f.className);
    if (!cls) continue;
    const unittest = cls.bases.some((b) => UNITTEST_BASES.has(b.split(".").pop()!));
    if (unittest) {
      if (f.name.startsWith("test")) total += 1;
      continue;
    }
    if (cls.hasInit || !matchesPrefixOrGlob(patterns.pythonClasses, cls.name)) continue;
    if (!matchesPrefixOrGlob(patterns.pythonFunctions, f.name)) continue;
    total += moduleFactor * (factor.get(cls.name) ?? 1) * (factor.get(`${cls.name}.${f.name}`) ?? 1);
  }
  return { count: total, exact };
}
