// The dry run's output: a unified diff (`--- a/rel`, `+++ b/rel`, `@@` hunks with 3 lines of context) that
// `git apply` and `patch -p1` accept. Lines are compared whole, terminator included, so a CRLF file diffs as
// itself; Myers' O(ND) diff after trimming the common head and tail (a fix changes a few lines of a file).

type Op = { kind: " " | "-" | "+"; line: string };

/** Beyond this many differing lines the middle is shown as one replacement (still a correct diff, just not the
 *  smallest), which bounds the memory Myers' trace needs. */
const MAX_EDIT_DISTANCE = 2000;

function splitLines(text: string): string[] {
  return text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
}

/** Myers' shortest edit script from a to b, as ops in order. */
function myers(a: string[], b: string[]): Op[] {
  const n = a.length;
  const m = b.length;
  const off = n + m + 1;
  const v = new Int32Array(2 * off + 1);
  const trace: Int32Array[] = [];
  for (let d = 0; d <= n + m; d++) {
    if (d > MAX_EDIT_DISTANCE) {
      return [...a.map((line) => ({ kind: "-" as const, line })), ...b.map((line) => ({ kind: "+" as const, line }))];
    }
    trace.push(v.slice(off - d - 1, off + d + 2)); // v for k in [-d-1, d+1], as it was before round d
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[off + k - 1]! < v[off + k + 1]!) ? v[off + k + 1]! : v[off + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[off + k] = x;
      if (x >= n && y >= m) return backtrack(a, b, trace);
    }
  }
  return []; // unreachable: d = n + m always reaches the end
}

function backtrack(a: string[], b: string[], trace: Int32Array[]): Op[] {
  const ops: Op[] = [];
  let x = a.length;
  let y = b.length;
  for (let d = trace.length - 1; d >= 0; d--) {
    const v = trace[d]!;
    const at = (k: number): number => v[k + d + 1]!;
    const k = x - y;
    const prevK = k === -d || (k !== d && at(k - 1) < at(k + 1)) ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      ops.push({ kind: " ", line: a[--x]! });
      y--;
    }
    if (d > 0) {
      if (x === prevX) ops.push({ kind: "+", line: b[--y]! });
      else ops.push({ kind: "-", line: a[--x]! });
    }
  }
  return ops.reverse();
}

function diffLines(a: string[], b: string[]): Op[] {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const same = (line: string): Op => ({ kind: " ", line });
  return [
    ...a.slice(0, head).map(same),
    ...myers(a.slice(head, a.length - tail), b.slice(head, b.length - tail)),
    ...a.slice(a.length - tail).map(same),
  ];
}

const range = (start: number, count: number): string => (count === 1 ? `${start}` : `${start},${count}`);

/** The diff from `before` to `after` of the file at `rel` (repository-relative, forward slashes); "" when equal. */
export function unifiedDiff(rel: string, before: string, after: string, context = 3): string {
  if (before === after) return "";
  const ops = diffLines(splitLines(before), splitLines(after));
  const changed = ops.flatMap((op, i) => (op.kind === " " ? [] : [i]));
  let out = `--- a/${rel}\n+++ b/${rel}\n`;
  // Line numbers before each op, so that a hunk's header can be read off its first op.
  const aLine: number[] = [];
  const bLine: number[] = [];
  let na = 0;
  let nb = 0;
  for (const op of ops) {
    aLine.push(na);
    bLine.push(nb);
    if (op.kind !== "+") na++;
    if (op.kind !== "-") nb++;
  }
  let k = 0;
  while (k < changed.length) {
    let last = k;
    while (last + 1 < changed.length && changed[last + 1]! - changed[last]! <= 2 * context + 1) last++;
    const from = Math.max(0, changed[k]! - context);
    const to = Math.min(ops.length, changed[last]! + context + 1);
    const hunk = ops.slice(from, to);
    const aCount = hunk.filter((op) => op.kind !== "+").length;
    const bCount = hunk.filter((op) => op.kind !== "-").length;
    const aStart = aLine[from]! + (aCount > 0 ? 1 : 0);
    const bStart = bLine[from]! + (bCount > 0 ? 1 : 0);
    out += `@@ -${range(aStart, aCount)} +${range(bStart, bCount)} @@\n`;
    for (const op of hunk) {
      out += op.kind + op.line;
      if (!op.line.endsWith("\n")) out += "\n\\ No newline at end of file\n";
    }
    k = last + 1;
  }
  return out;
}
