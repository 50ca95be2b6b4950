// Runs both sides on one tree: the real `pytest --collect-only` (remedy's own runCollection) and remedy's scan(),
// side by side, and compares their per-file verdicts.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { scan } from "../../src/index.ts";
import { runCollection } from "../../src/verify/index.ts";
import { PYLIB, SITE } from "./realPackages.ts";
import { compareVerdicts, type FileComparison } from "./score.ts";
import { pytestVerdicts, remedyVerdicts } from "./verdicts.ts";

let builtins: Set<string> | null = null;

/** Top-level module names the interpreter can import without the repository (stdlib, site-packages, builtins). */
export function isInstalled(top: string): boolean {
  builtins ??= new Set(
    execFileSync("python3", ["-c", "import sys; print('\\n'.join(sys.builtin_module_names))"], { encoding: "utf8" })
      .split("\n")
      .filter(Boolean),
  );
  if (builtins.has(top)) return true;
  const dynload = join(PYLIB, "lib-dynload");
  for (const base of [SITE, PYLIB]) {
    if (existsSync(join(base, top)) || existsSync(join(base, `${top}.py`))) return true;
  }
  return existsSync(dynload) && readdirSync(dynload).some((f) => f.startsWith(`${top}.`));
}

export interface TreeRun {
  rows: FileComparison[];
  pytestMs: number;
  remedyMs: number;
}

export async function runTree(
  root: string,
  run: string,
  groupOf: (file: string) => { group: string; mutation: string | null },
): Promise<TreeRun> {
  const t0 = performance.now();
  let pytestMs = 0;
  let remedyMs = 0;
  const [report, result] = await Promise.all([
    runCollection({ cwd: root, timeoutMs: 600_000 }).then((r) => {
      pytestMs = performance.now() - t0;
      return r;
    }),
    scan(root).then((r) => {
      remedyMs = performance.now() - t0;
      return r;
    }),
  ]);
  const tops = new Set(readdirSync(root).map((f) => f.replace(/\.py$/, "")));
  const rows = compareVerdicts(pytestVerdicts(report, root), remedyVerdicts(result), {
    run,
    report,
    root,
    groupOf,
    isInstalled,
    inRepo: (top) => tops.has(top),
  });
  return { rows, pytestMs: Math.round(pytestMs), remedyMs: Math.round(remedyMs) };
}
