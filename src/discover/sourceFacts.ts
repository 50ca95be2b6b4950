// The one door through which discover reads Python sources (conftests, plugins, pytest itself): remedy's facts
// extractor. Results are kept for the process, keyed by path, size and mtime: every view reads the same ~30
// modules of pytest itself. When the scanner is unavailable the caller gets null and records a limitation.
import { readFileSync } from "node:fs";
import type { FileFacts, PytestFacts } from "../python/facts.ts";
import { readFileFacts } from "../python/index.ts";
import { statOrNull } from "./fsStat.ts";

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
          result = { ...facts.pytest, status: facts.status, computedCollectIgnore: computedIgnores(path, facts) };
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
