// What one real `pytest --collect-only` run saw, as recorded by the remedy_collect plugin: the oracle every
// correctness test and `remedy verify` compares remedy's predictions with. Paths are absolute unless named `relpath`.

/** One traceback frame of the exception the user's code raised (pytest, pluggy and importlib frames removed). */
export interface TracebackFrame {
  file: string;
  line: number | null;
  function: string;
  /** The source line, stripped; null when Python could not read it. */
  source: string | null;
}

/** The original exception behind a collection error (pytest's CollectError/ConftestImportFailure unwrapped). */
export interface RaisedException {
  /** Class name: "ImportError", "ModuleNotFoundError", "NameError", "SyntaxError", "Failed", ... */
  exceptionType: string;
  /** Qualified name as Python prints it: "pytest.PytestUnknownMarkWarning" for a non-builtin. */
  exceptionQualname: string;
  /** `exceptionLine` without its "Type: " prefix (for a SyntaxError: its msg, without the "(file, line N)" part). */
  message: string;
  /** The exception's last line as Python formats it: "ImportError: cannot import name 'X' from 'a.b' (/abs/a/b.py)". */
  exceptionLine: string;
  /** True when it is a warning that a filter turned into an error (e.g. PytestUnknownMarkWarning). */
  isWarning: boolean;
  /** Where it was raised: a SyntaxError's file and line, else the innermost user frame; null if unknown. */
  location: { file: string; line: number | null } | null;
  frames: TracebackFrame[];
}

/** An `ERROR collecting ...` entry: a file, directory or conftest that pytest could not collect. */
export interface CollectionError extends RaisedException {
  /** The failing collector's nodeid ("tests/test_x.py", or "tests/api" when that directory's conftest failed). */
  nodeid: string;
  /** pytest's collector class: "Module", "Dir", "Package", "Class", ... */
  collector: string;
  /** The file that failed: the test module, or the conftest.py for a conftest failing during collection. */
  path: string | null;
  /** `path` relative to the rootdir with forward slashes; null when outside it. */
  relpath: string | null;
  /** The conftest.py whose import failed, when that is the cause. */
  conftest: string | null;
  /** The last line of the error exactly as pytest prints it (without the `E   ` gutter). */
  printedLine: string | null;
  /** pytest's whole printed section for this error. */
  longrepr: string;
}

/** An initial conftest that failed at start-up ("ImportError while loading conftest", exit 4, nothing collected). */
export interface ConftestStartupError extends RaisedException {
  path: string;
  relpath: string | null;
}

/** A file that collected without error, with the items it produced (parametrize expanded, after deselection). */
export interface CollectedFile {
  nodeid: string;
  path: string;
  relpath: string | null;
  items: string[];
  /** Items removed by -k/-m/--deselect. */
  deselected: number;
}

export interface SessionInfo {
  rootdir: string;
  /** The config file pytest chose (pytest.ini, pyproject.toml, ...), or null. */
  configfile: string | null;
  /** The arguments pytest was invoked with (before addopts). */
  args: string[];
  invocationDir: string;
  pytestVersion: string;
  pythonVersion: string;
  pythonExecutable: string;
  /** sys.path when collection started (remedy's plugin directory removed); null if collection never started. */
  sysPath: string[] | null;
}

/** A warning pytest recorded during configuration or collection (not turned into an error). */
export interface RecordedWarning {
  when: string;
  nodeid: string | null;
  category: string;
  message: string;
  file: string;
  line: number;
}

/** A pytest exit status: 0 ok, 1 tests failed, 2 interrupted (collection errors), 3 internal error, 4 usage error, 5 no tests collected. */
export type ExitCode = number;

export interface CollectionReport {
  /** The process's exit code. */
  exitCode: ExitCode;
  /** null when pytest stopped before remedy's plugin could see the configuration (e.g. unrecognized arguments). */
  session: SessionInfo | null;
  markers: {
    /** `config.getini("markers")` after configure (config file, conftest and plugin registrations): what `pytest --markers` lists. */
    configured: string[] | null;
    /** The same at the end of the session, including registrations made by conftests loaded during collection. */
    final: string[] | null;
  };
  files: CollectedFile[];
  errors: CollectionError[];
  conftestError: ConftestStartupError | null;
  /** A UsageError seen by the plugin (e.g. --strict-config's "Unknown config option: x"), else null. */
  usageError: string | null;
  /** An exception other than a conftest's or a UsageError that stopped pytest while it started (exit 1, no
   *  session), e.g. a warning that an `error` filter turned into an exception; else null. */
  startupError: { exceptionType: string; message: string } | null;
  /** The exception behind an INTERNALERROR (exit 3: a start-up hook such as a conftest's pytest_configure raised),
   *  as pytest_internalerror saw it; else null. */
  internalError: { exceptionType: string; message: string } | null;
  warnings: RecordedWarning[];
  /** The last non-empty line of stderr: the only trace of errors raised before the plugin loads. */
  stderrTail: string | null;
  stdout: string;
  stderr: string;
  durationMs: number;
}

export interface CollectionSummary {
  /** rootdir-relative path (absolute when outside the rootdir) -> number of collected items. */
  collected: Record<string, number>;
  /** rootdir-relative path of the failing file -> its exception. */
  errored: Record<string, { type: string; message: string }>;
}

/** The short view most tests compare: how many items each file gave, and what each failing file raised. */
export function summarize(report: CollectionReport): CollectionSummary {
  const collected: Record<string, number> = {};
  for (const f of report.files) collected[f.relpath ?? f.path] = f.items.length;
  const errored: Record<string, { type: string; message: string }> = {};
  for (const e of report.errors) {
    errored[e.relpath ?? e.path ?? e.nodeid] = { type: e.exceptionType, message: e.message };
  }
  const c = report.conftestError;
  if (c) errored[c.relpath ?? c.path] = { type: c.exceptionType, message: c.message };
  return { collected, errored };
}
