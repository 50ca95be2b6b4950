// The one door through which discover reads Python sources (conftests, plugins, pytest itself): remedy's facts
// extractor. Results are kept for the process, keyed by path, size and mtime: every view reads the same ~30
// modules of pytest itself. When the scanner is unavailable the caller gets null and records a limitation.
import type { PytestFacts } from "../python/facts.ts";
import { readFileFacts } from "../python/index.ts";
import { statOrNull } from "./fsStat.ts";

export type SourcePytestFacts = Pick<
  PytestFacts,
  "registeredMarkers" | "iniKeys" | "options" | "collectIgnore" | "collectIgnoreGlob" | "dynamicHooks" | "plugins"
> & { status: string };

const shared = new Map<string, { stamp: string; facts: SourcePytestFacts }>();

export class SourceReader {
  private readonly cache = new Map<string, SourcePytestFacts | null>();
  /** Set when the extractor could not be used at all (e.g. the scanner is not built in). */
  unavailable: string | null = null;

  read(path: string): SourcePytestFacts | null {
    if (this.cache.has(path)) return this.cache.get(path) ?? null;
    let result: SourcePytestFacts | null = null;
    if (this.unavailable === null) {
      const st = statOrNull(path);
      const stamp = `${st?.size}:${st?.mtimeMs}`;
      const hit = shared.get(path);
      try {
        if (hit && hit.stamp === stamp) result = hit.facts;
        else {
          const facts = readFileFacts(path);
          result = { ...facts.pytest, status: facts.status };
          shared.set(path, { stamp, facts: result });
        }
      } catch (error) {
        this.unavailable = (error as Error).message;
      }
    }
    this.cache.set(path, result);
    return result;
  }
}
