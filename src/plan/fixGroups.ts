// Work items that must be done by one workstream: those whose fixes edit a common file (two streams editing one
// file would conflict), those where one unblocks another (an error hidden behind another in the same test file
// is only seen, and only provably fixed, once the first is fixed), and every fix in the environment (installing
// the missing distributions is one task). Union-find over these relations.
// A gate, a finding that blocks every test file (the session stops: a start-up conftest or configuration error),
// joins nothing through the hidden-behind relation: every other finding is behind it, and following it would leave
// a single workstream. It is done first by its stream; the others verify once it is fixed (the plan's notes).
import type { WorkItem } from "./workItems.ts";

export interface FixGroup {
  /** The smallest finding id in the group: a deterministic name for ties. */
  key: string;
  items: WorkItem[];
  effort: number;
  /** True when the group holds a collection finding (planned before audit-only groups). */
  collection: boolean;
}

class UnionFind {
  private readonly parent: number[];
  constructor(size: number) {
    this.parent = Array.from({ length: size }, (_, i) => i);
  }
  find(i: number): number {
    let root = i;
    while (this.parent[root] !== root) root = this.parent[root]!;
    // Path compression: later finds are direct.
    while (this.parent[i] !== root) [i, this.parent[i]] = [this.parent[i]!, root];
    return root;
  }
  union(a: number, b: number): void {
    const [ra, rb] = [this.find(a), this.find(b)];
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

/** Joins every item to the first item seen with the same key. */
function joinBy(items: WorkItem[], uf: UnionFind, keys: (item: WorkItem) => string[]): Map<string, number> {
  const first = new Map<string, number>();
  items.forEach((item, i) => {
    for (const key of keys(item)) {
      const seen = first.get(key);
      if (seen === undefined) first.set(key, i);
      else uf.union(seen, i);
    }
  });
  return first;
}

/** A finding that blocks every test file (of more than one): the session stops at it. */
export function isGate(item: WorkItem, testFiles: number): boolean {
  return testFiles > 1 && item.blocks.length >= testFiles;
}

const ENVIRONMENT = "\0environment";

export function fixGroups(items: WorkItem[], testFiles: number): FixGroup[] {
  const uf = new UnionFind(items.length);
  joinBy(items, uf, (item) => (item.environment ? [...item.files, ENVIRONMENT] : item.files));
  // Test file -> an item that blocks it today; an item hidden in that file joins it (unless that one is a gate).
  const blockers = joinBy(items, uf, (item) => (isGate(item, testFiles) ? [] : item.blocks));
  items.forEach((item, i) => {
    for (const file of item.hiddenIn) {
      const blocker = blockers.get(file);
      if (blocker !== undefined) uf.union(blocker, i);
    }
  });
  const byRoot = new Map<number, WorkItem[]>();
  items.forEach((item, i) => {
    const root = uf.find(i);
    byRoot.set(root, [...(byRoot.get(root) ?? []), item]);
  });
  return [...byRoot.values()].map((members) => ({
    key: members.map((m) => m.finding).sort()[0]!,
    items: members,
    effort: members.reduce((sum, m) => sum + m.effort, 0),
    collection: members.some((m) => m.phase !== "architecture"),
  }));
}
