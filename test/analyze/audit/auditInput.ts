// A real AuditInput from a fixture tree: the facts of every .py file (remedy's scanner), modules named by their path
// under the root, tests by pytest's default patterns. Stands in for src/scan's prepareAnalysis in analyzer tests.
import { readdirSync } from "node:fs";
import { join, relative, sep } from "node:path";
import type { AuditInput } from "../../../src/analyze/audit/auditInput.ts";
import { DEFAULT_REMEDY_CONFIG, type RemedyConfig } from "../../../src/discover/index.ts";
import { type FileFacts, readFileFacts } from "../../../src/python/index.ts";
import { session } from "../build.ts";

const SKIP = new Set([".git", "node_modules", ".venv", "venv", "__pycache__", ".tox", ".remedy"]);

function pyFiles(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
    if (SKIP.has(e.name)) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) pyFiles(p, out);
    else if (e.name.endsWith(".py")) out.push(p);
  }
  return out;
}

export function auditInput(root: string, config: Partial<RemedyConfig> = {}): AuditInput {
  const files = pyFiles(root);
  const facts = new Map<string, FileFacts>(files.map((f) => [f, readFileFacts(f)]));
  const rel = (p: string) => relative(root, p).split(sep).join("/");
  const modules = files.map((path) => {
    const parts = rel(path).replace(/\.py$/, "").split("/");
    if (parts[parts.length - 1] === "__init__") parts.pop();
    return { name: parts.join("."), path };
  });
  const testFiles = files.filter((f) => /(^|\/)(test_[^/]*|[^/]*_test)\.py$/.test(rel(f)));
  return {
    analysis: {
      model: { startupFailure: null, files: [] },
      session: session({ rootdir: root, configfile: join(root, "pytest.ini"), testFiles }),
      facts: (p) => facts.get(p) ?? readFileFacts(p),
      modules: modules.filter((m) => m.name !== ""),
      requirements: [],
    },
    config: { ...DEFAULT_REMEDY_CONFIG, ...config, audit: { ...DEFAULT_REMEDY_CONFIG.audit, ...config.audit } },
    rel,
  };
}
