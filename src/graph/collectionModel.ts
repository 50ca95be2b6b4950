// What the import-time model predicts for one pytest session: the interface between src/graph (which simulates
// imports) and src/analyze (which turns predictions into findings, root causes and blast radius).

/** The failures the import-time model predicts, as the exception a test file's import would raise. src/analyze
 *  reports each as a finding of the same kind (one kind file per failure kind, src/analyze/kinds/); the JSON schema's
 *  `failure.kind` enum (a conftest-error's cause) is this list (scripts/scan-schema.ts). */
export const FAILURE_KINDS = [
  "missing-name",
  "circular-import",
  "missing-module",
  "missing-third-party",
  "name-error",
  "attribute-error",
  "syntax-error",
  "import-file-mismatch",
] as const;

export type FailureKind = (typeof FAILURE_KINDS)[number];

/** One step of an import chain: the statement in `file` at `line` that leads to the next step. */
export interface ChainStep {
  file: string;
  line: number;
  /** The statement as written (one line), e.g. "from app.monitoring import PerformanceMonitor". */
  statement: string;
  /** The module executing this statement. */
  module: string | null;
}

/** One exception as Python would raise it while importing a test file or conftest. */
export interface ImportFailure {
  kind: FailureKind;
  /** Absolute path of the file holding the failing statement. */
  file: string;
  line: number;
  col: number;
  /** The exception message exactly as CPython words it (absolute paths as on disk). */
  message: string;
  exceptionType: "ImportError" | "ModuleNotFoundError" | "NameError" | "AttributeError" | "SyntaxError" | string;
  /** The module that is missing / lacks the name / is executing the failing statement. */
  module: string | null;
  /** The missing name (or missing attribute). */
  name: string | null;
  /** From the test file (or conftest) being imported down to the failing statement. */
  chain: ChainStep[];
  /** For circular imports: the statements of the cycle, in execution order. */
  cycle?: ChainStep[];
  /** "certain" failures are errors; "maybe" (depends on a conditional binding, dynamic code) are warnings. */
  certainty: "certain" | "maybe";
  /** For a "maybe" failure: what decides whether it happens, in a sentence. */
  condition?: string;
  /** A name an installed (third-party) module lacks: its file and the distribution that installed it. */
  installed?: { file: string; distribution: string | null; version: string | null };
  /** Identity of the broken statement, equal for every test file it blocks: `${kind}|${file}|${line}|${name}`. */
  rootKey: string;
}

export interface FileOutcome {
  /** Absolute path of the test file or conftest. */
  path: string;
  role: "test" | "conftest";
  /** In Python's order: the first is what pytest reports today; the rest are hidden behind it. "maybe" failures
   *  (warnings) come after all "certain" ones, so a "maybe" first means the file imports (as far as we know). */
  failures: ImportFailure[];
  /** A test module whose import raised pytest's Skipped (module-level importorskip / skip): pytest skips it, no
   *  error and no items, unless a certain failure came first. */
  skipped?: { file: string; line: number };
}

export interface CollectionModel {
  /** A conftest that fails while pytest loads the initial conftests (exit code 4), or whose start-up hook then
   *  fails (`hook`). */
  startupFailure: {
    conftest: string;
    failure: ImportFailure;
    /** Set when the failure is in a module the conftest names in `pytest_plugins`: pytest then exits 1 with
     *  `ImportError: Error importing plugin "<plugin>": <message>` instead of a conftest error. */
    plugin?: string;
    /** Set when the conftest loaded but its start-up hook (`pytest_configure`, `pytest_sessionstart`) fails:
     *  pytest ends with an INTERNALERROR (exit code 3) instead. */
    hook?: string;
  } | null;
  /** A module of the repository that pytest imports while it starts (GraphInput.startupImports) and that fails:
   *  pytest crashes before collecting (exit 1). The model goes on as if it had not. */
  startupImport?: { module: string; failure: ImportFailure };
  /** A loaded conftest whose `pytest_collection_modifyitems` / `pytest_collection_finish` fails: pytest
   *  collected (and reported the collection errors), then ends with an INTERNALERROR (exit code 3). */
  collectionHook?: { conftest: string; failure: ImportFailure; hook?: string } | null;
  /** Every conftest and test file in pytest's collection order. */
  files: FileOutcome[];
}
