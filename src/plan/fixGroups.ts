// Work items that must be done by one workstream: those whose fixes edit a common file (two streams editing one
// file would conflict), and those where one unblocks another (an error hidden behind another in the same test file
// is only seen, and only provably fixed, once the first is fixed). Union-find over both relations.
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

export function fixGroups(items: WorkItem[]): FixGroup[] {
  const uf = new UnionFind(items.length);
  joinBy(items, uf, (item) => item.files);
  // Test file -> an item that blocks it today; an item hidden in that file joins it.
  const blockers = joinBy(items, uf, (item) => item.blocks);
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
