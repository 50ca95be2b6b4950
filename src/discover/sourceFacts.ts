// The one door through which discover reads Python sources (conftests, plugins, pytest itself): remedy's facts
// extractor, cached per path. When the scanner is unavailable the caller gets null and records a limitation.
import type { PytestFacts } from "../python/facts.ts";
import { readFileFacts } from "../python/index.ts";

export type SourcePytestFacts = Pick<
  PytestFacts,
  "registeredMarkers" | "iniKeys" | "options" | "collectIgnore" | "collectIgnoreGlob" | "dynamicHooks" | "plugins"
> & { status: string };

export class SourceReader {
  private readonly cache = new Map<string, SourcePytestFacts | null>();
  /** Set when the extractor could not be used at all (e.g. the scanner is not built in). */
  unavailable: string | null = null;

  read(path: string): SourcePytestFacts | null {
    if (this.cache.has(path)) return this.cache.get(path) ?? null;
    let result: SourcePytestFacts | null = null;
    if (this.unavailable === null) {
      try {
        const facts = readFileFacts(path);
        result = { ...facts.pytest, status: facts.status };
      } catch (error) {
        this.unavailable = (error as Error).message;
      }
    }
    this.cache.set(path, result);
    return result;
  }
}
