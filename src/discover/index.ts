// discover's public face: what pytest itself would decide about a repository (rootdir, config, collected files,
// conftests, markers, sys.path), determined statically. Nothing here imports graph/analyze.

export type { IgnoredPath } from "./collectFiles.ts";
export { ancestors } from "./conftestChain.ts";
export { ConfigError } from "./errors.ts";
export { statOrNull } from "./fsStat.ts";
export type { Distribution, EntryPoint, InterpreterInfo } from "./interpreter.ts";
export { cacheDir, findExecutable, InterpreterError, inspectInterpreter } from "./interpreter.ts";
export type { IniKeyEntry, MarkerEntry, OptionEntry, RegistrationKind } from "./markerRegistry.ts";
export { markerName } from "./markerRegistry.ts";
export { firstMissingPart } from "./moduleOnPath.ts";
export type { PluginSource } from "./plugins.ts";
export { pytestRules } from "./pytestRules.ts";
export { pytestRootdir, pytestView } from "./pytestView.ts";
export {
  type BusinessFlow,
  type Contract,
  type ContractKind,
  DEFAULT_REMEDY_CONFIG,
  type InferredService,
  type RemedyConfig,
} from "./remedyConfig.ts";
export { readRemedyConfig } from "./remedyConfigFile.ts";
export { remedyConfigJsonSchema } from "./remedyConfigSchema.ts";
export { inferServiceRoots } from "./serviceRoots.ts";
export type { PytestOptions } from "./settings.ts";
export { startupModules } from "./startupModules.ts";
export { interpreterKey, missingKey, type NameQuery, queryKey, readEntries, StdlibNames } from "./stdlibNames.ts";
export type { InterpreterSummary, Invocation, PytestView, PytestViewOptions } from "./types.ts";
export type { FilterImportFailure, UnknownMarkPolicy } from "./warningFilters.ts";
export { filterImportFailures } from "./warningFilters.ts";
