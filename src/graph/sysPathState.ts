// sys.path as it evolves during one pytest session (pythonpath ini, basedir insertions, conftest sys.path
// edits), with a negative cache for top-level lookups: a name missing everywhere is re-checked only against
// entries added since, so repeated failing imports cost O(new entries), not O(sys.path).
import type { ModuleIndex } from "./moduleIndex.ts";
import { findSpec, type OriginClassifier, type Resolution } from "./resolveImport.ts";

export class SysPathState {
  /** Absolute directories in search order. */
  readonly entries: string[];
  /** Every distinct entry in the order it first appeared: the negative cache counts positions in it. */
  private readonly seen: string[] = [];
  private readonly seenSet = new Set<string>();
  /** name -> number of `seen` entries known not to hold it. */
  private readonly missing = new Map<string, number>();

  constructor(
    initial: readonly string[],
    private readonly index: ModuleIndex,
    private readonly classifier: OriginClassifier,
  ) {
    this.entries = [...initial];
    for (const e of initial) this.note(e);
  }

  private note(entry: string): void {
    if (!this.seenSet.has(entry)) {
      this.seenSet.add(entry);
      this.seen.push(entry);
    }
  }

  /** Entries are never removed during a session, so membership is the set of entries ever seen. */
  has(entry: string): boolean {
    return this.seenSet.has(entry);
  }

  private snapshotCache: string[] | null = null;
  /** A copy of the entries shared by every record made until the next change (records must not alias). */
  snapshot(): string[] {
    this.snapshotCache ??= [...this.entries];
    return this.snapshotCache;
  }

  insert(index: number, entry: string): void {
    const len = this.entries.length;
    let at = index < 0 ? Math.max(0, len + index) : Math.min(index, len);
    if (Number.isNaN(at)) at = 0;
    this.entries.splice(at, 0, entry);
    this.snapshotCache = null;
    this.note(entry);
  }

  append(entry: string): void {
    this.entries.push(entry);
    this.snapshotCache = null;
    this.note(entry);
  }

  /** Resolves a top-level name on the current sys.path. */
  findTopLevel(name: string): Resolution {
    const known = this.missing.get(name);
    if (known !== undefined) {
      let anyNew = false;
      for (let i = known; i < this.seen.length && !anyNew; i++) {
        const hit = this.index.lookup(this.seen[i] as string, name);
        anyNew = hit.packageInit !== null || hit.moduleFile !== null || hit.namespaceDir !== null;
      }
      if (!anyNew) {
        this.missing.set(name, this.seen.length);
        return {
          name,
          found: false,
          kind: null,
          file: null,
          searchPath: [],
          root: null,
          origin: null,
          tried: this.snapshot(),
        };
      }
    }
    const res = findSpec(this.index, this.classifier, name, this.entries);
    if (res.found) this.missing.delete(name);
    else this.missing.set(name, this.seen.length);
    return res;
  }
}
