// Optimal-string-alignment distance, for "did you mean" suggestions on names and module paths.

/** The distance when it is at most `limit`, else `limit + 1`, returned as soon as that is known (a length
 *  difference over the limit, or a row whose every cell is over it). With a limit only the diagonal band of
 *  width 2 * limit + 1 is computed (a cell further off the diagonal is over the limit): O(len * limit) instead
 *  of O(len^2), which is what ranking thousands of candidate module names costs per missing module. */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  const m = a.length;
  const n = b.length;
  if (Math.abs(m - n) > limit) return limit + 1;
  if (m === 0) return n;
  if (n === 0) return m;
  const band = Number.isFinite(limit) ? limit : Math.max(m, n);
  const over = band + 1;
  let prev2 = new Array<number>(n + 1).fill(over);
  let prev = new Array<number>(n + 1).fill(over);
  let cur = new Array<number>(n + 1).fill(over);
  for (let j = 0; j <= Math.min(n, band); j++) prev[j] = j;
  for (let i = 1; i <= m; i++) {
    const lo = Math.max(1, i - band);
    const hi = Math.min(n, i + band);
    // The cell left of the band is outside it (or the first column); the cell right of it too, for the next row.
    cur[lo - 1] = lo === 1 ? i : over;
    let rowMin = cur[lo - 1]!;
    for (let j = lo; j <= hi; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (hi < n) cur[hi + 1] = over;
    // Row minima never decrease (a transposition from two rows up costs at least the cell it steps over).
    if (rowMin > limit) return limit + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
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
