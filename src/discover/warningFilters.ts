// What pytest's warning filters (config `filterwarnings`, then -W options, applied in order: the last matching
// entry wins) make of a warning pytest itself issues: "Unknown pytest.mark.NAME" (PytestUnknownMarkWarning), so
// that `filterwarnings = error` turns an unregistered marker into a collection error even without strict markers;
// pytest 9's "Failed to import filter module" (PytestConfigWarning). And the filters' own categories: pytest
// imports `module` of every `action::module.Class` entry while it starts (before the initial conftests):
// a category whose module is not found stops pytest 8 and makes pytest 9 warn.
export interface UnknownMarkPolicy {
  action: "error" | "ignore" | "warn";
  /** The filter entry that decided it, or null for Python's default (warn). */
  decidedBy: string | null;
  /** A matching entry restricts by module or names a category remedy cannot place: the action may differ. */
  uncertain: boolean;
}

const ACTIONS = ["default", "always", "all", "ignore", "module", "once", "error"];
/** The category names an entry can give for one of pytest's own warning classes (a PytestWarning subclass). */
function categoriesOf(pytestClass: string): Set<string> {
  // biome-ignore format: a table
  return new Set(["", "Warning", "UserWarning", "builtins.Warning", "builtins.UserWarning",
    "pytest.PytestWarning", "_pytest.warning_types.PytestWarning", "PytestWarning",
    `pytest.${pytestClass}`, `_pytest.warning_types.${pytestClass}`, pytestClass]);
}
const UNKNOWN_MARK = categoriesOf("PytestUnknownMarkWarning");
const CONFIG_WARNING = categoriesOf("PytestConfigWarning");
/** Categories of pytest's and the standard library's own modules: their names are what they say. */
const OTHER_BUILTIN_MODULE = /^(builtins|pytest|_pytest(\.\w+)*)\./;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** One filter entry "action:message:category:module:lineno" against a warning of pytest's: its text and the
 *  category names that match its class. */
function match(
  entry: string,
  literal: boolean,
  text: string,
  categories: Set<string>,
): { action: string; certain: boolean } | null {
  const [actionRaw = "", message = "", category = "", module = ""] = entry.split(":").map((p) => p.trim());
  const action = ACTIONS.find((a) => a.startsWith(actionRaw || "\u0000"));
  if (!action) return null;
  if (message) {
    let re: RegExp;
    try {
      re = new RegExp(`^(?:${literal ? escapeRegExp(message) : message})`, "i");
    } catch {
      return { action, certain: false };
    }
    if (!re.test(text)) return null;
  }
  if (!categories.has(category)) {
    // Only Warning, UserWarning, PytestWarning and the class itself are among its bases: another class name never
    // matches; one of those names reached through another module (a re-export) may.
    const last = category.slice(category.lastIndexOf(".") + 1);
    const bases = new Set([...categories].map((c) => c.slice(c.lastIndexOf(".") + 1)));
    return bases.has(last) && !OTHER_BUILTIN_MODULE.test(category) ? { action, certain: false } : null;
  }
  return { action, certain: module === "" };
}

export function unknownMarkPolicy(filterwarnings: string[], pythonWarnings: string[], name = "x"): UnknownMarkPolicy {
  return warningPolicy(filterwarnings, pythonWarnings, `Unknown pytest.mark.${name} - is this a typo?`, UNKNOWN_MARK);
}

function warningPolicy(
  filterwarnings: string[],
  pythonWarnings: string[],
  text: string,
  categories: Set<string>,
): UnknownMarkPolicy {
  const entries = [
    ...filterwarnings.map((e) => ({ e, literal: false })),
    ...pythonWarnings.map((e) => ({ e, literal: true })),
  ];
  for (const { e, literal } of entries.reverse()) {
    const m = match(e, literal, text, categories);
    if (!m) continue;
    const action = m.action === "error" ? "error" : m.action === "ignore" ? "ignore" : "warn";
    return { action, decidedBy: e, uncertain: !m.certain };
  }
  return { action: "warn", decidedBy: null, uncertain: false };
}

/** A filter entry whose category's module cannot be found: what pytest does about it. */
export interface FilterImportFailure {
  /** The entry as written. */
  filter: string;
  /** The module named by the category, and the first part of it that is not found. */
  module: string;
  missing: string;
  /** pytest 8 stops with a UsageError (exit 4); pytest 9 warns (PytestConfigWarning), which a matching `error`
   *  filter turns into an internal error (exit 1, nothing collected). */
  outcome: "usage-error" | "internal-error" | "warning";
}

/** Entries of `filterwarnings` (and -W) whose category module pytest cannot import at start-up, under the rules of
 *  pytest `major`. Entries whose category has no dot are builtins (never imported). */
export function filterImportFailures(
  filterwarnings: string[],
  pythonWarnings: string[],
  options: { missingPart: (dotted: string) => string | null; pytestMajor: number },
): FilterImportFailure[] {
  const failed = new Map<string, { module: string; missing: string }>();
  for (const filter of [...filterwarnings, ...pythonWarnings]) {
    const category = (filter.split(":")[2] ?? "").trim();
    if (!category.includes(".")) continue;
    const module = category.slice(0, category.lastIndexOf("."));
    const missing = options.missingPart(module);
    if (missing !== null) failed.set(filter, { module, missing });
  }
  // pytest 9 skips the entries it could not import: the others decide what becomes of its warning.
  const applied = (list: string[]) => list.filter((f) => !failed.has(f));
  return [...failed].map(([filter, { module, missing }]) => {
    let outcome: FilterImportFailure["outcome"] = "usage-error";
    if (options.pytestMajor >= 9) {
      const text = `Failed to import filter module '${missing}': ${filter}`;
      const policy = warningPolicy(applied(filterwarnings), applied(pythonWarnings), text, CONFIG_WARNING);
      outcome = policy.action === "error" ? "internal-error" : "warning";
    }
    return { filter, module, missing, outcome };
  });
}
