// Hand-built findings and scan results for the plan's unit tests: only the fields a test sets, the rest empty.
import type { AuditFinding, AuditResult, Finding, ScanResult } from "../../src/analyze/index.ts";

export function finding(id: string, over: Partial<Finding> = {}): Finding {
  const [kind, file, line] = id.split(":");
  return {
    id,
    kind: (kind ?? "missing-name") as Finding["kind"],
    category: "import",
    severity: "error",
    file: file ?? "src/x.py",
    line: Number(line ?? 1),
    col: 0,
    message: `message of ${id}`,
    exceptionType: "ImportError",
    module: null,
    name: null,
    chain: [],
    blocks: { testFiles: [], tests: 0, areas: [] },
    hiddenIn: [],
    hidden: false,
    suggestions: [],
    ...over,
  };
}

/** A finding that pytest reports in `testFiles` today, blocking `tests` tests. */
export function blocking(id: string, testFiles: string[], tests: number, over: Partial<Finding> = {}): Finding {
  return finding(id, { blocks: { testFiles, tests, areas: ["tests"] }, ...over });
}

export function scanOf(findings: Finding[], configfile: string | null = "pytest.ini"): ScanResult {
  const blockedBy = new Map<string, string>();
  for (const f of findings) for (const t of f.blocks.testFiles) if (!blockedBy.has(t)) blockedBy.set(t, f.id);
  return {
    schemaVersion: 1,
    root: "/repo",
    rootdir: "/repo",
    configfile,
    findings,
    collection: { testFiles: 0, blockedTestFiles: 0, tests: 0, blockedTests: 0 },
    testFiles: [...blockedBy].map(([file, id]) => ({ file, tests: 1, blockedBy: id })),
    pytestExitCode: findings.length > 0 ? 2 : 0,
    limitations: [],
    durationMs: 0,
  };
}

export function auditFinding(id: string, over: Partial<AuditFinding> = {}): AuditFinding {
  const [kind, subject] = id.split(":");
  return {
    id,
    kind: (kind ?? "duplicate-definition") as AuditFinding["kind"],
    severity: "warning",
    subject: subject ?? "X",
    message: `message of ${id}`,
    sites: [],
    proposal: null,
    detail: {},
    ...over,
  };
}

export function auditOf(findings: AuditFinding[]): AuditResult {
  return {
    schemaVersion: 1,
    rootdir: "/repo",
    findings,
    services: [],
    debt: { score: 0, level: "LOW", breakdown: [] },
    limitations: [],
  };
}
