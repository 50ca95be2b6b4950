// The HTML report without a browser: text from file names, statements and messages cannot become markup, the same
// report gives the same bytes (the scan's duration, the only clock in it, is not shown), the page's one script is
// the one its Content-Security-Policy allows, and a cycle's modules are read from the audit finding.
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { test } from "node:test";
import type { AuditFinding, Finding, ScanResult } from "../../src/analyze/index.ts";
import { cycleModules } from "../../src/report/html/auditSection.ts";
import { escapeHtml, html, prose } from "../../src/report/html/markup.ts";
import { htmlReport } from "../../src/report/html.ts";
import { CYCLE, handBuiltAudit, PLAN } from "./htmlReportInput.ts";

const EVIL = `<script>alert("x")</script><img src=x onerror=alert(1)>`;

function finding(over: Partial<Finding> = {}): Finding {
  return {
    id: "missing-name:tests/test_a.py:1:Thing",
    kind: "missing-name",
    category: "import",
    severity: "error",
    file: "tests/test_a.py",
    line: 1,
    col: 0,
    message: "cannot import name 'Thing' from 'app.core'",
    exceptionType: "ImportError",
    module: "app.core",
    name: "Thing",
    chain: [{ file: "tests/test_a.py", line: 1, statement: "from app.core import Thing", module: "test_a" }],
    blocks: { testFiles: ["tests/test_a.py"], tests: 3, areas: ["tests"] },
    hiddenIn: [],
    hidden: false,
    suggestions: [{ kind: "other", message: "define `Thing` in `app.core`" }],
    ...over,
  };
}

function scanResult(findings: Finding[], durationMs = 12): ScanResult {
  return {
    schemaVersion: 1,
    root: "/repo",
    rootdir: "/repo",
    configfile: "pytest.ini",
    findings,
    collection: { testFiles: 2, blockedTestFiles: 1, tests: 5, blockedTests: 3 },
    testFiles: [
      { file: "tests/test_a.py", tests: 3, blockedBy: findings[0]?.id ?? null },
      { file: "tests/test_b.py", tests: 2, blockedBy: null },
    ],
    pytestExitCode: 2,
    limitations: [],
    durationMs,
  };
}

test("escapeHtml and the html tag escape text; markup built by the tag is kept; backticks become code", () => {
  assert.equal(escapeHtml(`<a href="x">'&'</a>`), "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  const inner = html`<b>${"<i>"}</b>`;
  assert.equal(
    html`<p title="${'" onclick="x'}">${inner}${["<", 1, null, false]}</p>`.text,
    '<p title="&quot; onclick=&quot;x"><b>&lt;i&gt;</b>&lt;1</p>',
  );
  assert.equal(prose("use `<X>` here").text, "use <code>&lt;X&gt;</code> here");
  assert.equal(prose("a `b` c`d").text, "a <code>b</code> c`d");
});

test("markup in file names, statements, messages and audit text is escaped everywhere", () => {
  const f = finding({
    file: `tests/${EVIL}.py`,
    message: EVIL,
    chain: [{ file: `tests/${EVIL}.py`, line: 1, statement: `from x import ${EVIL}`, module: "m" }],
    suggestions: [{ kind: "other", message: `rename \`${EVIL}\`` }],
    condition: EVIL,
    severity: "warning",
  });
  const audit = handBuiltAudit("/repo");
  audit.findings[0] = { ...audit.findings[0]!, subject: EVIL, message: EVIL, detail: { modules: [EVIL, "b"] } };
  audit.services[0] = { ...audit.services[0]!, name: EVIL };
  const page = htmlReport({
    scan: { ...scanResult([finding(), f]), root: `/tmp/${EVIL}` },
    audit,
    plan: { ...PLAN, workstreams: [{ ...PLAN.workstreams[0]!, title: EVIL }] },
  });
  assert.equal(page.match(/<script/g)?.length, 1, "only the page's own script element");
  assert.equal(page.includes("<img"), false);
  assert.equal(page.includes("onerror=alert"), true, "the text is there, as text");
  assert.ok(page.includes("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"));
});

test("the same report gives the same bytes, whatever the scan took", () => {
  const audit = handBuiltAudit("/repo");
  const a = htmlReport({ scan: scanResult([finding()], 12), audit, plan: PLAN });
  const b = htmlReport({
    scan: scanResult([finding()], 98765),
    audit: structuredClone(audit),
    plan: structuredClone(PLAN),
  });
  assert.equal(a, b);
  assert.equal(/\b20\d\d-\d\d-\d\d/.test(a), false, "no date in the page");
  assert.equal(htmlReport({ scan: scanResult([]) }).includes("Nothing stops pytest from collecting."), true);
});

test("the Content-Security-Policy forbids requests and allows exactly the page's script", () => {
  const page = htmlReport({ scan: scanResult([finding()]) });
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(page)![1]!;
  assert.match(csp, /default-src 'none'/);
  const script = /<script>([\s\S]*)<\/script>/.exec(page)![1]!;
  const hash = createHash("sha256").update(script).digest("base64");
  assert.ok(csp.includes(`script-src 'sha256-${hash}'`), csp);
  assert.equal(/\bhttps?:\/\//.test(page), false, "no URL in the page");
});

test("a cycle's modules: detail.modules when given, else the subject without its closing repeat", () => {
  const base = handBuiltAudit("/repo").findings[0]!;
  assert.deepEqual(cycleModules(base), CYCLE);
  const fromSubject: AuditFinding = { ...base, subject: "a -> b -> c -> a", detail: {} };
  assert.deepEqual(cycleModules(fromSubject), ["a", "b", "c"]);
});

test("the history's trend is drawn when two or more runs were recorded, one dot per run; never without history", () => {
  const run = (time: string, findings: number, blocked: number) => ({
    command: "scan" as const,
    time,
    commit: "0123456789abcdef",
    findings,
    kinds: {},
    testFiles: 12,
    blockedTestFiles: blocked,
    auditFindings: null,
    debt: null,
    pytest: null,
    check: null,
    durationMs: 10,
  });
  const scan = scanResult([finding()]);
  assert.ok(!htmlReport({ scan }).includes('id="trend-chart"'));
  assert.ok(!htmlReport({ scan, history: [run("2026-12-01T00:00:00Z", 9, 9)] }).includes('id="trend-chart"'));
  const page = htmlReport({
    scan,
    history: [run("2026-12-01T00:00:00Z", 9, 9), run("2026-12-02T00:00:00Z", 4, 4), run("2026-12-03T00:00:00Z", 1, 1)],
  });
  assert.ok(page.includes('id="trend-chart"'));
  assert.equal(page.match(/class="trend-dot"/g)?.length, 3);
  assert.ok(page.includes("Trend (3 recorded runs)"));
});
