// Graph algorithms behind latent-cycle, on a directed graph of module names: strongly connected components
// (Tarjan's, iterative: the recursive form overflows the stack on repositories with thousands of modules) and a
// shortest cycle through each node of a component (breadth-first search inside it).

/** node -> its successors, each list sorted so every result is deterministic. */
export type Graph = ReadonlyMap<string, readonly string[]>;

/** The components of two or more nodes, each sorted; components in order of their smallest node. */
export function stronglyConnected(graph: Graph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const out: string[][] = [];
  let next = 0;
  for (const root of [...graph.keys()].sort()) {
    if (index.has(root)) continue;
    // Each frame: a node and how many of its successors have been visited.
    const frames: [string, number][] = [[root, 0]];
    index.set(root, next);
    low.set(root, next++);
    stack.push(root);
    onStack.add(root);
    while (frames.length > 0) {
      const frame = frames[frames.length - 1]!;
      const [node, i] = frame;
      const succ = graph.get(node) ?? [];
      if (i < succ.length) {
        frame[1] = i + 1;
        const w = succ[i]!;
        if (!index.has(w)) {
          index.set(w, next);
          low.set(w, next++);
          stack.push(w);
          onStack.add(w);
          frames.push([w, 0]);
        } else if (onStack.has(w)) low.set(node, Math.min(low.get(node)!, index.get(w)!));
        continue;
      }
      frames.pop();
      const parent = frames[frames.length - 1];
      if (parent) low.set(parent[0], Math.min(low.get(parent[0])!, low.get(node)!));
      if (low.get(node) !== index.get(node)) continue;
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== node);
      if (component.length > 1) out.push(component.sort());
    }
  }
  return out.sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
}

/** A shortest cycle through `start` using only nodes of `within`: [start, ..., last] (last imports start), or null.
 *  Successors are tried in sorted order, so the cycle found is always the same one. */
export function shortestCycle(graph: Graph, start: string, within: ReadonlySet<string>): string[] | null {
  const parent = new Map<string, string>();
  const queue: string[] = [start];
  for (let head = 0; head < queue.length; head++) {
    const node = queue[head]!;
    for (const w of graph.get(node) ?? []) {
      if (!within.has(w)) continue;
      if (w === start) {
        const path = [node];
        let cur = node;
        while (cur !== start) {
          cur = parent.get(cur)!;
          path.push(cur);
        }
        return path.reverse();
      }
      if (parent.has(w) || w === start) continue;
      parent.set(w, node);
      queue.push(w);
    }
  }
  return null;
}

/** The cycle rotated to start at its smallest node: equal cycles found from different nodes compare equal. */
export function canonicalCycle(cycle: string[]): string[] {
  let min = 0;
  cycle.forEach((n, i) => {
    if (n < cycle[min]!) min = i;
  });
  return [...cycle.slice(min), ...cycle.slice(0, min)];
}

/** The edges of a cycle, `from -> to`, the last closing it. */
export function cycleEdges(cycle: string[]): [string, string][] {
  return cycle.map((n, i) => [n, cycle[(i + 1) % cycle.length]!]);
}
