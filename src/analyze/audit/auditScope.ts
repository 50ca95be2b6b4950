// Which first-party modules the audit looks at: tests, fixtures and vendored code are left out by default (their
// imports are not architecture), and so is whatever `[tool.remedy.audit] ignore` names.
import picomatch from "picomatch";
import type { KnownModule } from "../analysisInput.ts";
import type { AuditInput } from "./auditInput.ts";

/** Directory names whose contents are tests, fixtures or someone else's code. */
const LEFT_OUT_DIRS = new Set([
  "tests",
  "test",
  "testing",
  "fixtures",
  "vendor",
  "vendored",
  "_vendor",
  "third_party",
  "site-packages",
  "node_modules",
  "venv",
  ".venv",
]);
const TEST_FILE = /^(test_.*|.*_test|conftest)\.py$/;

/** True for a repository-relative path of a test, fixture or vendored file. */
export function isTestOrVendored(rel: string): boolean {
  const parts = rel.split("/");
  const base = parts.pop() ?? "";
  return TEST_FILE.test(base) || parts.some((p) => LEFT_OUT_DIRS.has(p));
}

/** The modules the audit reports on, in input order. */
export function auditedModules(input: AuditInput): KnownModule[] {
  const { audit } = input.config;
  const ignored = audit.ignore.length > 0 ? picomatch(audit.ignore, { dot: true }) : () => false;
  return input.analysis.modules.filter((m) => {
    const rel = input.rel(m.path);
    return !ignored(rel) && (audit.includeTests || !isTestOrVendored(rel));
  });
}
