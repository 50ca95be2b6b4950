// What one process keeps between scans of the same repository (`remedy scan --watch`, an editor integration):
// the facts store, with every file's facts already decoded. A rescan after an edit then extracts the edited files
// and decodes nothing; the model and the analyzers run as in any scan. Without a session every scan starts from
// the cache on disk, which for a big repository means decoding all facts again (~0.3 s per 50 MB of source).
import { FactsStore } from "../cache/factsStore.ts";

export class ScanSession {
  private readonly stores = new Map<string, FactsStore>();

  /** The store of `rootdir` kept from the previous scan, or a new one. O(1). */
  factsStore(rootdir: string, useCache: boolean): FactsStore {
    const key = `${useCache ? "cache" : "memory"}\0${rootdir}`;
    const kept = this.stores.get(key);
    if (kept) {
      kept.beginScan();
      return kept;
    }
    const store = FactsStore.forRepo(rootdir, useCache);
    this.stores.set(key, store);
    return store;
  }
}
