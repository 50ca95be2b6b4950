// Before the model is built: bring the facts store up to date for every Python file of the project, extracting
// the new and changed ones in parallel (a cold scan), reusing everything else. O(files) stats + O(changed bytes).
import { extractAll, type PoolOptions } from "./factsPool.ts";
import type { FactsStore } from "./factsStore.ts";

export async function prepareFacts(store: FactsStore, files: string[], options: PoolOptions = {}): Promise<number> {
  const pending = store.refresh(files);
  await extractAll(pending, (path, encoded, facts) => store.put(path, encoded, facts), {
    ...(store.maxBytes === undefined ? {} : { maxBytes: store.maxBytes }),
    ...options,
  });
  return pending.length;
}
