// Hand-built analysis inputs for analyzer unit tests: facts with only the fields a test sets, a session with
// pytest's defaults, and ImportFailures keyed the way src/graph keys them.
import type { AnalysisInput, PytestSession } from "../../src/analyze/analysisInput.ts";
import type { ChainStep } from "../../src/analyze/finding.ts";
import type { CollectionModel, FailureKind, ImportFailure } from "../../src/graph/collectionModel.ts";
import type { FileFacts, PytestFacts } from "../../src/python/facts.ts";
import { emptyFacts } from "../../src/python/index.ts";

export const ROOT = "/repo";

export function facts(
  path: string,
  over: Partial<Omit<FileFacts, "pytest">> & { pytest?: Partial<PytestFacts> } = {},
): FileFacts {
  const { pytest, ...rest } = over;
  const empty = emptyFacts(path);
  return { ...empty, ...rest, pytest: { ...empty.pytest, ...pytest } };
}

export function testFunctions(...names: string[]): Partial<PytestFacts> {
  return {
    functions: names.map((name, i) => ({ name, className: null, async: false, line: 10 + i, col: 0, args: [] })),
  };
}

export function session(over: Partial<PytestSession> = {}): PytestSession {
  return {
    rootdir: ROOT,
    configfile: `${ROOT}/pytest.ini`,
    strictMarkers: false,
    strictConfig: false,
    filterwarnings: [],
    markers: [],
    configKeys: [],
    unknownConfigKeys: null,
    requiredPlugins: [],
    distributions: [],
    addopts: [],
    unrecognizedOptions: null,
    unimportablePlugins: [],
    importMode: "prepend",
    maxfail: null,
    pythonFunctions: ["test"],
    pythonClasses: ["Test"],
    testFiles: [],
    ...over,
  };
}

export function step(file: string, line: number, statement: string, module: string | null = null): ChainStep {
  return { file, line, statement, module };
}

export function failure(
  kind: FailureKind,
  file: string,
  line: number,
  name: string | null,
  over: Partial<ImportFailure> = {},
): ImportFailure {
  return {
    kind,
    file,
    line,
    col: 0,
    message: `message of ${name}`,
    exceptionType: "ImportError",
    module: null,
    name,
    chain: [],
    certainty: "certain",
    rootKey: `${kind}|${file}|${line}|${name}`,
    ...over,
  };
}

export function input(
  model: Partial<CollectionModel>,
  sess: Partial<PytestSession>,
  allFacts: FileFacts[],
  over: Partial<AnalysisInput> = {},
): AnalysisInput {
  const byPath = new Map(allFacts.map((f) => [f.path, f]));
  return {
    model: { startupFailure: null, files: [], ...model },
    session: session(sess),
    facts: (p) => byPath.get(p) ?? facts(p),
    modules: [],
    requirements: [],
    ...over,
  };
}
