// A finding as every reporter reads it: the fields of findingFields.ts with a kind that is one of the registry's
// (src/analyze/analyzerRegistry.ts: one kind file each, the type follows the list by itself).
import type { FindingKind } from "./analyzerRegistry.ts";
import type { FindingOf } from "./findingFields.ts";

export type { Category, ChainStep, FailureCause, Suggestion } from "./findingFields.ts";
export type { FindingKind };

export type Finding = FindingOf<FindingKind>;
