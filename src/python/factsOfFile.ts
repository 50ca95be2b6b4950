// One file's facts together with the hash of the bytes they came from (what the facts cache keys on), reading
// the file once. Same facts as readFileFacts: too-large and unreadable files become facts, never exceptions.
import { readFileSync } from "node:fs";
import { contentHash } from "../cache/factsStore.ts";
import type { FileFacts } from "./facts.ts";
import { extractFacts, readFileFacts } from "./index.ts";

/** Facts of `path` and the hash of its content ("" when it could not be read: such facts are not cached). */
export function factsWithHash(path: string): { facts: FileFacts; hash: string } {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    return { facts: readFileFacts(path), hash: "" };
  }
  return { facts: extractFacts(bytes, path), hash: contentHash(bytes) };
}
