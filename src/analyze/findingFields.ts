// The fields of a finding (one thing that stops, or may stop, pytest from collecting), for any kind K: an analyzer
// (src/analyze/kinds/) returns findings of its own kind. finding.ts narrows K to the registry's kinds, as every
// reporter reads them; the split keeps the kind files from importing the registry that imports them. The JSON
// schema (schema/scan.schema.json) mirrors it. ChainStep is src/graph's, whose import failures carry it first.
import type { ChainStep, FailureKind } from "../graph/index.ts";

export type { ChainStep };

export type Category = "import" | "configuration" | "environment";

export interface Suggestion {
  kind:
    | "relocated"
    | "renamed"
    | "removed"
    | "closest-module"
    | "break-cycle"
    | "register-marker"
    | "install"
    | "other";
  /** A sentence a person can act on. */
  message: string;
  /** Machine-usable detail: e.g. { module: "shared.enums", name: "ExecutionStatus", importers: 3 }. */
  data?: Record<string, string | number | boolean | null>;
}

export interface FindingOf<K extends string> {
  /** Stable across runs for the same root cause: kind + file + line + name. */
  id: string;
  kind: K;
  category: Category;
  severity: "error" | "warning";
  /** Where the broken statement is (repository-relative, forward slashes). */
  file: string;
  line: number;
  col: number;
  /** Exactly what CPython or pytest prints (the exception message, without the type). */
  message: string;
  /** The Python exception type pytest would show: ImportError, ModuleNotFoundError, NameError, ... */
  exceptionType: string | null;
  /** The module whose import fails / where the name is missing. */
  module: string | null;
  /** The missing name, or the marker, or the config key. */
  name: string | null;
  /** From a blocked test file down to the failing statement (one representative chain). */
  chain: ChainStep[];
  /** For a cycle: the statements that form it, in execution order. */
  cycle?: ChainStep[];
  blocks: {
    /** Test files for which this is the error pytest reports today. */
    testFiles: string[];
    /** Test functions/methods (parametrize expanded) in those files. */
    tests: number;
    /** Top-level packages/services those files belong to. */
    areas: string[];
    /** Present (true) when a parametrize argument list is not a literal: `tests` is then a lower bound. */
    testsLowerBound?: true;
  };
  /** Test files where this error sits behind another one (Python stops at the first failing import). */
  hiddenIn: string[];
  /** True when it blocks nothing today (it is behind other errors everywhere it matters). */
  hidden: boolean;
  suggestions: Suggestion[];
  /** For a possible finding (severity `warning`): what decides whether it happens, in a sentence. */
  condition?: string;
  /** When one root cause is several broken statements (every import of the same missing name or module): all of
   *  them, `file`/`line` first. Absent when it is the one statement at `file`/`line`. */
  sites?: { file: string; line: number; col: number }[];
  /** For conftest-error: the underlying failure (an import failure of the model, of its kind). */
  cause?: FailureCause;
}

/** The finding fields that describe an import failure itself (a conftest-error's `cause`). */
export type FailureCause = Omit<
  FindingOf<FailureKind>,
  "cause" | "blocks" | "hiddenIn" | "hidden" | "id" | "suggestions"
>;
