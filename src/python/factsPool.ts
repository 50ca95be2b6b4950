// Cold scans extract the facts of thousands of files: the work is split in chunks between the main thread and
// worker threads (one per idle core beyond two, at most 2), each chunk handed to whoever is free. Workers cost a
// start-up (loading the scanner), so they are used only for enough files. O(total bytes / threads).
import { availableParallelism, loadavg } from "node:os";
import { extname } from "node:path";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { FileFacts } from "./facts.ts";
import { type ChunkReply, type ChunkRequest, encodeChunk } from "./factsChunk.ts";
import type { EncodedFacts } from "./factsStore.ts";

/** Below this many files the workers' start-up costs more than it saves. */
export const MIN_FILES_FOR_WORKERS = 400;
const CHUNK = 64;

export interface PoolOptions {
  /** Worker threads to start (default: spare cores, at most 2; 0 extracts on the main thread only). */
  workers?: number;
  /** The main thread takes chunks too (default true; false leaves all to the workers, as tests need). */
  mainThread?: boolean;
  /** Files larger than this are not read (status too-large); absent: extractFacts' default. */
  maxBytes?: number;
}

/** One worker per core that is actually idle (cores minus the 1-minute load average, this process included),
 *  beyond two: the main thread's own second core is not idle during a cold scan (V8's concurrent GC and
 *  compiler threads, the interpreter probe), and a worker's facts must be parsed back. Measured on a 2-core
 *  machine (mono-10000, 4 interleaved runs each): no worker 3.21 s (CPU 4.9 s), one worker 3.33 s (CPU 6.0 s). */
function defaultWorkers(files: number): number {
  if (files < MIN_FILES_FOR_WORKERS) return 0;
  const cores = availableParallelism();
  const spare = cores - 1 - (loadavg()[0] ?? 0);
  return Math.max(0, Math.min(2, cores - 2, Math.floor(spare)));
}

/** The worker runs the module beside this one: factsWorker.js when built; when run from source (.ts under tsx)
 *  the worker registers tsx itself first, as Node 20 does not pass `--import` loaders on to worker threads. */
function startWorker(): Worker {
  const ext = extname(fileURLToPath(import.meta.url));
  const url = new URL(`./factsWorker${ext}`, import.meta.url);
  if (ext !== ".ts") return new Worker(url);
  const boot = `import("tsx/esm/api").then((t) => { t.register(); return import(${JSON.stringify(url.href)}); })`;
  return new Worker(boot, { eval: true });
}

/** Facts of `files` (path and the stamp seen when it was checked), delivered through `onFacts` as encoded.
 *  Returns how many files worker threads extracted. */
export async function extractAll(
  files: { path: string; stamp: string | null }[],
  onFacts: (path: string, encoded: EncodedFacts, facts?: FileFacts) => void,
  options: PoolOptions = {},
): Promise<number> {
  const chunks: ChunkRequest[] = [];
  for (let i = 0; i < files.length; i += CHUNK) {
    const slice = files.slice(i, i + CHUNK);
    chunks.push({
      id: chunks.length,
      paths: slice.map((f) => f.path),
      stamps: slice.map((f) => f.stamp),
      ...(options.maxBytes === undefined ? {} : { maxBytes: options.maxBytes }),
    });
  }
  let next = 0;
  /** Chunks a failed worker did not finish: the main thread does them. */
  const returned: ChunkRequest[] = [];
  const take = (): ChunkRequest | null => returned.pop() ?? (next < chunks.length ? (chunks[next++] ?? null) : null);
  const accept = (r: ChunkReply, objects?: FileFacts[]): void => {
    const all = new Uint8Array(r.buffer);
    let at = 0;
    for (let i = 0; i < r.paths.length; i++) {
      const len = r.lengths[i] ?? 0;
      const hash = r.hashes[i] ?? "";
      if (hash !== "") {
        onFacts(
          r.paths[i] as string,
          {
            stamp: r.stamps[i] ?? "",
            hash,
            status: r.statuses[i] ?? "ok",
            bytes: all.subarray(at, at + len),
          },
          objects?.[i],
        );
      }
      at += len;
    }
  };

  const count = options.workers ?? defaultWorkers(files.length);
  const running: Promise<void>[] = [];
  let byWorkers = 0;
  const fromWorker = (r: ChunkReply): void => {
    byWorkers += r.paths.length;
    accept(r);
  };
  for (let w = 0; w < count && chunks.length > 1; w++) running.push(runWorker(take, fromWorker, returned));
  // The main thread works too, yielding between chunks so that replies and requests of the workers are served,
  // and so are the child processes a scan starts meanwhile (the interpreter probe): a loop blocked for longer
  // than their timeout made Node kill them and drop what they had printed (a 36,000-file tree: "it printed
  // nothing").
  const mainWorks = options.mainThread ?? true;
  for (let chunk = mainWorks || running.length === 0 ? take() : null; chunk; chunk = take()) {
    const objects: FileFacts[] = [];
    accept(encodeChunk(chunk, objects), objects);
    await new Promise((r) => setImmediate(r));
  }
  await Promise.all(running);
  for (let chunk = take(); chunk; chunk = take()) {
    const objects: FileFacts[] = [];
    accept(encodeChunk(chunk, objects), objects);
  }
  return byWorkers;
}

/** A worker that fails (cannot start, crashes) hands its chunk back and stops; the scan goes on without it. */
function runWorker(
  take: () => ChunkRequest | null,
  accept: (r: ChunkReply) => void,
  returned: ChunkRequest[],
): Promise<void> {
  return new Promise((resolve) => {
    const worker = startWorker();
    let current: ChunkRequest | null = null;
    const send = () => {
      current = take();
      worker.postMessage(current);
      if (current === null) resolve();
    };
    worker.on("message", (reply: ChunkReply) => {
      accept(reply);
      send();
    });
    const giveBack = () => {
      if (current !== null) returned.push(current);
      current = null;
      resolve();
    };
    worker.on("error", giveBack);
    worker.on("exit", giveBack);
    worker.on("online", send);
  });
}
