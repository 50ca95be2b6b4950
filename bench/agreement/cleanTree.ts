// The clean real-code tree: copied packages as first-party code plus one generated test file per module
// (tests/test_import_<module>.py doing `import <module>`), so every module's own import is checked.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { writeTestFile } from "./mutations.ts";
import { copyNested, copyPackage, listModules, packageSource } from "./realPackages.ts";

export interface CleanTree {
  root: string;
  /** Test file -> module it imports. */
  tests: Map<string, string>;
  packages: string[];
  /** Packages left out, with the reason. */
  skipped: { spec: string; reason: string }[];
}

/** Writes the tree into `root` (new or empty). Stdlib specs ("std:json") go under the `std` package. */
export function writeCleanTree(root: string, specs: string[], maxModulesPerPackage = 400): CleanTree {
  mkdirSync(join(root, "tests"), { recursive: true });
  writeFileSync(join(root, "tests", "__init__.py"), "");
  writeFileSync(join(root, "pytest.ini"), "[pytest]\ntestpaths = tests\n");
  const tests = new Map<string, string>();
  const skipped: CleanTree["skipped"] = [];
  const packages: string[] = [];
  for (const spec of specs) {
    const src = packageSource(spec);
    const std = spec.startsWith("std:");
    const destDir = std ? join(root, "std") : root;
    mkdirSync(destDir, { recursive: true });
    if (std) writeFileSync(join(destDir, "__init__.py"), "");
    const dest = join(destDir, basename(src));
    if (!std) copyPackage(src, dest);
    else if (!copyNested(src, dest, "std.")) {
      rmSync(dest, { recursive: true, force: true });
      skipped.push({ spec, reason: "imports a submodule of itself by absolute name: cannot move under std/" });
      continue;
    }
    const modules = listModules(dest, std ? "std." : "");
    if (modules.length > maxModulesPerPackage) {
      skipped.push({ spec, reason: `${modules.length} modules (more than ${maxModulesPerPackage})` });
      continue;
    }
    packages.push(spec);
    for (const m of modules) {
      const file = `tests/test_import_${m.dotted.replace(/\./g, "_")}.py`;
      writeTestFile(join(root, file), m.dotted, null);
      tests.set(file, m.dotted);
    }
  }
  return { root, tests, packages, skipped };
}
