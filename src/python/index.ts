// The python stage's public face: source bytes in, FileFacts out (docs/facts.md defines them), and the facts store
// that keeps them across scans, extracted in parallel. Nothing here knows about pytest's config or graphs.
export { confirmSyntax } from "./compileCheck.ts";
export { type ConfirmedFactsOptions, confirmedFacts } from "./confirmedFacts.ts";
export { type DefinitionShape, definitionShapes } from "./definitionShapes.ts";
export { type ExtractOptions, emptyFacts, extractFacts, factsOfText, readFileFacts } from "./extractFacts.ts";
export type * from "./facts.ts";
export type { PoolOptions } from "./factsPool.ts";
export { contentHash, type EncodedFacts, FactsStore } from "./factsStore.ts";
export { type LogicalLine, logicalLines, type NameUse, nameUses } from "./nameUses.ts";
export { ALWAYS_BUILTIN } from "./neverFailingReads.ts";
export { prepareFacts } from "./prepareFacts.ts";
export { emptyPytestFacts } from "./pytestFacts.ts";
export {
  combineCondition,
  evaluateCondition,
  type InterpreterTraits,
  settleStaticBranches,
} from "./staticBranches.ts";
