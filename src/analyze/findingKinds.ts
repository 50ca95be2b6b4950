// Every kind of finding remedy reports, with what a person needs to read one: its label, where it usually belongs,
// which analyzer reports it, whether a codemod is planned for it, and a short documentation in ruff's shape
// (what it is, why it matters, an example). The terminal labels, `remedy rules` and the JSON schema's enum are
// this table; test/analyze/findingKinds.test.ts fails when the schema or an analyzer drifts from it.
import type { Category, FindingKind } from "./finding.ts";

export interface FindingKindInfo {
  kind: FindingKind;
  /** As the terminal report names it ("missing name `X`"). */
  label: string;
  /** The category its findings usually have (config-error and conftest-error take their cause's). */
  category: Category;
  /** The analyzer (analyzerRegistry.ts) that reports it. */
  analyzer: string;
  /** A codemod is planned (issue "remedy fix"): the fix is mechanical when remedy is certain of it. */
  fixable: boolean;
  whatItIs: string;
  whyItMatters: string;
  /** A minimal case, as Python source or configuration (lines joined with \n). */
  example: string;
}

// A record, so that the compiler fails when a FindingKind has no entry.
const KINDS: Record<FindingKind, Omit<FindingKindInfo, "kind">> = {
  "missing-name": {
    label: "missing name",
    category: "import",
    analyzer: "import-failures",
    fixable: true,
    whatItIs: "`from module import Name` where the module (first-party or installed) does not define Name.",
    whyItMatters:
      "CPython raises ImportError while pytest imports the test module: the file collects nothing. The usual cause is a class or function that moved or was renamed while its importers were not updated.",
    example: "# app/legacy/types.py no longer defines Status\nfrom app.legacy.types import Status",
  },
  "circular-import": {
    label: "circular import",
    category: "import",
    analyzer: "import-failures",
    fixable: true,
    whatItIs:
      "Two or more modules import each other at module level, and the side entered first reads a name the other has not bound yet.",
    whyItMatters:
      "It fails or not depending on which module a test imports first, so it appears and disappears as tests are added; pytest reports `cannot import name X from partially initialized module`.",
    example: "# a.py\nfrom b import helper\nVALUE = 1\n# b.py\nfrom a import VALUE\ndef helper(): ...",
  },
  "missing-module": {
    label: "missing module",
    category: "import",
    analyzer: "import-failures",
    fixable: true,
    whatItIs: "An import of a first-party module that does not exist on the sys.path pytest builds for the file.",
    whyItMatters:
      "ModuleNotFoundError while importing the test module: a module that was moved, renamed or deleted, or a path that only works from another working directory.",
    example: "from app.monitoring import PerformanceMonitor  # app/monitoring.py was moved",
  },
  "missing-third-party": {
    label: "third-party module not installed",
    category: "environment",
    analyzer: "import-failures",
    fixable: false,
    whatItIs: "An import of a module that no installed distribution provides in the interpreter the suite runs with.",
    whyItMatters:
      "The environment lacks a dependency (a requirements file may name it): every test file that imports it, directly or through the code it tests, fails to collect.",
    example: "import redis  # not installed in the venv",
  },
  "name-error": {
    label: "NameError at import time",
    category: "import",
    analyzer: "import-failures",
    fixable: false,
    whatItIs:
      "Module-level code (or a function it calls while the module loads) reads a name that is not bound on every path to that read.",
    whyItMatters: "CPython raises NameError while the module executes: every importer fails with it.",
    example: "if FEATURE:\n    LIMIT = 10\nTIMEOUT = LIMIT * 2  # NameError when FEATURE is false",
  },
  "attribute-error": {
    label: "missing module attribute",
    category: "import",
    analyzer: "import-failures",
    fixable: false,
    whatItIs: "Module-level code reads `module.attr` that the module does not define (at that moment).",
    whyItMatters: "AttributeError while the module executes; common after a dependency upgrade removed a name.",
    example: "import asyncio\nlegacy = asyncio.coroutine  # removed in Python 3.11",
  },
  "unknown-marker": {
    label: "unregistered marker",
    category: "configuration",
    analyzer: "unknown-markers",
    fixable: true,
    whatItIs: "A `@pytest.mark.NAME` that no config file, conftest or plugin registers.",
    whyItMatters:
      "Under --strict-markers (or a filterwarnings entry that makes PytestUnknownMarkWarning an error) the test module fails to collect.",
    example: '[pytest]\naddopts = --strict-markers\n# tests use @pytest.mark.slow, "slow" is not in markers',
  },
  "syntax-error": {
    label: "syntax error",
    category: "import",
    analyzer: "import-failures",
    fixable: false,
    whatItIs: "A module the test imports (or the test module itself) does not compile for the interpreter's version.",
    whyItMatters: "SyntaxError while importing: the file and everything that imports the broken module fail.",
    example: "type Alias = int  # PEP 695: a SyntaxError before Python 3.12",
  },
  "conftest-error": {
    label: "conftest.py fails to import",
    category: "import",
    analyzer: "conftest-errors",
    fixable: true,
    whatItIs: "A conftest.py whose import fails (its category is its cause's).",
    whyItMatters:
      "At start-up it stops the whole session (exit 4); during collection its directory collects nothing. Every test below it is blocked by one error.",
    example: "# tests/conftest.py\nfrom app.fixtures import make_client  # removed",
  },
  "import-file-mismatch": {
    label: "import file mismatch",
    category: "configuration",
    analyzer: "import-file-mismatch",
    fixable: false,
    whatItIs:
      "Two test modules with the same basename in directories without `__init__.py`, under the prepend import mode.",
    whyItMatters: "pytest imports the second as the first's module name and refuses it: the second file errors.",
    example: "tests/api/test_utils.py\ntests/db/test_utils.py  # no __init__.py in tests/api or tests/db",
  },
  "config-error": {
    label: "configuration error",
    category: "configuration",
    analyzer: "config-errors",
    fixable: false,
    whatItIs:
      "pytest's configuration stops the session: an unknown ini key under strict config, a missing required plugin, an unimportable `-p` plugin, unrecognized arguments, a warning filter whose category cannot be imported, a module shadowing a stdlib module pytest needs at start-up.",
    whyItMatters:
      "pytest exits before (or right after) collecting anything: every test is blocked by one line of configuration.",
    example:
      "[pytest]\nfilterwarnings =\n    ignore::mypkg.MyDeprecationWarning  # mypkg not importable where pytest starts",
  },
};

export const FINDING_KINDS: readonly FindingKindInfo[] = Object.entries(KINDS).map(([kind, info]) => ({
  kind: kind as FindingKind,
  ...info,
}));

/** The label of `kind` (terminal report). */
export function kindLabel(kind: FindingKind): string {
  return KINDS[kind].label;
}
