// The unit of work of parallel fact extraction: a chunk of files in, their facts out as one buffer of
// concatenated UTF-8 JSON with lengths (cheap to transfer between threads, stored by the cache as they are).

import { storableStamp } from "../cache/index.ts";
import type { FileFacts, FileStatus } from "./facts.ts";
import { factsWithHash, readWithStat } from "./factsOfFile.ts";

export interface ChunkRequest {
  id: number;
  paths: string[];
  /** null: not stat'ed yet (a cold scan leaves the stat to the thread that reads the file). */
  stamps: (string | null)[];
  /** Files larger than this are not read (status too-large); absent: extractFacts' default. */
  maxBytes?: number;
}

export interface ChunkReply {
  id: number;
  paths: string[];
  stamps: string[];
  hashes: string[];
  statuses: FileStatus[];
  lengths: number[];
  buffer: ArrayBuffer;
}

const encoder = new TextEncoder();

/** O(bytes of the chunk's files). `keep` (main thread only) receives the facts objects too, so the ones made
 *  here are never parsed back. */
export function encodeChunk(req: ChunkRequest, keep?: FileFacts[]): ChunkReply {
  const parts: Uint8Array[] = [];
  const hashes: string[] = [];
  const statuses: FileStatus[] = [];
  const lengths: number[] = [];
  const stamps: string[] = [];
  let total = 0;
  for (let i = 0; i < req.paths.length; i++) {
    const path = req.paths[i] as string;
    let stamp = req.stamps[i] ?? null;
    // A cold scan stats the file it reads: fstat of the open file, before its bytes are read (if the file changes
    // in between, the stamp is the older one and the next scan re-hashes).
    const read = stamp === null ? readWithStat(path) : null;
    if (stamp === null) stamp = read ? storableStamp(read.stat) : "";
    stamps.push(stamp);
    const { facts, hash } = factsWithHash(path, read?.bytes, req.maxBytes);
    keep?.push(facts);
    const bytes = encoder.encode(JSON.stringify(facts));
    parts.push(bytes);
    hashes.push(hash);
    statuses.push(facts.status);
    lengths.push(bytes.length);
    total += bytes.length;
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return { id: req.id, paths: req.paths, stamps, hashes, statuses, lengths, buffer: out.buffer };
}
