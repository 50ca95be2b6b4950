// What becomes of pytest's "Unknown pytest.mark.NAME" warning (PytestUnknownMarkWarning) at collection time:
// config `filterwarnings` then -W options are applied in order (the last matching entry wins), so
// `filterwarnings = error` turns an unregistered marker into a collection error even without strict markers.

export interface UnknownMarkPolicy {
  action: "error" | "ignore" | "warn";
  /** The filter entry that decided it, or null for Python's default (warn). */
  decidedBy: string | null;
  /** A matching entry restricts by module or names a category remedy cannot place: the action may differ. */
  uncertain: boolean;
}

const ACTIONS = ["default", "always", "all", "ignore", "module", "once", "error"];
// biome-ignore format: a table
const MATCHING_CATEGORIES = new Set(["", "Warning", "UserWarning", "builtins.Warning", "builtins.UserWarning",
  "pytest.PytestWarning", "_pytest.warning_types.PytestWarning", "pytest.PytestUnknownMarkWarning",
  "_pytest.warning_types.PytestUnknownMarkWarning", "PytestWarning", "PytestUnknownMarkWarning"]);
const OTHER_BUILTIN = /^(builtins\.)?[A-Z]\w*(Warning|Error|Exception)$/;

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** One filter entry "action:message:category:module:lineno" against the warning for marker `name`. */
function match(entry: string, literal: boolean, name: string): { action: string; certain: boolean } | null {
  const [actionRaw = "", message = "", category = "", module = ""] = entry.split(":").map((p) => p.trim());
  const action = ACTIONS.find((a) => a.startsWith(actionRaw || "\u0000"));
  if (!action) return null;
  const text = `Unknown pytest.mark.${name} - is this a typo?`;
  if (message) {
    let re: RegExp;
    try {
      re = new RegExp(`^(?:${literal ? escapeRegExp(message) : message})`, "i");
    } catch {
      return { action, certain: false };
    }
    if (!re.test(text)) return null;
  }
  if (!MATCHING_CATEGORIES.has(category)) {
    return OTHER_BUILTIN.test(category) || category.startsWith("pytest.") ? null : { action, certain: false };
  }
  return { action, certain: module === "" };
}

export function unknownMarkPolicy(filterwarnings: string[], pythonWarnings: string[], name = "x"): UnknownMarkPolicy {
  const entries = [
    ...filterwarnings.map((e) => ({ e, literal: false })),
    ...pythonWarnings.map((e) => ({ e, literal: true })),
  ];
  for (const { e, literal } of entries.reverse()) {
    const m = match(e, literal, name);
    if (!m) continue;
    const action = m.action === "error" ? "error" : m.action === "ignore" ? "ignore" : "warn";
    return { action, decidedBy: e, uncertain: !m.certain };
  }
  return { action: "warn", decidedBy: null, uncertain: false };
}
