// Shared beneath every stage: remedy's cache directory (<repo>/.remedy/), atomic writes and stat stamps. Each cache
// lives with the stage that owns its data and uses these: the facts store with python (src/python/factsStore.ts),
// the interpreter's answers with discover, the last scan's result with scan (src/scan/scanCache.ts). Nothing here
// imports a stage.
export {
  CACHE_FORMAT,
  cacheDirOf,
  ensureCacheDir,
  readOrNull,
  remedyFingerprint,
  writeAtomic,
  writeAtomicAsync,
} from "./cacheFiles.ts";
export { stampOf, stampPath, storableStamp } from "./stamp.ts";
