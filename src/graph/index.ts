// The graph stage's public face: module resolution and the import-time model of a pytest session.
export {
  type ChainStep,
  type CollectionModel,
  FAILURE_KINDS,
  type FailureKind,
  type FileOutcome,
  type ImportFailure,
} from "./collectionModel.ts";
export type { GetFacts, GraphInput, ImportMode, InstalledDistribution } from "./graphInput.ts";
export { buildCollectionModel, createSession, type ModelOptions } from "./importTimeModel.ts";
export { type EntryKind, ModuleIndex, projectNames } from "./moduleIndex.ts";
export { absoluteEntry, evaluatePathExpr } from "./pathEvaluation.ts";
export { moduleNameFor, resolvePackagePath } from "./pytestImport.ts";
export { BUILTIN_NAMES, DEFAULT_BUILTIN_MODULES } from "./pythonNames.ts";
export {
  findSpec,
  isSitePackages,
  type ModuleKind,
  type Origin,
  OriginClassifier,
  type Resolution,
  type ResolvedName,
  resolveModuleName,
} from "./resolveImport.ts";
export { addMatchedNames } from "./sourceLines.ts";
