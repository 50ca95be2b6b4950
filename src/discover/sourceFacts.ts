// The one door through which discover reads Python sources (conftests, plugins, pytest itself): remedy's facts
// extractor. Results are kept for the process, keyed by path, size and mtime: every view reads the same ~30
// modules of pytest itself. When the scanner is unavailable the caller gets null and records a limitation.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { remedyFingerprint } from "../cache/index.ts";
import type { FileFacts, PytestFacts } from "../python/index.ts";
import { emptyPytestFacts, readFileFacts } from "../python/index.ts";
import { statOrNull } from "./fsStat.ts";
import { cacheDir } from "./interpreter.ts";

export type SourcePytestFacts = Pick<
  PytestFacts,
  "registeredMarkers" | "iniKeys" | "options" | "collectIgnore" | "collectIgnoreGlob" | "dynamicHooks" | "plugins"
> & {
  status: string;
  /** collect_ignore / collect_ignore_glob bound to something other than a literal list: their content is unknown. */
  computedCollectIgnore: string[];
};

const LITERAL_LIST = /^[^=]*=\s*(?:[[(]\s*(?:(?:"[^"]*"|'[^']*')\s*,?\s*)*[\])]|[[(])\s*(?:#.*)?$/;

/** Names of collect_ignore(_glob) bindings whose value is not written as a literal list (best effort, by line). */
function computedIgnores(path: string, facts: FileFacts): string[] {
  const targets = facts.bindings.filter(
    (b) => (b.name === "collect_ignore" || b.name === "collect_ignore_glob") && b.kind !== "del",
  );
  if (targets.length === 0) return [];
  let lines: string[];
  try {
    lines = readFileSync(path, "utf8").split(/\r?\n/);
  } catch {
    return [];
  }
  const names = targets.filter((b) => !LITERAL_LIST.test(lines[b.line - 1] ?? "")).map((b) => b.name);
  return [...new Set(names)];
}

/** An installed module whose text has no `addini`/`addoption` (`addinivalue_line`, `_addoption` included) and
 *  no `pytest_plugins` can register nothing, and of an installed module only its registrations are read: its
 *  facts are known without parsing it (most of pytest's own modules, on a first scan). Non-ASCII text is parsed
 *  (an identifier may normalize to `addini`). Null: parse it. */
function withoutRegistrations(path: string): SourcePytestFacts | null {
  let text: string;
  try {
    text = readFileSync(path, "latin1");
  } catch {
    return null;
  }
  const registers = text.includes("addini") || text.includes("addoption") || text.includes("pytest_plugins");
  if (registers || /[^\x00-\x7f]/.test(text)) return null;
  // Shaped as the parsed path below makes it.
  return { ...emptyPytestFacts(), status: "ok", computedCollectIgnore: [] };
}

type Entry = { stamp: string; facts: SourcePytestFacts };
const shared = new Map<string, Entry>();

/** Sources outside the repository (pytest itself, installed plugins) are the same for every scan with this
 *  interpreter: their facts are kept in the cache directory, keyed by path, size, mtime and remedy's own code, so a
 *  cold scan of a new repository does not parse pytest again (~0.4 s). O(entries) to load, once a process. */
class InstalledSourcesCache {
  private loaded = false;
  private dirty = false;
  private readonly file: string;
  private entries: Record<string, Entry> = {};

  constructor(file: string) {
    this.file = file;
  }

  get(path: string, stamp: string): SourcePytestFacts | null {
    this.load();
    const e = this.entries[path];
    return e && e.stamp === stamp ? e.facts : null;
  }

  set(path: string, entry: Entry): void {
    this.load();
    this.entries[path] = entry;
    this.dirty = true;
  }

  private load(): void {
    if (this.loaded) return;
    this.loaded = true;
    try {
      const data = JSON.parse(readFileSync(this.file, "utf8"));
      if (data?.remedy === remedyFingerprint()) this.entries = data.entries ?? {};
    } catch {
      // No cache yet, or an unreadable one: it is rebuilt.
    }
  }

  save(): void {
    if (!this.dirty) return;
    this.dirty = false;
    try {
      mkdirSync(dirname(this.file), { recursive: true });
      const tmp = `${this.file}.${process.pid}.tmp`;
      writeFileSync(tmp, JSON.stringify({ remedy: remedyFingerprint(), entries: this.entries }));
      renameSync(tmp, this.file);
    } catch {
      // A read-only home only costs a re-parse next time.
    }
  }
}

const installed = new Map<string, InstalledSourcesCache>();

export class SourceReader {
  private readonly cache = new Map<string, SourcePytestFacts | null>();
  /** Set when the extractor could not be used at all (e.g. the scanner is not built in). */
  unavailable: string | null = null;
  private readonly persistent: InstalledSourcesCache | null;

  /** `inRepository`: paths whose facts are not kept in the cache (they change with the repository);
   *  `repositoryCache`: the cache directory (see cacheDir), null: nothing kept beyond the process. */
  constructor(
    private readonly inRepository: (path: string) => boolean = () => true,
    env: NodeJS.ProcessEnv = process.env,
    repositoryCache: string | null = null,
  ) {
    const dir = cacheDir(env, repositoryCache);
    const file = dir === null ? null : join(dir, "source-facts.json");
    if (file !== null && !installed.has(file)) installed.set(file, new InstalledSourcesCache(file));
    this.persistent = file === null ? null : (installed.get(file) ?? null);
  }

  read(path: string): SourcePytestFacts | null {
    if (this.cache.has(path)) return this.cache.get(path) ?? null;
    let result: SourcePytestFacts | null = null;
    if (this.unavailable === null) {
      const st = statOrNull(path);
      const stamp = `${st?.size}:${st?.mtimeMs}`;
      const hit = shared.get(path);
      const keep = this.persistent !== null && st !== null && !this.inRepository(path);
      try {
        if (hit && hit.stamp === stamp) result = hit.facts;
        else {
          result = keep ? (this.persistent?.get(path, stamp) ?? null) : null;
          if (result === null && !this.inRepository(path)) result = withoutRegistrations(path);
          if (result === null) {
            const facts = readFileFacts(path);
            result = { ...facts.pytest, status: facts.status, computedCollectIgnore: computedIgnores(path, facts) };
            if (keep) this.persistent?.set(path, { stamp, facts: result });
          }
          shared.set(path, { stamp, facts: result });
        }
      } catch (error) {
        this.unavailable = (error as Error).message;
      }
    }
    this.cache.set(path, result);
    return result;
  }

  /** Writes what was parsed anew into the per-user cache (atomically; failures only cost time). */
  save(): void {
    this.persistent?.save();
  }
}
