// The generator's model of a monorepo before any text is written: packages, modules, definitions and imports.
// Breakages edit this model; the renderers turn it into files. Everything a breakage needs to aim is here.
import type { Flavour } from "./vocabulary.ts";

/** Layering that keeps the clean tree acyclic: a module imports at module level only from lower ranks. */
export type Area = "shared" | "libs" | "services" | "tests";

export type DefKind = "dataclass" | "enum" | "class" | "base" | "function" | "factory" | "constant" | "exception";

export interface PyDef {
  name: string;
  kind: DefKind;
  /** Names read when the definition executes (bases, decorators, defaults): a missing one fails the import. */
  moduleReads: string[];
  /** Dataclass fields, enum members, constant value words. */
  members: string[];
  /** Method or helper names (classes) / parameter names (functions). */
  methods: string[];
  /** For a dataclass field default `status: S = S.MEMBER`: [fieldIndex, enumName, member]. */
  enumDefault?: [string, string, string];
}

export type Placement = "module" | "typeChecking" | "function";

/** One imported name, with what the importer knows about it (how to use it in code). */
export interface ImportedSymbol {
  name: string;
  /** "module": `from pkg import submodule`, the name is a submodule of the spec's module. */
  kind: DefKind | "module";
  /** An enum member or a field name the importer may read; for a submodule, one of its definitions. */
  member: string | null;
}

export interface ImportSpec {
  /** Dotted target module (a package's dotted name when importing through its __init__). */
  module: string;
  symbols: ImportedSymbol[];
  /** 0: absolute `from a.b import X`; n>0: relative with n dots. */
  level: number;
  placement: Placement;
  /** True for a `from pkg import X` that goes through the package's __init__ re-export. */
  viaInit: boolean;
  /** `from .m import *` in an __init__.py: `symbols` lists what it brings in, none of which can fail. */
  star?: boolean;
  /** Set by the module-level-cycle breakage. */
  breakage?: string;
}

export type ModuleKind = "source" | "init" | "test" | "conftest" | "support";

export interface ModulePlan {
  /** Repository-relative path with forward slashes. */
  file: string;
  dotted: string;
  kind: ModuleKind;
  area: Area;
  flavour: Flavour | "test";
  rank: number;
  /** Dotted package that holds it (for an __init__.py: its own package). */
  pkg: string;
  defs: PyDef[];
  imports: ImportSpec[];
  futureAnnotations: boolean;
  /** conftest.py: `sys.path.insert(0, os.path.dirname(__file__))`. */
  sysPathInsert: boolean;
  /** Test modules and conftests: the parts only they have. */
  tests?: TestModulePlan;
  conftest?: ConftestPlan;
}

export interface TestFunctionPlan {
  name: string;
  markers: string[];
  /** Literal parametrize: argnames and the number of argvalues; several mean stacked decorators. */
  parametrize: Array<{ argnames: string[]; size: number }>;
  fixtures: string[];
}

export interface TestModulePlan {
  moduleMarkers: string[];
  functions: TestFunctionPlan[];
  classes: Array<{ name: string; markers: string[]; methods: TestFunctionPlan[] }>;
  /** A bare-name import of a support module made importable by a conftest's sys.path.insert. */
  supportImport: string | null;
}

export interface ConftestPlan {
  fixtures: Array<{ name: string; uses: string[]; scope: "function" | "module" | "session" }>;
  /** Markers registered with config.addinivalue_line in pytest_configure. */
  registersMarkers: string[];
  /** Root conftest: fixtures import first-party code inside their bodies only. */
  isRoot: boolean;
}

export interface RepoPlan {
  seed: number;
  modules: ModulePlan[];
  /** Markers in the config file's `markers` (name: description). */
  iniMarkers: string[];
  configFile: "pytest.ini" | "pyproject.toml";
  services: string[];
}

export function byDotted(plan: RepoPlan): Map<string, ModulePlan> {
  const map = new Map<string, ModulePlan>();
  for (const m of plan.modules) if (m.kind !== "conftest") map.set(m.dotted, m);
  return map;
}

export function markerName(spec: string): string {
  return spec.slice(0, spec.indexOf(":")).trim();
}
