// What the answers remedy asks of an interpreter once and keeps share (startupModules.ts, pytestRegistry.ts): one
// entry per interpreter, keyed as stdlibNames.ts keys its answers (interpreterKey), in a file of the cache
// directory ({format, entries}, read with readEntries, written atomically) and for the process (one answer for
// every repository it scans); and running the real pytest in an empty temporary directory, where no repository
// code runs.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeAtomic } from "../cache/index.ts";
import { cacheDir } from "./interpreter.ts";
import { interpreterKey, readEntries, type StdlibInterpreter } from "./stdlibNames.ts";

const memo = new Map<string, { key: string }>();
/** Questions whose asking failed in this process: not asked again by it (a later run asks again). */
const failed = new Set<string>();
/** Questions being asked now: a second caller waits for the same process. */
const pending = new Map<string, Promise<unknown>>();

/** The answer kept for `interp` in `fileName` (format `format`), or the one `ask` gives (then kept). A null from
 *  `ask` (the interpreter could not answer) is kept for the process only: the next run asks again. `valid`
 *  rejects entries of an older shape. */
export async function perInterpreter<T extends object>(
  fileName: string,
  format: number,
  interp: StdlibInterpreter,
  options: { cacheDir: string | null; env?: NodeJS.ProcessEnv; variant?: string },
  valid: (entry: T) => boolean,
  ask: () => Promise<T | null>,
): Promise<T | null> {
  const env = options.env ?? process.env;
  const dir = cacheDir(env, options.cacheDir);
  const file = dir === null ? null : join(dir, fileName);
  const key = interpreterKey(interp, env);
  const entries = readEntries<T & { key: string }>(file, format);
  // One entry per interpreter, or per interpreter and variant of the question (e.g. with plugin autoload off).
  const name = options.variant ? `${interp.executable} ${options.variant}` : interp.executable;
  const memoKey = `${fileName}\0${name}`;
  const kept = entries[name];
  if (kept && kept.key === key && valid(kept)) return kept;
  // The process's own answer, valid under the same key, serves every repository it scans (the bench, tests,
  // watch mode); the repository's cache file gets a copy.
  const remembered = memo.get(memoKey) as (T & { key: string }) | undefined;
  if (remembered && remembered.key === key) {
    if (file !== null) {
      entries[name] = remembered;
      writeAtomic(file, JSON.stringify({ format, entries }));
    }
    return remembered;
  }
  const asking = `${memoKey}\0${key}`;
  if (failed.has(asking)) return null;
  let question = pending.get(asking) as Promise<T | null> | undefined;
  if (!question) {
    question = ask();
    pending.set(asking, question);
  }
  const answer = await question.finally(() => pending.delete(asking));
  if (answer === null) {
    failed.add(asking);
    return null;
  }
  const fresh = { ...answer, key };
  memo.set(memoKey, fresh);
  if (file !== null) {
    entries[name] = fresh;
    writeAtomic(file, JSON.stringify({ format, entries }));
  }
  return fresh;
}

/** Runs `executable args` in a new empty directory holding `files` (and an empty pytest.ini, so that no config
 *  file above it counts), removed afterwards. Resolves with stdout whatever the exit code (pytest's 5, no tests,
 *  is the normal end); only the lines the caller's plugin prints matter. */
export function runInEmptyDir(
  executable: string,
  files: Record<string, string>,
  args: (dir: string) => string[],
  env: NodeJS.ProcessEnv,
): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), "remedy-probe-"));
  for (const [name, text] of Object.entries({ "pytest.ini": "[pytest]\n", ...files })) {
    writeFileSync(join(dir, name), text);
  }
  return new Promise((resolve) => {
    execFile(
      executable,
      args(dir),
      {
        cwd: dir,
        encoding: "utf8",
        env: { ...env, PYTHONDONTWRITEBYTECODE: "1" },
        timeout: 60_000,
        maxBuffer: 64 * 1024 * 1024,
      },
      (_error, stdout) => {
        rmSync(dir, { recursive: true, force: true });
        resolve(stdout ?? "");
      },
    );
  });
}
