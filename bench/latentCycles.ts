// Measures the latent-cycle analyzer on real projects: `node --import tsx bench/latentCycles.ts DIR...`.
// Module names come from package structure (a file's name is relative to the first parent without __init__.py),
// facts from readFileFacts; the analyzer is timed alone (facts reading apart).
import { existsSync, readdirSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import type { KnownModule } from "../src/analyze/analysisInput.ts";
import { latentCycles } from "../src/analyze/audit/latentCycles.ts";
import { DEFAULT_REMEDY_CONFIG } from "../src/discover/index.ts";
import { type FileFacts, readFileFacts } from "../src/python/index.ts";

function pythonFiles(dir: string, out: string[] = []): string[] {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name.startsWith(".") || e.name === "node_modules" || e.name === "__pycache__") continue;
    const path = join(dir, e.name);
    if (e.isDirectory()) pythonFiles(path, out);
    else if (e.name.endsWith(".py")) out.push(path);
  }
  return out;
}

function moduleOf(path: string): string | null {
  const parts = [path.endsWith("__init__.py") ? null : path.slice(path.lastIndexOf("/") + 1, -3)];
  let dir = dirname(path);
  while (existsSync(join(dir, "__init__.py"))) {
    parts.unshift(dir.slice(dir.lastIndexOf("/") + 1));
    dir = dirname(dir);
  }
  const name = parts.filter((p) => p !== null).join(".");
  return /^[\w.]+$/.test(name) ? name : null;
}

for (const root of process.argv.slice(2)) {
  const files = pythonFiles(root);
  const modules: KnownModule[] = [];
  const seen = new Set<string>();
  for (const path of files) {
    const name = moduleOf(path);
    if (name === null || seen.has(name)) continue;
    seen.add(name);
    modules.push({ name, path });
  }
  const facts = new Map<string, FileFacts>();
  let t = performance.now();
  for (const m of modules) facts.set(m.path, readFileFacts(m.path));
  const factsMs = performance.now() - t;
  const input = {
    analysis: {
      model: { startupFailure: null, files: [] },
      session: { rootdir: root } as never,
      facts: (p: string) => facts.get(p) ?? readFileFacts(p),
      modules,
      requirements: [],
    },
    config: { ...DEFAULT_REMEDY_CONFIG, audit: { ...DEFAULT_REMEDY_CONFIG.audit } },
    rel: (p: string) => relative(root, p),
  };
  t = performance.now();
  const findings = latentCycles(input);
  const ms = performance.now() - t;
  const sizes = findings.map((f) => (f.detail.modules as string[]).length).sort((a, b) => b - a);
  const cycles = findings.reduce((n, f) => n + (f.detail.shortestCycles as unknown[]).length, 0);
  const largest = findings.find((f) => (f.detail.modules as string[]).length === sizes[0]);
  console.log(
    JSON.stringify({
      project: relative(process.cwd(), root) || root,
      modules: modules.length,
      sccs: findings.length,
      largest: sizes[0] ?? 0,
      sizes: sizes.slice(0, 8),
      shortestCycles: cycles,
      analyzerMs: Math.round(ms),
      factsMs: Math.round(factsMs),
      largestProposal: largest?.proposal?.summary ?? null,
    }),
  );
}
