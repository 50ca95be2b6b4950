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
}
