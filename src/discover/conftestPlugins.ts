// Modules a conftest.py names in `pytest_plugins`: pytest imports them as plugins right after the conftest, from
// sys.path as it is then — with the default import modes the conftest's basedir (the first directory upward
// without __init__.py) is at its front, and `python -m pytest` has the invocation directory on it.
import { dirname, join } from "node:path";
import { isFile } from "./fsStat.ts";
import { type PluginSource, resolveModule } from "./plugins.ts";
import type { SourceReader } from "./sourceFacts.ts";

/** pytest's resolve_package_path reversed: the directory a module is imported relative to. */
export function importBasedir(file: string): string {
  let dir = dirname(file);
  while (isFile(join(dir, "__init__.py")) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

export function conftestPlugins(
  conftests: string[],
  sources: SourceReader,
  importMode: string,
  searchPath: string[],
): { conftest: string; plugin: PluginSource }[] {
  const out: { conftest: string; plugin: PluginSource }[] = [];
  for (const conftest of conftests) {
    const names = sources.read(conftest)?.plugins ?? [];
    const path = importMode === "importlib" ? searchPath : [importBasedir(conftest), ...searchPath];
    for (const module of names) {
      out.push({
        conftest,
        plugin: { name: module, kind: "conftest", distribution: null, module, file: resolveModule(module, path) },
      });
    }
  }
  return out;
}
