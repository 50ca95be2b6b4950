// An AuditInput for a fixture tree, built from the facts of its .py files (module names from paths under the
// fixture's root) and remedy's real configuration reader. The model is empty unless a test passes one.
import { readdirSync } from "node:fs";
import { join, relative } from "node:path";
import type { KnownModule } from "../../../src/analyze/analysisInput.ts";
import type { AuditInput } from "../../../src/analyze/audit/auditInput.ts";
import { readRemedyConfig } from "../../../src/discover/index.ts";
import type { CollectionModel } from "../../../src/graph/collectionModel.ts";
import { type FileFacts, readFileFacts } from "../../../src/python/index.ts";
import { session } from "../build.ts";

function pythonFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name.startsWith(".") || e.name === "__pycache__") continue;
    const path = join(dir, e.name);
    if (e.isDirectory()) out.push(...pythonFiles(path));
    else if (e.name.endsWith(".py")) out.push(path);
  }
  return out.sort();
}

export function moduleName(root: string, path: string): string {
  return relative(root, path)
    .replace(/\\/g, "/")
    .replace(/(\/__init__)?\.py$/, "")
    .split("/")
    .join(".");
}

export function structureInput(root: string, model: CollectionModel = { startupFailure: null, files: [] }): AuditInput {
  const files = pythonFiles(root);
  const modules: KnownModule[] = files.map((path) => ({ name: moduleName(root, path), path }));
  const facts = new Map<string, FileFacts>();
  const rel = (path: string) => relative(root, path).replace(/\\/g, "/");
  return {
    analysis: {
      model,
      session: session({
        rootdir: root,
        configfile: join(root, "pytest.ini"),
        testFiles: files.filter((f) => /test_/.test(f)),
      }),
      facts: (path) => {
        let f = facts.get(path);
        if (!f) {
          f = readFileFacts(path);
          facts.set(path, f);
        }
        return f;
      },
      modules,
      requirements: [],
    },
    config: readRemedyConfig(root),
    rel,
  };
}
