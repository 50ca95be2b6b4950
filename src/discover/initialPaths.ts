// Where a pytest session starts (Config._decide_args and _set_initial_conftests): the initial paths — args, else
// testpaths, else the invocation directory — and the conftests pytest imports before collection begins.
import { dirname, resolve } from "node:path";
import type { ConftestIndex } from "./conftestChain.ts";
import { isDir, statOrNull } from "./fsStat.ts";
import { pyGlob } from "./pyGlob.ts";
import type { Settings } from "./settings.ts";

/** The initial paths (absolute, node ids cut at "::"): args, else testpaths (globbed, only when invoked from the
 *  rootdir), else the invocation dir — Config._decide_args. */
export function initialPaths(invocationDir: string, rootdir: string, args: string[], testpaths: string[]) {
  const abs = (p: string) => resolve(invocationDir, p.split("::")[0] ?? p);
  if (args.length > 0) return { source: "args" as const, list: args.map(abs) };
  if (invocationDir === rootdir) {
    const list = testpaths.flatMap((t) => pyGlob(t, invocationDir).sort());
    if (list.length > 0) return { source: "testpaths" as const, list: list.map(abs) };
  }
  return { source: "invocation-dir" as const, list: [invocationDir] };
}

/** _set_initial_conftests: for each existing initial path, its conftests and those of its test* subdirectories. */
export function findInitialConftests(invocationDir: string, rootdir: string, settings: Settings, index: ConftestIndex) {
  const found: string[] = [];
  const add = (dir: string) => {
    for (const c of index.chain(dir)) if (!found.includes(c)) found.push(c);
  };
  const { list } = initialPaths(invocationDir, rootdir, settings.args.paths, settings.options.testpaths);
  const anchors = list.filter((p) => statOrNull(p));
  for (const anchor of anchors.length > 0 ? anchors : [invocationDir]) {
    if (!isDir(anchor)) {
      add(dirname(anchor));
      continue;
    }
    add(anchor);
    // pathlib's glob order is the directory's; sorted here for a stable answer.
    for (const sub of pyGlob("test*", anchor).sort()) if (isDir(resolve(anchor, sub))) add(resolve(anchor, sub));
  }
  return found;
}
