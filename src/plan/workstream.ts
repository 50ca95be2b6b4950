// A remediation plan: the findings split into workstreams that can proceed in parallel without touching the same
// files. `remedy plan --json` prints a Plan; the report embeds it.

export interface PlanItem {
  /** The finding's id (a collection finding or an audit finding). */
  finding: string;
  /** One line: what to do. */
  title: string;
  /** Effort in the documented unit (estimatedEffort.ts): points, 1 point ~ half an hour of a person who knows Python. */
  effort: number;
  /** Files the fix edits (repository-relative). */
  files: string[];
  /** Commands that prove the item done (`remedy scan --only ID`, the pytest command for the affected files). */
  commands: string[];
  /** When to do it: "unblock" (a collection error pytest reports today), "hidden" (an error behind another one,
   *  seen once that one is fixed), "check-after" (a possible error: check its condition once the stream's errors are
   *  fixed), "architecture" (an audit finding: phase 2, after every collection blocker). */
  phase?: "unblock" | "hidden" | "check-after" | "architecture";
}

export interface Workstream {
  /** "ws-1", "ws-2", ... in decreasing order of tests unblocked. */
  id: string;
  title: string;
  /** Finding ids, in the order to do them. */
  findings: string[];
  /** Items in order (same order as `findings`). */
  order: PlanItem[];
  /** Files this workstream owns: only it edits them. */
  files: string[];
  /** Files other workstreams own: this one must not touch them. */
  mustNotTouch: string[];
  /** Commands that prove the whole workstream done. */
  commands: string[];
  effort: number;
  /** Tests this workstream unblocks once done. */
  unblocksTests: number;
}

export interface Plan {
  teams: number;
  workstreams: Workstream[];
  /** Effort per finding kind used for balancing, as documented. */
  effortModel: Record<string, number>;
  /** Sentences about the plan as a whole: e.g. fewer workstreams than teams asked for, and why. */
  notes?: string[];
}
