// Business impact: blocked tests per user flow when [tool.remedy] maps test paths to flows, else per area (the
// top-level package or service directory of each test file, as blast radii name them).
import picomatch from "picomatch";
import { areaOf, type TestFileOutcome } from "../analyze/index.ts";
import type { BusinessFlow } from "../discover/index.ts";
import { code, listing, table } from "./markdownText.ts";
import type { Report } from "./reporter.ts";
import type { Numbered } from "./wording.ts";

const CRITICALITY = ["critical", "high", "medium", "low"];

interface Group {
  name: string;
  criticality?: string;
  files: TestFileOutcome[];
}

const isBlocked = (t: TestFileOutcome) => t.blockedBy !== null || t.notReached === true;

function figures(g: Group, rootsOf: (file: string) => number[]): (string | number)[] {
  const blocked = g.files.filter(isBlocked);
  const lower = (files: TestFileOutcome[]) => (files.some((t) => t.testsLowerBound) ? "at least " : "");
  const sum = (files: TestFileOutcome[]) => files.reduce((n, t) => n + t.tests, 0);
  const roots = [...new Set(blocked.flatMap((t) => rootsOf(t.file)))].sort((a, b) => a - b);
  return [
    g.files.length,
    blocked.length,
    `${lower(g.files)}${sum(g.files)}`,
    `${lower(blocked)}${sum(blocked)}`,
    roots.map((n) => `#${n}`).join(", ") || "none",
  ];
}

const blockedTests = (g: Group) => g.files.filter(isBlocked).reduce((n, t) => n + t.tests, 0);

function byFlow(files: TestFileOutcome[], flows: BusinessFlow[]): Group[] {
  const groups = flows.map((flow) => {
    const match = picomatch(flow.paths ?? [], { dot: true });
    return { name: flow.name, criticality: flow.criticality, files: files.filter((t) => match(t.file)) };
  });
  groups.sort(
    (a, b) =>
      CRITICALITY.indexOf(a.criticality) - CRITICALITY.indexOf(b.criticality) ||
      blockedTests(b) - blockedTests(a) ||
      a.name.localeCompare(b.name, "en"),
  );
  const matched = new Set(groups.flatMap((g) => g.files));
  const rest = files.filter((t) => !matched.has(t));
  return rest.length > 0 ? [...groups, { name: "(in no flow)", criticality: "", files: rest }] : groups;
}

function byArea(files: TestFileOutcome[]): Group[] {
  const areas = new Map<string, TestFileOutcome[]>();
  for (const t of files) areas.set(areaOf(t.file), [...(areas.get(areaOf(t.file)) ?? []), t]);
  return [...areas]
    .map(([name, files]) => ({ name, files }))
    .sort((a, b) => blockedTests(b) - blockedTests(a) || a.name.localeCompare(b.name, "en"));
}

export function businessImpact(report: Report, numbered: Numbered[]): string[] {
  const { scan, flows = [] } = report;
  // The root causes that block a test file: the finding pytest reports there, counted under its first number.
  const numberOf = new Map(numbered.map((x) => [x.f.id, x.sameAs ?? x.n]));
  const rootsOf = (file: string) => {
    const id = scan.testFiles.find((t) => t.file === file)?.blockedBy;
    const n = id ? numberOf.get(id) : undefined;
    return n === undefined ? [] : [n];
  };
  const head = ["Test files", "Blocked test files", "Tests", "Blocked tests", "Root causes"];
  const out = ["## Business impact", ""];
  if (flows.length > 0) {
    out.push(
      "Blocked tests per user flow, most critical first (flows from the configuration; a test file belongs to every flow whose `paths` globs match it).",
      "",
      ...table(
        ["Flow", "Criticality", ...head],
        "llrrrrl",
        byFlow(scan.testFiles, flows).map((g) => [g.name, g.criticality ?? "", ...figures(g, rootsOf)]),
      ),
      "",
    );
    const withMarkers = flows.filter((f) => (f.markers ?? []).length > 0).map((f) => code(f.name));
    if (withMarkers.length > 0)
      out.push(
        `Flows ${listing(withMarkers)} also name markers: remedy does not match tests by marker yet, so only their paths count here.`,
        "",
      );
    return out;
  }
  out.push(
    "Blocked tests per area (the top-level package or service directory of each test file), most blocked first. Map test paths to user flows and their criticality in `[tool.remedy]` `flows` to see the impact per flow.",
    "",
    ...table(
      ["Area", ...head],
      "lrrrrl",
      byArea(scan.testFiles).map((g) => [code(g.name), ...figures(g, rootsOf)]),
    ),
    "",
  );
  return out;
}
