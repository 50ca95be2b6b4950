// pytest's configuration checks, in the order pytest 9 runs them (Config.parse / _validate_plugins /
// _validate_config_options), with its exact messages. Shared by the config-error analyzer and by the per-file
// resolution, which needs to know whether the session stops before anything is collected.
import type { PytestSession } from "./analysisInput.ts";
import { configKey } from "./rootKeys.ts";

export interface ConfigProblem {
  rootKey: string;
  /** "startup": pytest stops before collecting; "after-collection": collects, then fails (exit 4);
   *  "warning": a PytestConfigWarning only. */
  stage: "startup" | "after-collection" | "warning";
  /** Exit code pytest ends with when this is the first problem. */
  exitCode: number;
  message: string;
  exceptionType: string;
  name: string;
  line: number | null;
  /** The file at fault when it is not the config file (absolute). */
  file?: string;
}

function normalizeDist(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, "-");
}

function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.+-]/).map((x) => Number.parseInt(x, 10) || 0);
  const pb = b.split(/[.+-]/).map((x) => Number.parseInt(x, 10) || 0);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return 0;
}

function satisfies(version: string, spec: string): boolean {
  for (const clause of spec
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)) {
    const m = /^(~=|==|!=|<=|>=|<|>)\s*(.+)$/.exec(clause);
    if (!m) continue;
    const c = compareVersions(version, m[2]!.replace(/\.\*$/, ""));
    const ok = { "~=": c >= 0, "==": c === 0, "!=": c !== 0, "<=": c <= 0, ">=": c >= 0, "<": c < 0, ">": c > 0 }[
      m[1] as "=="
    ];
    if (!ok) return false;
  }
  return true;
}

function missingRequiredPlugins(session: PytestSession): string[] {
  const installed = new Map(session.distributions.map((d) => [normalizeDist(d.name), d.version]));
  const missing: string[] = [];
  for (const entry of [...session.requiredPlugins].sort()) {
    const m = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[[^\]]*\])?\s*(.*)$/.exec(entry);
    if (!m) continue;
    const version = installed.get(normalizeDist(m[1]!));
    if (version === undefined || !satisfies(version, m[2]!)) missing.push(entry);
  }
  return missing;
}

/** Every configuration problem of the session, in the order pytest meets them. */
export function configProblems(session: PytestSession): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  // Before anything else: pytest (or the plugins it loads first) imports the shadowed module while it starts.
  for (const m of session.startupShadows ?? []) {
    // pytest's own last line, `Type: message`, as it reads with an empty module of that name.
    const colon = m.message.indexOf(": ");
    problems.push({
      rootKey: configKey(m.importedAtStartup ? "startup-import" : "startup", m.name),
      stage: "startup",
      exitCode: m.exitCode,
      message: colon > 0 ? m.message.slice(colon + 2) : m.message,
      exceptionType: colon > 0 ? m.message.slice(0, colon).split(".").pop()! : "ImportError",
      name: m.importedAtStartup?.module ?? m.name,
      line: m.importedAtStartup?.line ?? null,
      file: m.file,
    });
  }
  for (const p of session.unimportablePlugins) {
    problems.push({
      rootKey: configKey("plugin", p.name),
      stage: "startup",
      exitCode: 1,
      message: p.message,
      exceptionType: "ImportError",
      name: p.name,
      line: null,
    });
  }
  const missing = missingRequiredPlugins(session);
  if (missing.length > 0) {
    problems.push({
      rootKey: configKey("required_plugins", missing.join(", ")),
      stage: "startup",
      exitCode: 4,
      message: `Missing required plugins: ${missing.join(", ")}`,
      exceptionType: "UsageError",
      name: missing.join(", "),
      line: session.configKeys.find((k) => k.key === "required_plugins")?.line ?? null,
    });
  }
  // While pytest starts (before the initial conftests), it imports the module of every filter's category.
  for (const f of session.filterImportFailures ?? []) {
    const error = `No module named '${f.missing}'`;
    problems.push({
      rootKey: configKey("filterwarnings", f.filter),
      stage: f.outcome === "warning" ? "warning" : "startup",
      exitCode: f.outcome === "usage-error" ? 4 : 1,
      // pytest 8's UsageError quotes the import's traceback, whose last line is this (the frames are pytest's).
      message:
        f.outcome === "usage-error"
          ? `while parsing the following warning configuration:\n\n  ${f.filter}\n\nThis error occurred:\n\nModuleNotFoundError: ${error}`
          : `Failed to import filter module '${f.missing}': ${f.filter}`,
      exceptionType: f.outcome === "usage-error" ? "UsageError" : "PytestConfigWarning",
      name: f.filter,
      line: f.line,
    });
  }
  const unknownArgs = session.unrecognizedOptions ?? [];
  if (unknownArgs.length > 0) {
    problems.push({
      rootKey: configKey("addopts", unknownArgs.join(" ")),
      stage: "startup",
      exitCode: 4,
      message: `unrecognized arguments: ${unknownArgs.join(" ")}`,
      exceptionType: "UsageError",
      name: unknownArgs.join(" "),
      line: session.configKeys.find((k) => k.key === "addopts")?.line ?? null,
    });
  }
  if (session.unknownConfigKeys) {
    // pytest validates keys in sorted order and raises on the first.
    const unknown = [...session.unknownConfigKeys].sort((a, b) => (a.key < b.key ? -1 : 1));
    for (const k of unknown) {
      problems.push({
        rootKey: configKey("ini", k.key),
        stage: session.strictConfig ? "after-collection" : "warning",
        exitCode: 4,
        message: `Unknown config option: ${k.key}`,
        exceptionType: session.strictConfig ? "UsageError" : "PytestConfigWarning",
        name: k.key,
        line: k.line,
      });
    }
  }
  return problems;
}
