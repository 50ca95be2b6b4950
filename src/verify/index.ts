// The verify stage's public surface: run the real pytest's collection and read what it reported.
export type * from "./collectionReport.ts";
export { summarize } from "./collectionReport.ts";
export * from "./errors.ts";
export { pluginDir, type RunCollectionOptions, runCollection } from "./runCollection.ts";
