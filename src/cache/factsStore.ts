// Facts of a repository's Python files, kept across scans in <repo>/.remedy/facts.bin keyed by content: a file
// whose size+mtime+inode are unchanged is trusted; otherwise its bytes are hashed and only a changed hash is
// re-scanned. Facts stay encoded (UTF-8 JSON) until a stage asks for them, so files nobody reads cost no parse
// and no heap. Layout: uint32 header length, header JSON, then the concatenated facts.
import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import type { FileFacts, FileStatus } from "../python/facts.ts";
import { readFileFacts } from "../python/index.ts";
import { cacheDirOf, readOrNull, remedyFingerprint, writeAtomic } from "./cacheFiles.ts";
import { storableStamp } from "./stamp.ts";

/** One file's facts as stored: where its JSON lies in `bytes`, and what identifies the content it came from. */
export interface EncodedFacts {
  stamp: string;
  hash: string;
  status: FileStatus;
  bytes: Uint8Array;
}

/** [path, stamp, hash, status, offset, length] */
type HeaderEntry = [string, string, string, FileStatus, number, number];
interface Header {
  fingerprint: string;
  entries: HeaderEntry[];
}

export function contentHash(bytes: Uint8Array): string {
  return createHash("sha1").update(bytes).digest("base64url");
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export function encodeFacts(facts: FileFacts, stamp: string, hash: string): EncodedFacts {
  return { stamp, hash, status: facts.status, bytes: encoder.encode(JSON.stringify(facts)) };
}

/** Work still to do for a list of paths after the cache had its say: files to extract (with what was read). */
export interface Pending {
  path: string;
  /** null when not stat'ed: the extracting thread does it (an empty store needs no comparison). */
  stamp: string | null;
}

export class FactsStore {
  private readonly stored = new Map<string, EncodedFacts>();
  private readonly decoded = new Map<string, FileFacts>();
  /** Paths whose facts a stage asked for (files outside the project walk are kept in the store for them). */
  private readonly asked = new Set<string>();
  private dirty = false;
  /** Set when the cache file existed but was corrupt or written by another version of remedy. */
  discarded = false;

  constructor(readonly file: string | null) {
    if (file) this.load(file);
  }

  static forRepo(rootdir: string, enabled: boolean): FactsStore {
    return new FactsStore(enabled ? `${cacheDirOf(rootdir)}/facts.bin` : null);
  }

  /** O(cache size): one read, one header parse; the facts themselves are sliced lazily. */
  private load(file: string): void {
    const buf = readOrNull(file);
    if (!buf) return;
    try {
      const len = buf.readUInt32LE(0);
      const header = JSON.parse(buf.toString("utf8", 4, 4 + len)) as Header;
      if (header.fingerprint !== remedyFingerprint() || !Array.isArray(header.entries)) throw new Error("foreign");
      const body = 4 + len;
      for (const [path, stamp, hash, status, offset, length] of header.entries) {
        if (body + offset + length > buf.length) throw new Error("truncated");
        this.stored.set(path, { stamp, hash, status, bytes: buf.subarray(body + offset, body + offset + length) });
      }
    } catch {
      this.stored.clear();
      this.discarded = true;
      this.dirty = true;
    }
  }

  /** Checks each path against the cache: O(n) stats, plus a read and hash for each file whose stamp changed.
   *  Returns the files whose facts must be extracted. */
  refresh(paths: string[]): Pending[] {
    if (this.stored.size === 0) return paths.map((path) => ({ path, stamp: null }));
    const pending: Pending[] = [];
    const now = Date.now();
    for (const path of paths) {
      const hit = this.stored.get(path);
      let st: import("node:fs").Stats;
      try {
        st = statSync(path);
      } catch {
        pending.push({ path, stamp: "" });
        continue;
      }
      const stamp = storableStamp(st, now);
      if (hit && stamp !== "" && hit.stamp === stamp) continue;
      if (hit) {
        let bytes: Buffer | null = null;
        try {
          bytes = readFileSync(path);
        } catch {}
        if (bytes && contentHash(bytes) === hit.hash) {
          if (hit.stamp !== stamp) {
            hit.stamp = stamp;
            this.dirty = true;
          }
          continue;
        }
      }
      this.stored.delete(path);
      this.decoded.delete(path);
      pending.push({ path, stamp });
    }
    return pending;
  }

  put(path: string, encoded: EncodedFacts): void {
    this.stored.set(path, encoded);
    this.decoded.delete(path);
    this.dirty = true;
  }

  /** The stamp the stored facts were made or checked with ("" or undefined: not to be trusted). */
  stampOf(path: string): string | undefined {
    return this.stored.get(path)?.stamp;
  }

  /** The status recorded for a file without decoding its facts (null when the store does not hold it). */
  status(path: string): FileStatus | null {
    return this.decoded.get(path)?.status ?? this.stored.get(path)?.status ?? null;
  }

  /** Facts of `path`: decoded from the store, or extracted now (and stored) when the store does not hold it. */
  get(path: string): FileFacts {
    this.asked.add(path);
    let facts = this.decoded.get(path);
    if (facts) return facts;
    const enc = this.stored.get(path);
    if (enc) facts = JSON.parse(decoder.decode(enc.bytes)) as FileFacts;
    else {
      facts = readFileFacts(path);
      let stamp = "";
      let hash = "";
      try {
        stamp = storableStamp(statSync(path));
        hash = contentHash(readFileSync(path));
      } catch {}
      if (hash) this.put(path, encodeFacts(facts, stamp, hash));
    }
    this.decoded.set(path, facts);
    return facts;
  }

  requested(): Set<string> {
    return this.asked;
  }

  /** Writes the store when something changed, keeping only `keep` paths (files that left the repository drop
   *  out). O(total encoded size). Returns false when nothing was written. */
  save(keep: Set<string>): boolean {
    if (!this.file) return false;
    for (const path of this.stored.keys()) {
      if (!keep.has(path)) {
        this.stored.delete(path);
        this.dirty = true;
      }
    }
    if (!this.dirty) return false;
    const entries: HeaderEntry[] = [];
    let offset = 0;
    for (const [path, e] of this.stored) {
      entries.push([path, e.stamp, e.hash, e.status, offset, e.bytes.length]);
      offset += e.bytes.length;
    }
    const header = Buffer.from(JSON.stringify({ fingerprint: remedyFingerprint(), entries } satisfies Header));
    const out = Buffer.allocUnsafe(4 + header.length + offset);
    out.writeUInt32LE(header.length, 0);
    header.copy(out, 4);
    let at = 4 + header.length;
    for (const e of this.stored.values()) {
      out.set(e.bytes, at);
      at += e.bytes.length;
    }
    this.dirty = false;
    return writeAtomic(this.file, out);
  }
}
