// Worker thread of factsPool.ts: extracts the facts of the chunks of files it is sent and posts them back as one
// transferred buffer of UTF-8 JSON per chunk (no structured clone of object graphs).
import { parentPort } from "node:worker_threads";
import { type ChunkRequest, encodeChunk } from "./factsChunk.ts";

parentPort?.on("message", (req: ChunkRequest | null) => {
  if (req === null) {
    parentPort?.close();
    return;
  }
  const reply = encodeChunk(req);
  parentPort?.postMessage(reply, [reply.buffer]);
});
