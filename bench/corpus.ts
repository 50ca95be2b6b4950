// The corpus the differential check and the benchmark run over: every .py file under the interpreter's lib
// directory (stdlib + site-packages), listed the same way every time so results and samples are comparable.
import { readdirSync } from "node:fs";
import { join } from "node:path";

export const DEFAULT_CORPUS_ROOT = "/root/.pyenv/versions/3.11.7/lib/python3.11";

/** Every regular `.py` file under `root`, sorted. Symlinks are not followed (no loops, no file counted twice). */
export function listPythonFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    let entries: import("node:fs").Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && e.name.endsWith(".py")) out.push(p);
    }
  };
  walk(root);
  return out.sort();
}

/** A deterministic sample of `n` files (all of them when n >= files.length), in corpus order. */
export function sampleFiles(files: string[], n: number, seed: number): string[] {
  if (n >= files.length) return files.slice();
  let state = seed >>> 0;
  const random = (): number => {
    // mulberry32: tiny, seedable, good enough to spread a sample over the corpus.
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const picked = files.slice();
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(random() * (picked.length - i));
    [picked[i], picked[j]] = [picked[j]!, picked[i]!];
  }
  return picked.slice(0, n).sort();
}
