// Which first-party files the audit looks at. Tests, fixtures and vendored code are left out by default: a test
// double or a vendored copy of a class is not a second source of truth, their imports are not architecture, and
// nobody would move them to a canonical home. config.audit.includeTests puts them back; config.audit.ignore
// (globs) leaves more out.
import picomatch from "picomatch";
import type { KnownModule } from "../analysisInput.ts";
import type { AuditInput } from "./auditInput.ts";

/** Directory names whose files are tests, fixtures, someone else's code, or frozen history: Django and Alembic
 *  migrations copy helpers on purpose so that replaying them never changes (62 of saleor's 258 duplicates). */
export const EXCLUDED_DIRS: ReadonlySet<string> = new Set([
  "migrations",
  "tests",
  "test",
  "testing",
  "fixtures",
  "vendor",
  "_vendor",
  "vendored",
  "third_party",
  "site-packages",
  "node_modules",
  "venv",
  ".venv",
]);

/** pytest's default test file patterns, plus conftest.py. */
const TEST_FILE = /^(test_.*|.*_test|conftest)\.py$/;

/** True for a repository-relative path of a test, fixture or vendored file. */
export function isTestOrVendored(rel: string): boolean {
  const parts = rel.split("/");
  const base = parts.pop() ?? "";
  return TEST_FILE.test(base) || parts.some((p) => EXCLUDED_DIRS.has(p));
}

/** True when the audit should read `path` (absolute). */
export function auditScope(input: AuditInput): (path: string) => boolean {
  const { audit } = input.config;
  const ignored = audit.ignore.length > 0 ? picomatch(audit.ignore, { dot: true }) : null;
  const testFiles = new Set(input.analysis.session.testFiles);
  return (path) => {
    const rel = input.rel(path);
    if (ignored?.(rel)) return false;
    return audit.includeTests || (!testFiles.has(path) && !isTestOrVendored(rel));
  };
}

/** The modules the audit reports on, in input order. */
export function auditedModules(input: AuditInput): KnownModule[] {
  const inScope = auditScope(input);
  return input.analysis.modules.filter((m) => inScope(m.path));
}

const SHARED_DIRS = new Set(["shared", "common", "core", "lib", "libs"]);

/** True when `rel` lies in shared code: a configured shared directory, or a directory named like one. */
export function isSharedCode(input: AuditInput, rel: string): boolean {
  if (input.config.shared.some((dir) => rel === dir || rel.startsWith(`${dir.replace(/\/$/, "")}/`))) return true;
  return rel
    .split("/")
    .slice(0, -1)
    .some((d) => SHARED_DIRS.has(d));
}
