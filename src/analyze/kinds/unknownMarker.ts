// unknown-marker: marker uses (`@pytest.mark.NAME`, `pytestmark = ...`) that nothing registers: a collection error
// under strict markers or an error-level warnings filter, a warning otherwise. One finding per marker name; the
// suggestion is the exact line to add to the config file pytest uses.
import { basename } from "node:path";
import type { PytestSession } from "../analysisInput.ts";
import { type Analyzer, findingId } from "../analyzer.ts";
import { blastRadius } from "../blastRadius.ts";
import type { FindingOf, Suggestion } from "../findingFields.ts";
import { registeredMarkerNames, unknownMarkerError } from "../markerPolicy.ts";
import { markerKey } from "../rootKeys.ts";

export function registerMarkerSuggestion(session: PytestSession, name: string, rel: (p: string) => string): Suggestion {
  if (["parameterize", "parametrise", "parameterise"].includes(name)) {
    return { kind: "other", message: `Spell it \`parametrize\`: pytest knows no \`${name}\` mark`, data: { name } };
  }
  const description = `${name} tests`;
  const config = session.configfile;
  if (!config) {
    return {
      kind: "register-marker",
      message: `No config file: create ${rel(`${session.rootdir}/pytest.ini`)} with \`[pytest]\` and \`markers =\\n    ${name}: ${description}\``,
      data: { configfile: null, line: `    ${name}: ${description}` },
    };
  }
  const file = rel(config);
  const toml = basename(config).endsWith(".toml");
  const line = toml ? `"${name}: ${description}",` : `    ${name}: ${description}`;
  const table = basename(config) === "pyproject.toml" ? "[tool.pytest.ini_options]" : toml ? "[pytest]" : "";
  const where = toml ? `to the \`markers\` list of ${table}` : "under `markers =`";
  const hasMarkers = session.configKeys.some((k) => k.key === "markers");
  return {
    kind: "register-marker",
    message: hasMarkers
      ? `Register it in ${file}: add \`${line.trim()}\` ${where}`
      : `Register it in ${file}: add a \`markers\` key ${table ? `to ${table} ` : ""}with \`${line.trim()}\``,
    data: { configfile: file, line },
  };
}

const kind = "unknown-marker";

export const unknownMarker: Analyzer<typeof kind> = {
  kind,
  label: "unregistered marker",
  category: "configuration",
  severity: "error",
  fixable: true,
  whatItIs: "A `@pytest.mark.NAME` that no config file, conftest or plugin registers.",
  whyItMatters:
    "Under --strict-markers (or a filterwarnings entry that makes PytestUnknownMarkWarning an error) the test module fails to collect.",
  example: '[pytest]\naddopts = --strict-markers\n# tests use @pytest.mark.slow, "slow" is not in markers',
  run(input, ctx) {
    const registered = registeredMarkerNames(input.session);
    const firstUse = new Map<string, { file: string; line: number; col: number; files: Set<string> }>();
    for (const file of input.session.testFiles) {
      for (const use of input.facts(file).pytest.markers) {
        if (registered.has(use.name) || use.name.startsWith("_")) continue;
        const seen = firstUse.get(use.name) ?? { file, line: use.line, col: use.col, files: new Set<string>() };
        seen.files.add(ctx.rel(file));
        firstUse.set(use.name, seen);
      }
    }
    return [...firstUse].map(([name, use]): FindingOf<typeof kind> => {
      const outcome = unknownMarkerError(input.session, name);
      const file = ctx.rel(use.file);
      const blocking = outcome.outcome !== "warning";
      const radius = blocking
        ? blastRadius(input, ctx.reportedFailures, markerKey(name))
        : { blocks: { testFiles: [], tests: 0, areas: [] }, hiddenIn: [], hidden: false };
      return {
        id: findingId(kind, file, use.line, name),
        kind,
        category: "configuration",
        severity: blocking ? "error" : "warning",
        file,
        line: use.line,
        col: use.col,
        message: outcome.message,
        exceptionType: outcome.exceptionType,
        module: null,
        name,
        chain: [],
        ...radius,
        suggestions: [registerMarkerSuggestion(input.session, name, ctx.rel)],
      };
    });
  },
};
