// Reads the JUnit XML report pytest writes with --junitxml: what each test case ended as, and the totals. pytest
// writes one fixed shape (testsuites > testsuite > testcase > failure|error|skipped), so a reader of that shape
// is enough; it is not a general XML parser (no DTDs, CDATA or namespaces, which pytest never writes).

export type CaseOutcome = "passed" | "failed" | "error" | "skipped";

export interface TestCase {
  /** pytest's dotted module and class ("tests.test_x.TestY"); with `name`, the test's identity in the report. */
  classname: string;
  name: string;
  outcome: CaseOutcome;
  /** The failure's, error's or skip's message attribute, when there is one. */
  message: string | null;
}

export interface TestCounts {
  tests: number;
  passed: number;
  failed: number;
  errors: number;
  skipped: number;
}

export interface JUnitReport {
  counts: TestCounts;
  cases: TestCase[];
}

const ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

function decode(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, e: string) => {
    if (e.startsWith("#x")) return String.fromCodePoint(Number.parseInt(e.slice(2), 16));
    if (e.startsWith("#")) return String.fromCodePoint(Number.parseInt(e.slice(1), 10));
    return ENTITIES[e] ?? whole;
  });
}

function attributes(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of text.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) out[m[1]!] = decode(m[2] ?? m[3] ?? "");
  return out;
}

/** A case with an error element (collection, setup or teardown) is an error even when it also failed, as pytest
 *  counts it in the suite's `errors`. */
function outcomeOf(body: string): { outcome: CaseOutcome; message: string | null } {
  for (const [tag, outcome] of [
    ["error", "error"],
    ["failure", "failed"],
    ["skipped", "skipped"],
  ] as const) {
    const m = new RegExp(`<${tag}\\b([^>]*?)/?>`).exec(body);
    if (m) return { outcome, message: attributes(m[1]!).message ?? null };
  }
  return { outcome: "passed", message: null };
}

export function readJUnit(xml: string): JUnitReport {
  const cases: TestCase[] = [];
  for (const m of xml.matchAll(/<testcase\b([^>]*?)(?:\/>|>([\s\S]*?)<\/testcase>)/g)) {
    const attrs = attributes(m[1]!);
    cases.push({ classname: attrs.classname ?? "", name: attrs.name ?? "", ...outcomeOf(m[2] ?? "") });
  }
  const count = (o: CaseOutcome) => cases.filter((c) => c.outcome === o).length;
  return {
    counts: {
      tests: cases.length,
      passed: count("passed"),
      failed: count("failed"),
      errors: count("error"),
      skipped: count("skipped"),
    },
    cases,
  };
}
