// Facts of a repository's Python files, kept across scans in <repo>/.remedy/facts/ keyed by content: a file
// whose size+mtime+inode are unchanged is trusted; otherwise its bytes are hashed and only a changed hash is
// re-scanned. Facts stay encoded (UTF-8 JSON) until a stage asks for them, so files nobody reads cost no parse
// and no heap. Paths are spread over SHARDS files so that one edited file rewrites 1/SHARDS of the cache.
// Shard layout: uint32 header length, header JSON, then the concatenated facts.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import {
  cacheDirOf,
  ensureCacheDir,
  readOrNull,
  remedyFingerprint,
  storableStamp,
  writeAtomic,
  writeAtomicAsync,
} from "../cache/index.ts";
import { readFileFacts } from "./extractFacts.ts";
import type { FileFacts, FileStatus } from "./facts.ts";

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

const SHARDS = 32;

/** FNV-1a of the path, modulo SHARDS: stable across runs and platforms. */
function shardOf(path: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < path.length; i++) h = Math.imul(h ^ path.charCodeAt(i), 0x01000193);
  return (h >>> 0) % SHARDS;
}

const shardName = (n: number) => `${n.toString(16).padStart(2, "0")}.bin`;

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
  private readonly dirty = new Set<number>();
  /** Files refreshed this scan whose facts are what they were (same bytes, or same facts after an edit that
   *  did not change them, e.g. a comment or a function body of the same length): nothing downstream changes. */
  private readonly same = new Set<string>();
  /** The previous facts of files re-extracted this scan, to tell a real change from an irrelevant edit. */
  private readonly before = new Map<string, Uint8Array>();
  /** Set when the cache file existed but was corrupt or written by another version of remedy. */
  discarded = false;
  /** Paths decodeAhead() has still to decode (null: not listed yet). */
  private ahead: string[] | null = null;

  /** `dir`: where the shards live; null keeps everything in memory (nothing read or written). */
  /** Shard files present on disk; each is read the first time one of its paths is looked at. */
  private readonly onDisk = new Set<string>();
  private readonly loaded = new Set<number>();

  /** `maxBytes`: files larger than this are not read (status too-large, never cached); absent: the default. */
  constructor(
    readonly dir: string | null,
    readonly maxBytes?: number,
  ) {
    if (!dir) return;
    try {
      for (const name of readdirSync(dir)) this.onDisk.add(name);
    } catch {
      // No cache yet.
    }
  }

  /** The stored facts of `path`, reading its shard on first use. */
  private entry(path: string): EncodedFacts | undefined {
    const n = shardOf(path);
    if (!this.loaded.has(n)) {
      this.loaded.add(n);
      if (this.dir && this.onDisk.has(shardName(n))) this.load(n, join(this.dir, shardName(n)));
    }
    return this.stored.get(path);
  }

  private loadAll(): void {
    for (let n = 0; n < SHARDS; n++) {
      if (this.loaded.has(n)) continue;
      this.loaded.add(n);
      if (this.dir && this.onDisk.has(shardName(n))) this.load(n, join(this.dir, shardName(n)));
    }
  }

  /** Starts another scan with this store (a ScanSession keeps it between scans): what the store knows and has
   *  decoded stays, what one scan found out about its files is forgotten. */
  beginScan(): void {
    this.asked.clear();
    this.same.clear();
    this.before.clear();
    this.discarded = false;
  }

  static forRepo(rootdir: string, enabled: boolean, maxBytes?: number): FactsStore {
    return new FactsStore(enabled ? join(cacheDirOf(rootdir), "facts") : null, maxBytes);
  }

  private touch(path: string): void {
    this.dirty.add(shardOf(path));
  }

  /** O(shard size): one read, one header parse; the facts themselves are sliced lazily. A corrupt or foreign
   *  shard is dropped (its files are extracted again) and rewritten. */
  private load(shard: number, file: string): void {
    const buf = readOrNull(file);
    if (!buf) return;
    const added: string[] = [];
    try {
      const len = buf.readUInt32LE(0);
      const header = JSON.parse(buf.toString("utf8", 4, 4 + len)) as Header;
      if (header.fingerprint !== remedyFingerprint() || !Array.isArray(header.entries)) throw new Error("foreign");
      const body = 4 + len;
      for (const [path, stamp, hash, status, offset, length] of header.entries) {
        if (body + offset + length > buf.length) throw new Error("truncated");
        if (shardOf(path) !== shard) throw new Error("misplaced");
        this.stored.set(path, { stamp, hash, status, bytes: buf.subarray(body + offset, body + offset + length) });
        added.push(path);
      }
    } catch {
      for (const p of added) this.stored.delete(p);
      this.discarded = true;
      this.dirty.add(shard);
    }
  }

  /** Checks each path against the cache: O(n) stats, plus a read and hash for each file whose stamp changed.
   *  Returns the files whose facts must be extracted. */
  refresh(paths: string[]): Pending[] {
    if (this.onDisk.size === 0 && this.stored.size === 0) return paths.map((path) => ({ path, stamp: null }));
    const pending: Pending[] = [];
    const now = Date.now();
    for (const path of paths) {
      const hit = this.entry(path);
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
          this.same.add(path);
          if (hit.stamp !== stamp) {
            hit.stamp = stamp;
            this.touch(path);
          }
          continue;
        }
      }
      if (hit) this.before.set(path, hit.bytes);
      if (this.stored.delete(path)) this.touch(path);
      this.decoded.delete(path);
      pending.push({ path, stamp });
    }
    return pending;
  }

  /** `facts`: the object the encoding was made from, when the caller has it (saves parsing it back). */
  put(path: string, encoded: EncodedFacts, facts?: FileFacts): void {
    const old = this.before.get(path);
    if (old && Buffer.compare(old, encoded.bytes) === 0) this.same.add(path);
    this.entry(path);
    this.stored.set(path, encoded);
    if (facts) this.decoded.set(path, facts);
    else this.decoded.delete(path);
    this.touch(path);
  }

  /** The stamp the stored facts were made or checked with ("" or undefined: not to be trusted). */
  stampOf(path: string): string | undefined {
    return this.entry(path)?.stamp;
  }

  /** True when `path` was refreshed this scan and its facts did not change. */
  /** Every stored file whose encoded facts contain `needle` (a byte search: nothing is decoded). O(store). */
  pathsWhoseFactsContain(needle: string): string[] {
    this.loadAll();
    const bytes = encoder.encode(needle);
    const out: string[] = [];
    for (const [path, e] of this.stored)
      if (Buffer.from(e.bytes.buffer, e.bytes.byteOffset, e.bytes.length).indexOf(bytes) >= 0) out.push(path);
    return out;
  }

  /** The facts a file re-extracted this scan had before it (null when the store had none). */
  previousFacts(path: string): FileFacts | null {
    const bytes = this.before.get(path);
    return bytes ? (JSON.parse(decoder.decode(bytes)) as FileFacts) : null;
  }

  unchangedFacts(path: string): boolean {
    return this.same.has(path);
  }

  /** The status recorded for a file without decoding its facts (null when the store does not hold it). */
  status(path: string): FileStatus | null {
    return this.decoded.get(path)?.status ?? this.entry(path)?.status ?? null;
  }

  /** Facts of `path`: decoded from the store, or extracted now (and stored) when the store does not hold it. */
  get(path: string): FileFacts {
    this.asked.add(path);
    let facts = this.decoded.get(path);
    if (facts) return facts;
    const enc = this.entry(path);
    if (enc) facts = JSON.parse(decoder.decode(enc.bytes)) as FileFacts;
    else {
      facts = readFileFacts(path, { maxBytes: this.maxBytes });
      let stamp = "";
      let hash = "";
      try {
        stamp = storableStamp(statSync(path));
        hash = contentHash(readFileSync(path));
      } catch {}
      if (hash && facts.status !== "too-large") this.put(path, encodeFacts(facts, stamp, hash));
    }
    this.decoded.set(path, facts);
    return facts;
  }

  /** Decodes up to `limit` stored facts that are not decoded yet, without counting them as asked for: a watch
   *  uses its idle time so that its next rescan decodes nothing. Returns how many are left. O(limit). */
  decodeAhead(limit: number): number {
    if (this.ahead === null) {
      this.loadAll();
      this.ahead = [...this.stored.keys()].filter((p) => !this.decoded.has(p));
    }
    for (let n = 0; n < limit && this.ahead.length > 0; n++) {
      const path = this.ahead.pop() as string;
      const enc = this.stored.get(path);
      if (enc && !this.decoded.has(path)) this.decoded.set(path, JSON.parse(decoder.decode(enc.bytes)) as FileFacts);
    }
    return this.ahead.length;
  }

  requested(): Set<string> {
    return this.asked;
  }

  /** Writes the shards that changed, keeping only `keep` paths (files that left the repository drop out).
   *  O(paths) + O(encoded size of the changed shards). Returns the number of shards written. */
  save(keep: Set<string>): number {
    let written = 0;
    for (const [file, data] of this.changedShards(keep)) if (writeAtomic(file, data)) written++;
    return written;
  }

  /** save() with the writes done asynchronously: the shards are assembled now (later changes mark them dirty
   *  again), the file system works while the scan goes on. */
  async saveAsync(keep: Set<string> | null): Promise<number> {
    const results = await Promise.all(this.changedShards(keep).map(([file, data]) => writeAtomicAsync(file, data)));
    return results.filter(Boolean).length;
  }

  /** `keep` null: no pruning (files a later stage may still ask for stay). */
  private changedShards(keep: Set<string> | null): [string, Buffer][] {
    if (!this.dir) return [];
    if (keep) this.loadAll();
    for (const path of keep ? this.stored.keys() : []) {
      if (!keep?.has(path)) {
        this.stored.delete(path);
        this.touch(path);
      }
    }
    if (this.dirty.size === 0) return [];
    ensureCacheDir(dirname(this.dir));
    const groups = new Map<number, [string, EncodedFacts][]>();
    for (const n of this.dirty) groups.set(n, []);
    for (const [path, e] of this.stored) groups.get(shardOf(path))?.push([path, e]);
    const out: [string, Buffer][] = [];
    for (const [n, group] of groups) {
      const entries: HeaderEntry[] = [];
      let offset = 0;
      for (const [path, e] of group) {
        entries.push([path, e.stamp, e.hash, e.status, offset, e.bytes.length]);
        offset += e.bytes.length;
      }
      const header = Buffer.from(JSON.stringify({ fingerprint: remedyFingerprint(), entries } satisfies Header));
      const data = Buffer.allocUnsafe(4 + header.length + offset);
      data.writeUInt32LE(header.length, 0);
      header.copy(data, 4);
      let at = 4 + header.length;
      for (const [, e] of group) {
        data.set(e.bytes, at);
        at += e.bytes.length;
      }
      out.push([join(this.dir, shardName(n)), data]);
    }
    this.dirty.clear();
    return out;
  }
}
