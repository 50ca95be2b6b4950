// How the differential check decides that the scanner agrees with the oracle on one file (docs/facts.md, last
// fine point): full facts on files CPython accepts, only "reports a syntax error" on files it rejects.
import type { FileFacts } from "../src/python/facts.ts";

export interface Difference {
  file: string;
  /** JSON path of the first difference, e.g. `reads[3].col`; `(crash)` when the scanner threw. */
  path: string;
  oracle: unknown;
  scanner: unknown;
}

const IGNORED_ON_OK = new Set(["path", "syntaxErrors", "status"]);

/** The first JSON path where two values differ (object keys compared as sets), or null when equal. */
export function firstDifference(a: unknown, b: unknown, path = ""): { path: string; a: unknown; b: unknown } | null {
  if (a === b) return null;
  if (Array.isArray(a) && Array.isArray(b)) {
    for (let i = 0; i < Math.min(a.length, b.length); i++) {
      const d = firstDifference(a[i], b[i], `${path}[${i}]`);
      if (d) return d;
    }
    if (a.length !== b.length) {
      const i = Math.min(a.length, b.length);
      return { path: `${path}[${i}]`, a: i < a.length ? a[i] : "(absent)", b: i < b.length ? b[i] : "(absent)" };
    }
    return null;
  }
  if (isObject(a) && isObject(b)) {
    const keys = [...Object.keys(a), ...Object.keys(b).filter((k) => !(k in a))];
    for (const k of keys) {
      const sub = path === "" ? k : `${path}.${k}`;
      if (!(k in a) || !(k in b)) return { path: sub, a: k in a ? a[k] : "(absent)", b: k in b ? b[k] : "(absent)" };
      const d = firstDifference(a[k], b[k], sub);
      if (d) return d;
    }
    return null;
  }
  return { path: path || "(root)", a, b };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Compares the scanner's facts for one file against the oracle's; null when they agree. */
export function compareFacts(oracle: FileFacts, scanner: FileFacts): Difference | null {
  const file = oracle.path;
  const diff = (path: string, o: unknown, s: unknown): Difference => ({ file, path, oracle: o, scanner: s });
  switch (oracle.status) {
    case "ok": {
      if (scanner.status !== "ok") return diff("status", "ok", scanner.status);
      if (scanner.syntaxErrors.length > 0) return diff("syntaxErrors", [], scanner.syntaxErrors);
      const strip = (f: FileFacts) =>
        Object.fromEntries(Object.entries(f).filter(([k]) => !IGNORED_ON_OK.has(k))) as Record<string, unknown>;
      const d = firstDifference(strip(oracle), strip(scanner));
      return d ? diff(d.path, d.a, d.b) : null;
    }
    case "syntax-error":
      return scanner.syntaxErrors.length > 0 ? null : diff("syntaxErrors", oracle.syntaxErrors, scanner.syntaxErrors);
    default:
      return scanner.status === oracle.status ? null : diff("status", oracle.status, scanner.status);
  }
}
