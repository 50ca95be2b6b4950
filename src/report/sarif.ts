// SARIF 2.1.0 for code scanning: one run of remedy, its rules from the registries of finding kinds (collection and
// audit), one result per finding with its level, location(s), the chain as related locations, fixes where the text
// is certain, and a fingerprint that survives line moves (src/analyze/fingerprint.ts: the one remedy check's baseline
// uses). Paths are relative to %SRCROOT%, the rootdir.
import { pathToFileURL } from "node:url";
import type { Location, Log, ReportingDescriptor, Result } from "sarif";
import {
  AUDIT_KINDS,
  type AuditFinding,
  auditFingerprint,
  FINDING_KINDS,
  type Finding,
  findingFingerprint,
} from "../analyze/index.ts";
import { relativize } from "./markdownText.ts";
import type { Reporter } from "./reporter.ts";
import { rootCause } from "./rootCause.ts";
import { auditFixes, collectionFixes } from "./sarifFixes.ts";
import { pytestLines, title } from "./wording.ts";

const SRCROOT = "%SRCROOT%";
const SCHEMA = "https://raw.githubusercontent.com/oasis-tcs/sarif-spec/master/Schemata/sarif-schema-2.1.0.json";
const FINGERPRINT = "remedy/v1";

const RULES: ReportingDescriptor[] = [
  ...FINDING_KINDS.map((k) => ({
    id: k.kind,
    name: k.label,
    shortDescription: { text: k.label },
    fullDescription: { text: k.whatItIs },
    help: {
      text: `${k.whatItIs}\n\n${k.whyItMatters}\n\nExample:\n${k.example}`,
      markdown: `${k.whatItIs}\n\n${k.whyItMatters}\n\n\`\`\`\n${k.example}\n\`\`\``,
    },
    defaultConfiguration: { level: k.severity },
    properties: { category: k.category, fixable: k.fixable, tags: ["pytest", "collection"] },
  })),
  ...AUDIT_KINDS.map((k) => ({
    id: k.kind,
    name: k.label,
    shortDescription: { text: k.label },
    fullDescription: { text: k.description },
    help: { text: k.description },
    defaultConfiguration: { level: "warning" as const },
    properties: { tags: ["architecture"] },
  })),
];
const RULE_INDEX = new Map(RULES.map((r, i) => [r.id, i]));

function location(file: string, line: number, col?: number, text?: string): Location {
  return {
    physicalLocation: {
      artifactLocation: { uri: file, uriBaseId: SRCROOT },
      ...(line > 0 ? { region: { startLine: line, ...(col === undefined ? {} : { startColumn: col + 1 }) } } : {}),
    },
    ...(text ? { message: { text } } : {}),
  };
}

function collectionResult(f: Finding, rootdir: string): Result {
  const sites = f.sites ?? [{ file: f.file, line: f.line, col: f.col }];
  const steps = [...(f.chain.length > 1 ? f.chain : []), ...(f.cycle ?? [])];
  const fixes = collectionFixes(f);
  const blocks = `${f.blocks.testFiles.length} test file(s), ${f.blocks.tests} test(s)`;
  const state = f.hidden ? `hidden behind another error in ${f.hiddenIn.join(", ")}` : `blocks ${blocks}`;
  return {
    ruleId: f.kind,
    ruleIndex: RULE_INDEX.get(f.kind)!,
    level: f.severity === "error" ? "error" : "warning",
    message: {
      // pytest's messages name files absolutely: relative to %SRCROOT% here, like every location.
      text: relativize(
        `${title(f)}: ${pytestLines(f).join("\n")}\n${rootCause(f)} It ${state}.${f.condition ? ` Only if: ${f.condition}` : ""}${f.suggestions[0] ? `\nFix: ${f.suggestions[0].message}` : ""}`,
        rootdir,
      ),
    },
    locations: sites.map((s) => location(s.file, s.line, s.col)),
    ...(steps.length > 0
      ? { relatedLocations: steps.map((s, i) => ({ id: i + 1, ...location(s.file, s.line, undefined, s.statement) })) }
      : {}),
    partialFingerprints: {
      [FINGERPRINT]: findingFingerprint(f, rootdir),
    },
    ...(fixes.length > 0 ? { fixes } : {}),
    properties: {
      category: f.category,
      hidden: f.hidden,
      blockedTestFiles: f.blocks.testFiles.length,
      blockedTests: f.blocks.tests,
    },
  };
}

function auditResult(f: AuditFinding): Result {
  const fixes = auditFixes(f);
  const [first, ...rest] = f.sites;
  return {
    ruleId: f.kind,
    ruleIndex: RULE_INDEX.get(f.kind)!,
    level: f.severity === "warning" ? "warning" : "note",
    message: { text: `${f.message}${f.proposal ? `\nProposal: ${f.proposal.summary}` : ""}` },
    ...(first ? { locations: [location(first.file, first.line, undefined, first.role)] } : {}),
    ...(rest.length > 0
      ? {
          relatedLocations: rest.map((s, i) => ({
            id: i + 1,
            ...location(s.file, s.line, undefined, `${s.role}: ${s.module}`),
          })),
        }
      : {}),
    partialFingerprints: { [FINGERPRINT]: auditFingerprint(f) },
    ...(fixes.length > 0 ? { fixes } : {}),
  };
}

export const sarifReport: Reporter = (report, options = {}) => {
  const { scan, audit } = report;
  const log: Log = {
    $schema: SCHEMA,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "remedy",
            ...(options.version ? { version: options.version } : {}),
            informationUri: "https://github.com/remedy/remedy",
            rules: RULES,
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: `${pathToFileURL(scan.rootdir).href.replace(/\/?$/, "/")}` } },
        results: [
          ...scan.findings.map((f) => collectionResult(f, scan.rootdir)),
          ...(audit?.findings ?? []).map(auditResult),
        ],
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
};
