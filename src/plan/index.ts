// The plan stage's public face: workstreams from findings (after analyze, before report), the brief each
// workstream is handed, and the effort model they are balanced with.
export { workstreamBrief } from "./brief.ts";
export { auditEffort, EFFORT_MODEL, EFFORT_REASONS, findingEffort } from "./estimatedEffort.ts";
export { planSummary } from "./planSummary.ts";
export type { Plan, PlanItem, Workstream } from "./workstream.ts";
export { type PlanInput, planWorkstreams } from "./workstreams.ts";
