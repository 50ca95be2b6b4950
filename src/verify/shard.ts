// One slice of a suite's test files, so that a CI matrix of N jobs runs each file exactly once: the files sorted,
// then every N-th from the K-th. Deterministic from the file list alone; remedy never schedules processes itself.
import { RemedyError } from "../errors.ts";

export interface Shard {
  /** 1-based: which slice. */
  index: number;
  count: number;
}

export class ShardSpecError extends RemedyError {
  override name = "ShardSpecError";
  constructor(readonly spec: string) {
    super(`--shard ${spec}: expected K/N with whole numbers 1 <= K <= N (e.g. --shard 2/4)`);
  }
}

/** Reads "K/N". */
export function parseShard(spec: string): Shard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(spec);
  const index = m ? Number(m[1]) : 0;
  const count = m ? Number(m[2]) : 0;
  if (!m || index < 1 || count < 1 || index > count) throw new ShardSpecError(spec);
  return { index, count };
}

/** The files of `shard`: sorted by code unit (the same on every machine), every `count`-th from `index`. */
export function shardFiles(files: readonly string[], shard: Shard): string[] {
  return [...new Set(files)].sort().filter((_, i) => i % shard.count === shard.index - 1);
}
