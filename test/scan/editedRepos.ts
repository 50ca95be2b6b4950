// What the tests that edit copies of the scan fixtures share (addedNames, session): the repositories, a copy
// whose files are old enough for the cache to trust, and a result compared without its duration.
import { cpSync, mkdtempSync, readdirSync, utimesSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import type { ScanResult } from "../../src/analyze/scanResult.ts";

const ROOT = resolve(import.meta.dirname, "../..");
const SCAN_FIXTURES = join(ROOT, "test/fixtures/scan");

/** Every scan fixture and the example monorepo. */
export const REPOS = [
  ...readdirSync(SCAN_FIXTURES, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => join(SCAN_FIXTURES, e.name)),
  join(ROOT, "examples/monorepo"),
];

export const stable = (r: ScanResult) => JSON.stringify({ ...r, durationMs: 0 });

export const isTestLike = (p: string) => /^(test_.*|.*_test|conftest)\.py$/.test(basename(p));

/** The repository's .py files, relative and sorted. */
export function pythonFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[])
    .filter((p) => p.endsWith(".py") && !p.includes(".remedy"))
    .sort();
}

/** A temporary copy of `fixture` (without its .remedy/) whose files are a minute old: files written within 2 s
 *  are never trusted by the cache (racy stamps). */
export function agedCopy(fixture: string, prefix: string): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  cpSync(fixture, dir, { recursive: true, filter: (src) => !src.includes(".remedy") });
  const past = new Date(Date.now() - 60_000);
  for (const f of readdirSync(dir, { recursive: true }) as string[]) utimesSync(join(dir, f), past, past);
  return dir;
}
