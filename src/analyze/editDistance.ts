// Optimal-string-alignment distance, for "did you mean" suggestions on names and module paths.

/** The distance when it is at most `limit`, else `limit + 1`, returned as soon as that is known (a length
 *  difference over the limit, or a row whose every cell is over it): ranking thousands of candidates then costs
 *  little for the far ones. */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  const m = a.length;
  const n = b.length;
  if (Math.abs(m - n) > limit) return limit + 1;
  if (m === 0) return n;
  if (n === 0) return m;
  let prev2 = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  for (let i = 1; i <= m; i++) {
    const cur = new Array<number>(n + 1).fill(0);
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    // Row minima never decrease (a transposition from two rows up costs at least the cell it steps over).
    if (rowMin > limit) return limit + 1;
    prev2 = prev;
    prev = cur;
  }
  return Math.min(prev[n]!, limit + 1);
}

/** Words of an identifier: snake_case and CamelCase parts, lower-cased. */
export function nameTokens(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, "$1_$2")
    .toLowerCase()
    .split(/_+/)
    .filter(Boolean);
}

/** Whether `candidate` is plausibly what `wanted` was renamed to or misspelt from. */
export function isSimilarName(wanted: string, candidate: string): boolean {
  if (wanted === candidate) return false;
  const a = wanted.toLowerCase();
  const b = candidate.toLowerCase();
  if (a === b) return true;
  const limit = Math.min(3, Math.max(1, Math.floor(Math.min(a.length, b.length) / 4)));
  if (editDistance(a, b, limit) <= limit) return true;
  // get_redis_manager -> create_redis_manager: the same words but one.
  const ta = nameTokens(wanted);
  const tb = nameTokens(candidate);
  // get_settings -> load_settings: the same object, another verb.
  if (ta.length >= 2 && ta.length === tb.length) {
    const differing = ta.flatMap((t, i) => (t === tb[i] ? [] : [i]));
    if (differing.length === 1 && (ta.length >= 3 || differing[0] === 0)) return true;
  }
  // ExecutionStatus -> ExecutionStatusEnum / AgentExecutionStatus: one name contains the other.
  return Math.min(a.length, b.length) >= 5 && (a.includes(b) || b.includes(a));
}
