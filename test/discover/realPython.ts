// What the tests that ask the real python3 share (stdlibNames, startupModules): its facts as remedy's
// interpreter descriptions need them, and an environment where REMEDY_CACHE_DIR does not take the place of the
// cache directory a test gives.
import { execFileSync } from "node:child_process";
import { chmodSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { StdlibInterpreter } from "../../src/discover/stdlibNames.ts";

const real = JSON.parse(
  execFileSync(
    "python3",
    [
      "-c",
      "import sys, site, json; print(json.dumps([sys.executable, '%d.%d.%d' % sys.version_info[:3], sys.path, site.getsitepackages()]))",
    ],
    { encoding: "utf8" },
  ),
);

export const python: StdlibInterpreter = {
  executable: real[0],
  version: real[1],
  sysPath: real[2],
  sitePackages: real[3],
};

export const envWithoutCacheDir = { ...process.env, REMEDY_CACHE_DIR: "" };

/** A wrapper script around the real python3 that logs each run to `<dir>/runs`: a test counts how often remedy
 *  asked the interpreter (an answer asked once must be cached). */
export function countingPython(dir: string): { executable: string; runs: () => number } {
  const log = join(dir, "runs");
  const wrapper = join(dir, "python-wrapper");
  writeFileSync(log, "");
  writeFileSync(wrapper, `#!/bin/sh\necho run >> ${log}\nexec ${python.executable} "$@"\n`);
  chmodSync(wrapper, 0o755);
  return { executable: wrapper, runs: () => readFileSync(log, "utf8").split("\n").filter(Boolean).length };
}
