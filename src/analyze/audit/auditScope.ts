// Which first-party files the audit looks at. Tests, fixtures and vendored code are left out by default: a test
// double or a vendored copy of a class is not a second source of truth, and nobody would move it to a canonical
// home. config.audit.includeTests puts them back; config.audit.ignore (globs) leaves more out.
import picomatch from "picomatch";
import type { AuditInput } from "./auditInput.ts";

/** Directory names whose files are tests, fixtures, someone else's code, or frozen history: Django and Alembic
 *  migrations copy helpers on purpose so that replaying them never changes (62 of saleor's 258 duplicates). */
export const EXCLUDED_DIRS: readonly string[] = [
  "migrations",
  "tests",
  "test",
  "testing",
  "fixtures",
  "vendor",
  "_vendor",
  "vendored",
  "third_party",
];

/** pytest's default test file patterns, plus conftest.py. */
const TEST_FILE = /(^|\/)(test_[^/]*|[^/]*_test|conftest)\.py$/;

/** True when the audit should read `path` (absolute). */
export function auditScope(input: AuditInput): (path: string) => boolean {
  const ignored = input.config.audit.ignore.length > 0 ? picomatch(input.config.audit.ignore, { dot: true }) : null;
  const includeTests = input.config.audit.includeTests;
  const testFiles = new Set(input.analysis.session.testFiles);
  return (path) => {
    const rel = input.rel(path);
    if (ignored?.(rel)) return false;
    if (includeTests) return true;
    if (testFiles.has(path) || TEST_FILE.test(rel)) return false;
    const dirs = rel.split("/").slice(0, -1);
    return !dirs.some((d) => EXCLUDED_DIRS.includes(d));
  };
}

/** True when `rel` lies in shared code: a configured shared directory, or a directory named like one. */
export function isSharedCode(input: AuditInput, rel: string): boolean {
  if (input.config.shared.some((dir) => rel === dir || rel.startsWith(`${dir.replace(/\/$/, "")}/`))) return true;
  return rel
    .split("/")
    .slice(0, -1)
    .some((d) => SHARED_DIRS.has(d));
}

const SHARED_DIRS = new Set(["shared", "common", "core", "lib", "libs"]);
