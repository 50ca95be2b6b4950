// remedy's pipeline as rules that dependency-cruiser checks (`npm run lint:deps`, part of `npm test`).
// The stages, earliest first; a stage imports only stages of earlier layers, and only through their index.ts.
// `src/errors.ts` and `src/cache/` (atomic cache files, stat stamps) are shared: every stage may use them and they
// import no stage. Each cache lives with the stage that owns its data: the facts cache with python
// (src/python/factsStore.ts), the interpreter cache with discover, the scan result cache with scan. The order and
// its reasons are written out in docs/architecture.md.
// TypeScript 7 has no JS API that dependency-cruiser can load, so the files are parsed with swc. swc does not tell a
// type-only import from a value import: the rules below hold for types too, and so does the cycle rule (see its
// one exception).

/** Layers of stages, earliest first; the stages of one layer do not import each other. */
const LAYERS = [
  ["python"], // source bytes -> FileFacts; knows nothing of pytest's configuration or of graphs
  ["discover"], // pytest's rootdir, config, files, conftests, sys.path (reads conftests' facts)
  ["graph"], // module index, import resolution, the import-time model
  ["analyze"], // one analyzer per file: (model, options) -> findings; src/analyze/audit: architecture findings
  ["plan"], // findings -> parallel workstreams
  ["verify"], // running the real pytest; its results compared with a scan's prediction
  ["report", "fix"], // reporters (including verify's result), codemods
  ["scan"], // orchestrates: discover -> facts -> model -> analyzers, with the scan result cache
  ["index.ts"], // the library API
  ["cli"], // parses arguments, calls src/index.ts, prints
];
const SHARED = ["errors.ts", "cache"];

const pathOf = (stage) => (stage.endsWith(".ts") ? `^src/${stage.replace(".", "\\.")}$` : `^src/${stage}/`);

const order = LAYERS.flatMap((layer, i) =>
  layer.map((stage) => ({
    stage,
    later: LAYERS.slice(i)
      .flat()
      .filter((s) => s !== stage),
    i,
  })),
)
  .filter(({ later }) => later.length > 0)
  .map(({ stage, later, i }) => ({
    name: "pipeline-order",
    comment: `${stage} imports only earlier stages (${LAYERS.slice(0, i).flat().join(", ") || "none"}) and the shared ${SHARED.join(", ")}`,
    severity: "error",
    from: { path: pathOf(stage) },
    to: { path: later.map(pathOf) },
  }));

/** The python scanner is one class (FactScanner in scanFacts.ts, ExprScanner in expressions.ts) whose methods are
 *  split over helper files; each helper imports the class back as a type only (`import type`, erased at run time,
 *  checked by test/architecture/dependencyRules.test.ts), which swc reports as a cycle. */
const SCANNER =
  "^src/python/(scanFacts|expressions|fstrings|compoundStatements|definitions|importStatements|matchPatterns|moduleLists)\\.ts$";

module.exports = {
  forbidden: [
    ...order,
    {
      name: "shared-imports-no-stage",
      comment: "src/errors.ts and src/cache/ are beneath every stage: they import none",
      severity: "error",
      from: { path: SHARED.map(pathOf) },
      to: { path: LAYERS.flat().map(pathOf) },
    },
    {
      name: "cli-uses-the-library-api",
      comment: "src/cli only parses arguments, calls src/index.ts and prints (besides the shared errors)",
      severity: "error",
      from: { path: "^src/cli/" },
      to: { path: "^src/", pathNot: ["^src/cli/", "^src/index\\.ts$", "^src/errors\\.ts$"] },
    },
    {
      name: "through-index",
      comment: "another stage is imported through its index.ts, never its internal files",
      severity: "error",
      from: { path: "^src/([^/]+)" },
      to: { path: "^src/[^/]+/", pathNot: ["^src/$1/", "^src/[^/]+/index\\.ts$"] },
    },
    {
      name: "no-circular",
      comment:
        "no import cycle between files; the one exception is the python scanner's type-only back edges (SCANNER above)",
      severity: "error",
      from: {},
      to: { circular: true, via: { pathNot: SCANNER } },
    },
    {
      name: "no-orphans",
      comment: "every file under src/ is used (factsWorker.ts is started as a worker thread by URL, not imported)",
      severity: "error",
      from: { orphan: true, path: "^src/", pathNot: ["^src/python/factsWorker\\.ts$"] },
      to: {},
    },
  ],
  options: {
    parser: "swc",
    includeOnly: "^src/",
    doNotFollow: { path: "node_modules" },
    enhancedResolveOptions: { extensions: [".ts", ".js"] },
    reporterOptions: {
      mermaid: { minify: false },
    },
  },
};
