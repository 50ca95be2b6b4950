// Which conftest.py files pytest loads for a directory (PytestPluginManager._loadconftestmodules): every
// conftest.py from the filesystem root down to the directory, skipping directories above confcutdir.
import { dirname, join } from "node:path";
import { isFile } from "./fsStat.ts";

export function ancestors(path: string): string[] {
  const out: string[] = [];
  let cur = path;
  for (;;) {
    const up = dirname(cur);
    if (up === cur) return out;
    out.push(up);
    cur = up;
  }
}

export class ConftestIndex {
  private readonly cutParents: Set<string>;
  private readonly chains = new Map<string, string[]>();

  constructor(
    readonly confcutdir: string | null,
    readonly noconftest: boolean,
  ) {
    this.cutParents = new Set(confcutdir ? ancestors(confcutdir) : []);
  }

  /** _is_in_confcutdir: literally "not found upwards from confcutdir" (other trees are allowed). */
  isInConfcutdir(path: string): boolean {
    return !this.cutParents.has(path);
  }

  /** The conftest.py files that apply to `dir`, outermost first. */
  chain(dir: string): string[] {
    if (this.noconftest) return [];
    const hit = this.chains.get(dir);
    if (hit) return hit;
    // The parent's chain plus this directory's own conftest: one stat per directory, O(depth) only for the first.
    const up = dirname(dir);
    const list = up === dir ? [] : [...this.chain(up)];
    const own = join(dir, "conftest.py");
    if (this.isInConfcutdir(dir) && isFile(own)) list.push(own);
    this.chains.set(dir, list);
    return list;
  }
}
