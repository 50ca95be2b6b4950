// The plan stage's public face: workstreams from findings (after analyze, before report).
export type { Plan, PlanItem, Workstream } from "./workstream.ts";
