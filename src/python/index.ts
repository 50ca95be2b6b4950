// The python stage's public face: source bytes in, FileFacts out. Nothing here knows about pytest's config or graphs.
import type { FileFacts } from "./facts.ts";

export interface ExtractOptions {
  /** Files larger than this many bytes are reported as too-large and skipped (default 5 MB). */
  maxBytes?: number;
}

/** Facts of one file from its raw bytes (decoding as CPython does). Never throws on bad input. */
export function extractFacts(_source: Uint8Array, _path: string, _options: ExtractOptions = {}): FileFacts {
  throw new Error("extractFacts: the scanner has not landed yet");
}

/** Reads a file and extracts its facts; unreadable files become a fact (status "unreadable"), not an exception. */
export function readFileFacts(_path: string, _options: ExtractOptions = {}): FileFacts {
  throw new Error("readFileFacts: the scanner has not landed yet");
}
