// The shape of remedy's own configuration as written in TOML (`[tool.remedy]` of pyproject.toml, or the top level
// of remedy.toml): one zod schema that validates the file and emits schema/remedy-config.schema.json for editors.
// Keys are kebab-case as in ruff's configuration; unknown keys are errors (a typo must not silently do nothing).
import { z } from "zod";

const CONTRACT_KINDS = ["independent", "layers", "forbidden", "public"] as const;
const CRITICALITIES = ["low", "medium", "high", "critical"] as const;

const dottedList = z.array(z.string().min(1));

export const contractSchema = z
  .strictObject({
    name: z.string().min(1).describe("How findings name the contract."),
    kind: z
      .enum(CONTRACT_KINDS)
      .describe(
        "independent: the modules do not import one another; layers: a module imports only layers listed after it; " +
          "forbidden: the modules do not import `forbidden`; public: others import only the `public` submodules.",
      ),
    modules: dottedList.min(1).describe("Dotted module names (their submodules included). layers: highest first."),
    forbidden: dottedList.optional().describe("forbidden: the modules `modules` must not import."),
    public: dottedList.optional().describe('public: the submodules of each module others may import, e.g. ["api"].'),
    ignore: z
      .array(z.string().regex(/^\s*[\w.]+\s*->\s*[\w.]+\s*$/, "expected 'importer -> imported'"))
      .optional()
      .describe("Imports allowed despite the contract: 'importer -> imported' dotted module pairs."),
  })
  .describe("An import contract in the spirit of import-linter and tach.");

export const flowSchema = z.strictObject({
  name: z.string().min(1),
  criticality: z.enum(CRITICALITIES),
  paths: z.array(z.string()).optional().describe("Repository-relative globs of test files."),
  markers: z.array(z.string()).optional().describe("pytest marker names."),
});

export const auditSchema = z.strictObject({
  ignore: z
    .array(z.string())
    .optional()
    .describe("Repository-relative globs left out of the audit, on top of tests, fixtures and vendored code."),
  "ignore-names": z.array(z.string()).optional().describe("Names never reported as duplicate definitions."),
  "include-tests": z.boolean().optional().describe("Audit tests, fixtures and vendored code too (default false)."),
  "min-duplicates": z
    .int()
    .min(2)
    .optional()
    .describe("Definitions of one name needed for a duplicate-definition finding (default 2)."),
});

export const remedyConfigSchema = z
  .strictObject({
    services: z
      .record(z.string(), z.array(z.string().min(1)).min(1))
      .optional()
      .describe("Service name -> repository-relative directories whose modules belong to it."),
    shared: z
      .array(z.string().min(1))
      .optional()
      .describe("Repository-relative directories of shared code every service may import."),
    contracts: z.array(contractSchema).optional(),
    audit: auditSchema.optional(),
    flows: z.array(flowSchema).optional().describe("Business flows for the report's impact section."),
  })
  .describe("remedy's configuration: [tool.remedy] in pyproject.toml, or the top level of remedy.toml.");

export type RemedyConfigToml = z.infer<typeof remedyConfigSchema>;

/** The JSON Schema editors validate the TOML table against (scripts/remedy-config-schema.ts writes it). */
export function remedyConfigJsonSchema(): Record<string, unknown> {
  const { $schema, ...rest } = z.toJSONSchema(remedyConfigSchema, { io: "input" });
  return {
    $schema,
    $id: "https://github.com/remedy/remedy/schema/remedy-config.schema.json",
    title: "remedy configuration",
    ...rest,
  };
}
