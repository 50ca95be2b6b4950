// remedy's prediction beside what the real pytest raised, both ways: errors both report (agreed), errors pytest
// raised that remedy did not predict (missed), and predictions pytest did not raise (unexpected). Keyed by test
// file and the error's type and message, as the agreement bench scores remedy (bench/agreement/score.ts).
import type { ScanResult } from "../analyze/index.ts";
import type { CollectionReport } from "./collectionReport.ts";
import { type FileError, inScope, pytestVerdicts, remedyVerdicts, SESSION } from "./verdicts.ts";

/** One error on one test file (or conftest.py), or on the whole session (`file` is "<session>"). */
export interface FileErrorAt extends FileError {
  file: string;
}

export interface AgreedError extends FileErrorAt {
  /** The finding that predicted it. */
  findingId: string | null;
}

export interface MissedError extends FileErrorAt {
  /** What remedy predicted for that file instead: another error, or null (it predicted the file collects). */
  predicted: FileError | null;
}

export interface UnexpectedError extends FileErrorAt {
  findingId: string | null;
  /** What pytest raised for that file instead: another error, or null (the file collected). */
  observed: FileError | null;
}

export interface PredictionAgreement {
  agreed: AgreedError[];
  missed: MissedError[];
  unexpected: UnexpectedError[];
  counts: {
    /** Files (and the session) compared. */
    compared: number;
    pytestErrors: number;
    predictedErrors: number;
    agreed: number;
    missed: number;
    unexpected: number;
  };
}

export interface CompareOptions {
  /** Compare only these files (rootdir-relative): the shard that pytest ran. Default: every file. */
  only?: ReadonlySet<string>;
}

const same = (a: FileError | null, b: FileError | null) =>
  a === null || b === null ? a === b : a.type === b.type && a.message === b.message;

/** Compares the prediction `scan` with the collection pytest reported for the same repository. */
export function compareWithPrediction(
  scan: ScanResult,
  report: CollectionReport,
  options: CompareOptions = {},
): PredictionAgreement {
  const root = report.session?.rootdir ?? scan.rootdir;
  const py = pytestVerdicts(report, root);
  const rm = remedyVerdicts(scan);
  const out: PredictionAgreement = {
    agreed: [],
    missed: [],
    unexpected: [],
    counts: { compared: 0, pytestErrors: 0, predictedErrors: 0, agreed: 0, missed: 0, unexpected: 0 },
  };
  const compare = (file: string, p: FileError | null, r: FileError | null, findingId: string | null) => {
    out.counts.compared += 1;
    if (p) out.counts.pytestErrors += 1;
    if (r) out.counts.predictedErrors += 1;
    if (p && same(p, r)) out.agreed.push({ file, ...p, findingId });
    else {
      if (p) out.missed.push({ file, ...p, predicted: r });
      if (r) out.unexpected.push({ file, ...r, findingId, observed: p });
    }
  };
  // An empty shard ran no session at all.
  if ((py.session || rm.session) && options.only?.size !== 0) {
    compare(SESSION, py.session, rm.session, rm.sessionFinding);
  }
  // A session error stops pytest before any file is collected: no file's verdict is observable.
  if (!py.session) {
    const files = [...new Set([...py.files.keys(), ...rm.files.keys()])].sort();
    for (const f of files) {
      if (options.only && !inScope(f, options.only)) continue;
      compare(f, py.files.get(f) ?? null, rm.files.get(f) ?? null, rm.findingOf.get(f) ?? null);
    }
  }
  out.counts.agreed = out.agreed.length;
  out.counts.missed = out.missed.length;
  out.counts.unexpected = out.unexpected.length;
  return out;
}
