// config-error: configuration that stops pytest: a `-p` plugin that cannot be imported, required_plugins not
// installed, a warning filter whose category module cannot be imported, addopts options nobody defines (all before
// collection), and under strict config an ini key nobody registers (pytest collects, then exits 4). Without strict
// config an unknown key is only a warning.
import { type Analyzer, findingId } from "../analyzer.ts";
import { blastRadius } from "../blastRadius.ts";
import { configProblems } from "../configChecks.ts";
import type { FindingOf, Suggestion } from "../findingFields.ts";

function suggestion(problem: string, name: string, configfile: string): Suggestion {
  switch (problem) {
    case "plugin":
      return {
        kind: "install",
        message: `Install the plugin that provides \`${name}\`, or remove \`-p ${name}\` from addopts in ${configfile}`,
        data: { plugin: name },
      };
    case "required_plugins":
      return {
        kind: "install",
        message: `Install ${name} (pip install ${name
          .split(", ")
          .map((n) => `'${n}'`)
          .join(" ")}), or drop it from required_plugins in ${configfile}`,
        data: { plugins: name },
      };
    case "addopts":
      return {
        kind: "other",
        message: `Install the plugin that defines ${name}, or remove it from addopts in ${configfile}`,
        data: { options: name },
      };
    case "filterwarnings": {
      const module = name.split(":")[2]?.trim() ?? name;
      return {
        kind: "install",
        message: `Make \`${module}\` importable where pytest starts (install the package that defines it, e.g. \`pip install -e .\`, or add its directory to \`pythonpath\`), or remove the entry \`${name}\` from filterwarnings in ${configfile}`,
        data: { filter: name },
      };
    }
    case "startup-import":
      return {
        kind: "other",
        message: `pytest imports \`${name}\` from the repository's own files while it starts${name.startsWith("packaging") ? " (to check minversion or required_plugins)" : " (`import pytest` does)"}, before any conftest: fix the error at ${configfile}, or start pytest where the installed \`${name.split(".")[0]}\` comes first on sys.path`,
        data: { module: name },
      };
    case "startup":
      return {
        kind: "other",
        message: `Rename ${configfile} (it hides the standard library module \`${name}\` from pytest), or start pytest with the \`pytest\` script, which does not put the directory on sys.path`,
        data: { shadowedStdlib: name },
      };
    default:
      return {
        kind: "other",
        message: `Remove \`${name}\` from ${configfile} (no installed plugin or conftest registers it), or install the plugin that reads it`,
        data: { key: name },
      };
  }
}

const kind = "config-error";

export const configError: Analyzer<typeof kind> = {
  kind,
  label: "configuration error",
  category: "configuration",
  severity: "error",
  fixable: false,
  whatItIs:
    "pytest's configuration stops the session: an unknown ini key under strict config, a missing required plugin, an unimportable `-p` plugin, unrecognized arguments, a warning filter whose category cannot be imported, a module shadowing a stdlib module pytest needs at start-up.",
  whyItMatters:
    "pytest exits before (or right after) collecting anything: every test is blocked by one line of configuration.",
  example:
    "[pytest]\nfilterwarnings =\n    ignore::mypkg.MyDeprecationWarning  # mypkg not importable where pytest starts",
  run(input, ctx) {
    const configfile = input.session.configfile ? ctx.rel(input.session.configfile) : "(no config file)";
    let firstAfterCollection = true;
    return configProblems(input.session).map((p): FindingOf<typeof kind> => {
      const problem = p.rootKey.split("|")[1]!;
      const file = p.file ? ctx.rel(p.file) : configfile;
      const blocking = p.stage === "startup";
      const radius = blocking
        ? blastRadius(input, ctx.reportedFailures, p.rootKey)
        : { blocks: { testFiles: [], tests: 0, areas: [] }, hiddenIn: [], hidden: false };
      // pytest raises on the first unknown key (sorted); the others appear once it is fixed.
      let hidden = radius.hidden;
      if (p.stage === "after-collection") {
        hidden = !firstAfterCollection;
        firstAfterCollection = false;
      }
      return {
        id: findingId(kind, file, p.line ?? 0, p.name),
        kind,
        category:
          problem === "plugin" ||
          problem === "required_plugins" ||
          problem === "startup" ||
          problem === "startup-import" ||
          problem === "filterwarnings"
            ? "environment"
            : "configuration",
        severity: p.stage === "warning" ? "warning" : "error",
        file,
        line: p.line ?? 0,
        col: 0,
        message: p.message,
        exceptionType: p.exceptionType,
        module: null,
        name: p.name,
        chain: [],
        ...radius,
        hidden,
        suggestions: [suggestion(problem, p.name, file)],
      };
    });
  },
};
