// Source bytes in, FileFacts out: decoding as CPython does, then the scanner; unreadable, undecodable or too large
// files become facts (a status), never exceptions.
import { readFileSync, statSync } from "node:fs";
import { decodeSource } from "./decodeSource.ts";
import type { FileFacts, FileStatus } from "./facts.ts";
import { withoutNeverFailingReads } from "./neverFailingReads.ts";
import { emptyPytestFacts } from "./pytestFacts.ts";
import { FactScanner, type ScannedModule } from "./scanFacts.ts";
import { tokenize } from "./tokenize.ts";

export interface ExtractOptions {
  /** Files larger than this many bytes are reported as too-large and skipped (default 5 MB). */
  maxBytes?: number;
}

const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

/** Facts of a file with nothing in it (also the start of every file's facts, and of hand-built ones in tests). */
export function emptyFacts(
  path: string,
  status: FileStatus = "ok",
  encoding = "utf-8",
  problem: string | null = null,
): FileFacts {
  return {
    path,
    status,
    encoding,
    problem,
    syntaxErrors: [],
    futureAnnotations: false,
    imports: [],
    bindings: [],
    starImports: [],
    dunderAll: null,
    moduleGetattr: false,
    reads: [],
    attributeReads: [],
    sysPath: [],
    branches: [],
    arms: [],
    tries: [],
    functions: [],
    calls: [],
    globalNames: [],
    pytest: emptyPytestFacts(),
  };
}

/** Facts of already decoded source text. */
export function factsOfText(text: string, path: string, encoding = "utf-8"): FileFacts {
  const toks = tokenize(text);
  const scanner = new FactScanner(text, toks);
  let r: ScannedModule;
  try {
    r = scanner.run();
  } catch (e) {
    // Only a pathological nesting depth (which CPython rejects too) can exhaust the stack; anything else is a bug.
    if (!(e instanceof RangeError)) throw e;
    const facts = emptyFacts(path, "syntax-error", encoding, null);
    facts.syntaxErrors.push({ line: 1, col: 0, message: "too many nested expressions", source: "scanner" });
    return facts;
  }
  const facts = emptyFacts(path, "ok", encoding, null);
  facts.futureAnnotations = r.futureAnnotations;
  facts.imports = r.imports;
  facts.bindings = r.bindings;
  facts.starImports = r.starImports;
  facts.dunderAll = r.dunderAll;
  facts.moduleGetattr = r.bindings.some((b) => b.name === "__getattr__");
  facts.reads = withoutNeverFailingReads(r.reads, r.bindings, r.globalNames, r.starImports.length);
  facts.attributeReads = r.attributeReads;
  facts.sysPath = r.sysPath;
  facts.branches = r.branches;
  facts.arms = r.arms;
  facts.tries = r.tries;
  facts.functions = r.functions;
  facts.calls = r.calls;
  facts.globalNames = r.globalNames;
  facts.pytest = r.pytest;
  if (r.errors.length > 0) {
    facts.status = "syntax-error";
    // One error per line is enough, and the first one is what a person needs.
    const seen = new Set<number>();
    for (const e of r.errors) {
      if (seen.has(e.line)) continue;
      seen.add(e.line);
      facts.syntaxErrors.push({
        line: e.line,
        col: scanner.col(e.offset, e.line),
        message: e.message,
        source: "scanner",
      });
    }
  }
  return facts;
}

/** Facts of one file from its raw bytes (decoding as CPython does). Never throws on bad input. */
export function extractFacts(source: Uint8Array, path: string, options: ExtractOptions = {}): FileFacts {
  const max = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (source.length > max)
    return emptyFacts(path, "too-large", "utf-8", `file is ${source.length} bytes, larger than the limit of ${max}`);
  const decoded = decodeSource(source);
  if (decoded.status !== "ok") return emptyFacts(path, decoded.status, decoded.encoding, decoded.problem);
  return factsOfText(decoded.text, path, decoded.encoding);
}

/** Reads a file and extracts its facts; unreadable files become a fact (status "unreadable"), not an exception. */
export function readFileFacts(path: string, options: ExtractOptions = {}): FileFacts {
  const max = options.maxBytes ?? DEFAULT_MAX_BYTES;
  let bytes: Uint8Array;
  try {
    const size = statSync(path).size;
    if (size > max)
      return emptyFacts(path, "too-large", "utf-8", `file is ${size} bytes, larger than the limit of ${max}`);
    bytes = readFileSync(path);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return emptyFacts(path, "unreadable", "utf-8", why);
  }
  return extractFacts(bytes, path, options);
}
