// What the codemod tests share: a fixture copied to a temp dir, its scan, fixes applied there, and the real
// pytest's collection count on the result (the claim a fix makes is about what pytest does).
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ScanResult } from "../../src/analyze/index.ts";
import { editedTexts, type Fix, offerFixes, type Unfixed } from "../../src/fix/index.ts";
import { scan } from "../../src/scan/index.ts";

export const FIXTURES = join(import.meta.dirname, "..", "fixtures", "fix");

export const read = (path: string): string => readFileSync(path, "utf8");

/** A fresh copy of test/fixtures/fix/<name> (or of any directory); remove it with `done`. */
export function copyOf(name: string, from = FIXTURES): { dir: string; done: () => void } {
  const dir = join(mkdtempSync(join(tmpdir(), "remedy-fix-")), name.replace(/\//g, "_"));
  cpSync(join(from, name), dir, { recursive: true, filter: (s) => !/(__pycache__|\.remedy|\.pytest_cache)$/.test(s) });
  return { dir, done: () => rmSync(join(dir, ".."), { recursive: true, force: true }) };
}

export const scanOf = (dir: string, args: string[] = []): Promise<ScanResult> => scan(dir, { cache: false, args });

export async function offered(
  dir: string,
  args: string[] = [],
): Promise<{ scan: ScanResult; fixes: Fix[]; unfixed: Unfixed[] }> {
  const result = await scanOf(dir, args);
  return { scan: result, ...offerFixes(result, read) };
}

/** Writes the fixes' edits (the applier's job; here plainly, as the tests need only the bytes). */
export function apply(fixes: Fix[]): Map<string, string> {
  const texts = editedTexts(
    fixes.flatMap((f) => f.edits),
    read,
  );
  for (const [file, text] of texts) writeFileSync(file, text);
  return texts;
}

export interface Collected {
  exit: number;
  tests: number;
  errors: number;
  output: string;
}

/** `python -m pytest --collect-only -q` in `dir` (no cache, no bytecode written). */
export function collect(
  dir: string,
  args: string[] = [],
  python = "python3",
  env: NodeJS.ProcessEnv = process.env,
): Collected {
  const r = spawnSync(python, ["-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider", ...args], {
    cwd: dir,
    encoding: "utf8",
    env: { ...env, PYTHONDONTWRITEBYTECODE: "1" },
    timeout: 300_000,
  });
  const output = `${r.stdout}${r.stderr}`;
  const last = output.trim().split("\n").at(-1) ?? "";
  // -q prints "N tests collected"; -qq (an addopts -q on top) prints "file.py: N" per file instead.
  const perFile = [...output.matchAll(/^\S+\.py: (\d+)$/gm)].reduce((a, m) => a + Number(m[1]), 0);
  const tests = Number(/(\d+) tests? collected/.exec(last)?.[1] ?? perFile);
  const errors = Number(/(\d+) errors?/.exec(last)?.[1] ?? 0);
  return { exit: r.status ?? -1, tests, errors, output };
}

/** The real pytest collects `tests` tests in `dir` without an error (exit 0): what a complete fix promises. */
export function assertCollectsAll(dir: string, tests: number, args: string[] = []): void {
  const after = collect(dir, args);
  assert.equal(after.exit, 0, after.output);
  assert.equal(after.tests, tests);
}
