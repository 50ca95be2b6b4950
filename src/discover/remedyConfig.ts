// remedy's own configuration: `[tool.remedy]` in pyproject.toml, or remedy.toml (same keys at its top level) in the
// rootdir. Read by the audit (services, contracts, ignore lists), the report (business flows) and the plan.
// Validated with clear errors (ConfigFileError); its JSON Schema is schema/remedy-config.schema.json.

export type ContractKind = "independent" | "layers" | "forbidden" | "public";

export interface Contract {
  name: string;
  kind: ContractKind;
  /** independent: these modules (and their submodules) must not import one another.
   *  layers: higher first; a module may import only layers below it. */
  modules: string[];
  /** forbidden: modules that `modules` must not import. */
  forbidden?: string[];
  /** public: the only submodules of `modules` others may import (e.g. ["api"] for services.auth.api). */
  public?: string[];
  /** Imports that are allowed despite the contract: "importer -> imported" dotted module pairs. */
  ignore?: string[];
}

/** A user flow or area of the business for the report's impact section: tests in these paths or with these markers. */
export interface BusinessFlow {
  name: string;
  criticality: "low" | "medium" | "high" | "critical";
  /** Repository-relative globs of test files. */
  paths?: string[];
  /** Marker names. */
  markers?: string[];
}

/** A service or shared package remedy inferred from the tree (src/discover/serviceRoots.ts), used when the
 *  configuration names no services. */
export interface InferredService {
  name: string;
  /** Repository-relative directory, forward slashes. */
  path: string;
  kind: "service" | "shared";
  /** What made it a service: deployment files and the first test file or tests directory found (relative to it). */
  evidence: string[];
}

export interface RemedyConfig {
  /** Where it was read from (repository-relative), or null when there is none (defaults apply). */
  source: string | null;
  /** service name -> repository-relative directories. */
  services: Record<string, string[]>;
  /** Repository-relative directories of shared code any service may import. */
  shared: string[];
  contracts: Contract[];
  audit: {
    /** Repository-relative globs left out of the audit, on top of the defaults (tests, fixtures, vendored code). */
    ignore: string[];
    /** Concept names never reported as duplicates (e.g. "Config", "main"). */
    ignoreNames: string[];
    /** Leave tests, fixtures and vendored code in (default false). */
    includeTests: boolean;
    /** Minimum number of definitions for duplicate-definition (default 2). */
    minDuplicates: number;
  };
  flows: BusinessFlow[];
  /** Filled by readRemedyConfig when `services` is empty: services inferred from the tree. Absent: not inferred
   *  (hand-built configurations, tests). */
  inferredServices?: InferredService[];
}

export const DEFAULT_REMEDY_CONFIG: RemedyConfig = {
  source: null,
  services: {},
  shared: [],
  contracts: [],
  audit: { ignore: [], ignoreNames: [], includeTests: false, minDuplicates: 2 },
  flows: [],
};
