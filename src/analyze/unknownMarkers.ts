// Marker uses (`@pytest.mark.NAME`, `pytestmark = ...`) that nothing registers: a collection error under strict
// markers or an error-level warnings filter, a warning otherwise. One finding per marker name; the suggestion is
// the exact line to add to the config file pytest uses.
import { basename } from "node:path";
import type { PytestSession } from "./analysisInput.ts";
import { type Analyzer, findingId } from "./analyzer.ts";
import { blastRadius } from "./blastRadius.ts";
import type { Finding, Suggestion } from "./finding.ts";
import { registeredMarkerNames, unknownMarkerError } from "./markerPolicy.ts";
import { markerKey } from "./rootKeys.ts";

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

export const unknownMarkers: Analyzer = {
  id: "unknown-markers",
  description: "markers used by tests but registered nowhere (an error under strict markers or filterwarnings=error)",
  severity: "error",
  fixable: true,
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
    return [...firstUse].map(([name, use]): Finding => {
      const outcome = unknownMarkerError(input.session, name);
      const file = ctx.rel(use.file);
      const blocking = outcome.outcome !== "warning";
      const radius = blocking
        ? blastRadius(input, ctx.reportedFailures, markerKey(name))
        : { blocks: { testFiles: [], tests: 0, areas: [] }, hiddenIn: [], hidden: false };
      return {
        id: findingId("unknown-marker", file, use.line, name),
        kind: "unknown-marker",
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
