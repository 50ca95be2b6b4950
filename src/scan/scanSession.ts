// What one process keeps between scans of the same repository (`remedy scan --watch`, an editor integration):
// the facts store, with every file's facts already decoded. A rescan after an edit then extracts the edited files
// and decodes nothing; the model and the analyzers run as in any scan. Without a session every scan starts from
// the cache on disk, which for a big repository means decoding all facts again (~0.3 s per 50 MB of source).
import { FactsStore } from "../python/index.ts";

/** Facts decoded per slice of decodeAhead(): about 10 ms of work, so that a file event waits no longer. */
const SLICE = 256;

export class ScanSession {
  private readonly stores = new Map<string, FactsStore>();

  /** The store of `rootdir` kept from the previous scan, or a new one. O(1). */
  factsStore(rootdir: string, useCache: boolean, maxBytes?: number): FactsStore {
    const key = `${useCache ? "cache" : "memory"}\0${rootdir}`;
    const kept = this.stores.get(key);
    if (kept && kept.maxBytes === maxBytes) {
      kept.beginScan();
      return kept;
    }
    const store = FactsStore.forRepo(rootdir, useCache, maxBytes);
    this.stores.set(key, store);
    return store;
  }

  /** Decodes the cached facts of `rootdir` that no scan has decoded yet, a slice at a time (the event loop runs
   *  between slices), until done or `stop()` says a scan is coming. A first scan that found the stored result
   *  decoded nothing; without this, the first rescan after an edit would decode every file (~1 s on 10,000). */
  async decodeAhead(rootdir: string, stop: () => boolean = () => false): Promise<void> {
    const store = this.stores.get(`cache\0${rootdir}`) ?? this.factsStore(rootdir, true);
    while (!stop() && store.decodeAhead(SLICE) > 0) await new Promise((r) => setImmediate(r));
  }
}
