// `remedy check`'s baseline: the findings a team has accepted for now, so that CI fails only on new ones and the
// list shrinks as they are fixed. Entries are matched by fingerprint (src/analyze/fingerprint.ts: kind, file,
// subject, the statement's text; never a line), so moving code does not break the gate. The file is sorted and has
// no timestamps: regenerating an unchanged baseline changes no byte, and its diffs review well.
// Pure: reading and writing the file is src/scan/checkRun.ts's. schema/baseline.schema.json is emitted from the
// zod schema below.
import { z } from "zod";
import type { AuditFinding, AuditResult } from "./audit/auditFinding.ts";
import type { Finding } from "./finding.ts";
import { auditFingerprint, findingFingerprint, subjectOf } from "./fingerprint.ts";
import type { ScanResult } from "./scanResult.ts";

export const BASELINE_SCHEMA_VERSION = 1;

const entrySchema = z.strictObject({
  fingerprint: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .describe("sha256 of kind, file, subject and statement text."),
  source: z.enum(["collection", "audit"]).describe("A collection finding (remedy scan) or an audit finding."),
  kind: z.string().min(1).describe("The finding's kind (remedy rules lists them)."),
  file: z.string().describe("Where it is, relative to pytest's rootdir (for people; not matched)."),
  subject: z.string().describe("The name, module, marker or contract it is about (for people; in the fingerprint)."),
  message: z.string().describe("What it said when accepted (for people; not matched)."),
});

export const baselineSchema = z
  .strictObject({
    schemaVersion: z.literal(BASELINE_SCHEMA_VERSION),
    entries: z.array(entrySchema),
  })
  .describe("remedy check's baseline: the accepted findings; only findings not in it fail the check.");

export type BaselineEntry = z.infer<typeof entrySchema>;
export type Baseline = z.infer<typeof baselineSchema>;

/** A finding of this run as a baseline entry, with where it is now (the line is for the report, never matched). */
export interface CheckItem extends BaselineEntry {
  id: string;
  line: number;
}

export interface BaselineComparison {
  /** Findings of this run the baseline does not have: these fail the check. */
  new: CheckItem[];
  /** Baseline entries this run no longer finds: `--update-baseline` drops them. */
  fixed: BaselineEntry[];
  /** Findings of this run the baseline has. */
  known: CheckItem[];
  /** Audit entries of the baseline when this run had no audit: neither fixed nor known, kept on update. */
  unchecked: BaselineEntry[];
}

function collectionItem(f: Finding, rootdir: string): CheckItem {
  const subject = subjectOf(f) ?? "";
  // Committed to the repository: no absolute path of the machine that wrote it.
  const message = f.message
    .split("\n")[0]!
    .split(`${rootdir.replace(/\/$/, "")}/`)
    .join("");
  return {
    fingerprint: findingFingerprint(f, rootdir),
    source: "collection",
    kind: f.kind,
    file: f.file,
    subject,
    message,
    id: f.id,
    line: f.line,
  };
}

function auditItem(f: AuditFinding): CheckItem {
  const site = f.sites[0];
  return {
    fingerprint: auditFingerprint(f),
    source: "audit",
    kind: f.kind,
    file: site?.file ?? "",
    subject: f.subject,
    message: f.message,
    id: f.id,
    line: site?.line ?? 0,
  };
}

const order = (a: BaselineEntry, b: BaselineEntry): number =>
  a.source.localeCompare(b.source) ||
  a.file.localeCompare(b.file) ||
  a.kind.localeCompare(b.kind) ||
  a.subject.localeCompare(b.subject) ||
  a.fingerprint.localeCompare(b.fingerprint);

const entryOf = ({ fingerprint, source, kind, file, subject, message }: BaselineEntry): BaselineEntry => ({
  fingerprint,
  source,
  kind,
  file,
  subject,
  message,
});

/** Every finding of the run (hidden and possible ones too: fixing what hides them must not fail the check). */
function itemsOf(scan: ScanResult, audit?: AuditResult): CheckItem[] {
  return [...scan.findings.map((f) => collectionItem(f, scan.rootdir)), ...(audit?.findings ?? []).map(auditItem)];
}

function baselineWith(entries: BaselineEntry[]): Baseline {
  return { schemaVersion: BASELINE_SCHEMA_VERSION, entries: entries.map(entryOf).sort(order) };
}

/** The baseline that accepts every finding of this run. */
export function baselineOf(scan: ScanResult, audit?: AuditResult): Baseline {
  return baselineWith(itemsOf(scan, audit));
}

/** Matches this run against the baseline by fingerprint, as a multiset: two identical statements in one file are
 *  two entries, and a third one is new. */
export function compareWithBaseline(baseline: Baseline, scan: ScanResult, audit?: AuditResult): BaselineComparison {
  const checked = (e: BaselineEntry) => e.source === "collection" || audit !== undefined;
  const remaining = new Map<string, BaselineEntry[]>();
  for (const e of baseline.entries.filter(checked))
    remaining.set(e.fingerprint, [...(remaining.get(e.fingerprint) ?? []), e]);
  const fresh: CheckItem[] = [];
  const known: CheckItem[] = [];
  for (const item of itemsOf(scan, audit)) {
    const left = remaining.get(item.fingerprint);
    if (left && left.length > 0) {
      left.pop();
      known.push(item);
    } else fresh.push(item);
  }
  return {
    new: fresh.sort(order),
    fixed: [...remaining.values()].flat().sort(order),
    known: known.sort(order),
    unchecked: baseline.entries.filter((e) => !checked(e)),
  };
}

/** What `--update-baseline` writes: this run's findings, and the audit entries a run without the audit kept. */
export function updatedBaseline(comparison: BaselineComparison): Baseline {
  return baselineWith([...comparison.known, ...comparison.new, ...comparison.unchecked]);
}

/** The baseline as written: sorted, two-space JSON, a final newline. */
export const baselineText = (baseline: Baseline): string =>
  `${JSON.stringify(baselineWith(baseline.entries), null, 2)}\n`;

/** Parses a baseline file's text; the error says what is wrong (the caller names the file). */
export function parseBaseline(text: string): Baseline | { error: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { error: `not JSON (${(error as Error).message})` };
  }
  const parsed = baselineSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  return { error: `${issue.path.join(".") || "the top level"}: ${issue.message}` };
}

/** The JSON Schema of the baseline file (schema/baseline.schema.json, written by scripts/baseline-schema.ts). */
export function baselineJsonSchema(): Record<string, unknown> {
  const { $schema, ...rest } = z.toJSONSchema(baselineSchema);
  return {
    $schema,
    $id: "https://github.com/remedy/remedy/schema/baseline.schema.json",
    title: "remedy check baseline",
    ...rest,
  };
}
