// Safe: registers every unknown marker in the config file pytest uses, in its own format (pytest.ini and tox.ini
// `[pytest]`, setup.cfg `[tool:pytest]`, pyproject.toml `[tool.pytest.ini_options]` or pytest 9's `[tool.pytest]`,
// pytest.toml `[pytest]`). Lines are appended in the existing indentation; the key or the section is created when
// absent; nothing else in the file changes. One Fix for all markers: they share one insertion point, and the key or
// section one of them creates is the one the others need.
import { basename } from "node:path";
import type { Finding } from "../analyze/index.ts";
import { type Codemod, type FixContext, linesOf, makeFix, unfixed } from "./fixContext.ts";
import { iniMarkerEdit } from "./iniMarkers.ts";
import type { Fix, Unfixed } from "./textEdit.ts";
import { tomlMarkerEdit } from "./tomlMarkers.ts";

export const REGISTER_MARKER = "register-marker";

/** The marker line's text (after the name): says who added it and where the marker is first used. */
export const markerDescription = (f: Finding): string => `registered by remedy fix (first used in ${f.file}:${f.line})`;

/** The section pytest reads for this config file, and whether it is TOML. */
function formatOf(configfile: string): { toml: boolean; sections: string[] } | null {
  const name = basename(configfile);
  if (name === "pyproject.toml") return { toml: true, sections: ["tool.pytest.ini_options", "tool.pytest"] };
  if (name.endsWith(".toml")) return { toml: true, sections: ["pytest"] };
  if (name === "setup.cfg") return { toml: false, sections: ["tool:pytest"] };
  if (name.endsWith(".ini")) return { toml: false, sections: ["pytest"] };
  return null;
}

/** The fix for all unknown-marker findings of the scan, offered once (on the first of them). */
export function registerMarkers(findings: Finding[], context: FixContext): Fix | Unfixed | null {
  const markers = findings.filter(
    (f) => f.kind === "unknown-marker" && f.name && f.suggestions.some((s) => s.kind === "register-marker"),
  );
  const first = findings.find((f) => f.kind === "unknown-marker");
  if (!first) return null;
  if (markers.length === 0)
    return unfixed(REGISTER_MARKER, first.id, "a misspelling of a built-in mark: rename it where it is used");
  const config = context.configfile;
  if (!config)
    return unfixed(
      REGISTER_MARKER,
      markers[0]!.id,
      "pytest uses no config file: creating one would move rootdir and change what pytest reads",
    );
  const format = formatOf(config);
  if (!format) return unfixed(REGISTER_MARKER, markers[0]!.id, `unknown config file format: ${basename(config)}`);
  const lines = linesOf(context.read(config));
  const entries = markers.map((f) => ({ name: f.name!, description: markerDescription(f) }));
  const ini = format.toml ? null : iniMarkerEdit(lines, format.sections[0]!, entries);
  const edits = format.toml ? tomlMarkerEdit(lines, format.sections, entries) : typeof ini === "string" ? ini : [ini!];
  if (typeof edits === "string") return unfixed(REGISTER_MARKER, markers[0]!.id, edits);
  const names = entries.map((e) => e.name).join(", ");
  return makeFix(
    REGISTER_MARKER,
    markers[0]!.id,
    "safe",
    `register marker${entries.length > 1 ? "s" : ""} ${names} in ${basename(config)}`,
    edits.map((e) => ({ file: config, ...e })),
    context.read,
  );
}

/** The codemod as the registry runs it: the first unknown-marker finding carries the fix for all of them. */
export const registerMarker: Codemod = {
  name: REGISTER_MARKER,
  kinds: ["unknown-marker"],
  run(finding, context) {
    const all = context.scan.findings.filter((f) => f.kind === "unknown-marker");
    return all[0]?.id === finding.id ? registerMarkers(all, context) : null;
  },
};
