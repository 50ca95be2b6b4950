// Services inferred from the tree when [tool.remedy] configures none: the filesystem half of the inference (which
// directories have their own tests or deployment files), kept in discover so the audit analyzers stay pure.
import { type Dirent, existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import type { InferredService } from "./remedyConfig.ts";

/** Files that say a directory is deployed (or installed) on its own. */
const DEPLOYMENT_FILES = [
  "Dockerfile",
  "pyproject.toml",
  "setup.py",
  "requirements.txt",
  "main.py",
  "app.py",
  "wsgi.py",
  "asgi.py",
];
/** Top-level packages that hold code every service may use. */
const SHARED_NAMES = new Set(["shared", "common", "core", "lib", "libs", "utils"]);
/** Directories that are never a service (tests and docs are what services have, not services). */
const NOT_SERVICES = new Set([
  "tests",
  "test",
  "testing",
  "docs",
  "doc",
  "examples",
  "example",
  "scripts",
  "tools",
  "bin",
  "build",
  "dist",
  "node_modules",
  "venv",
  "env",
  "site-packages",
  "__pycache__",
  "vendor",
  "third_party",
  "migrations",
  "fixtures",
]);
/** Directories whose subpackages are services by their name alone, package or not (`services/auth`). */
const SERVICE_CONTAINERS = new Set(["services", "microservices", "apps"]);
const TEST_FILE = /^(test_.*|.*_test)\.py$/;
/** How deep (and how many entries) the search for test files goes under one candidate: enough for
 *  `svc/tests/unit/test_x.py`, bounded on huge trees. */
const MAX_DEPTH = 4;
const MAX_ENTRIES = 5000;

function dirents(dir: string): Dirent[] {
  try {
    return readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
}

function isCandidateDir(entry: Dirent): boolean {
  return entry.isDirectory() && !entry.name.startsWith(".") && !NOT_SERVICES.has(entry.name.toLowerCase());
}

function hasPython(dir: string): boolean {
  return dirents(dir).some(
    (e) =>
      (e.isFile() && e.name.endsWith(".py")) || (isCandidateDir(e) && existsSync(join(dir, e.name, "__init__.py"))),
  );
}

/** Why `dir` looks like a service: its deployment files, then `tests/` or the first test file found. */
function evidence(dir: string): string[] {
  const found = DEPLOYMENT_FILES.filter((f) => existsSync(join(dir, f)));
  let budget = MAX_ENTRIES;
  const walk = (d: string, rel: string, depth: number): string | null => {
    for (const e of dirents(d)) {
      if (--budget < 0) return null;
      if (e.isFile() && TEST_FILE.test(e.name)) return `${rel}${e.name}`;
      if (e.isDirectory() && (e.name === "tests" || e.name === "test")) return `${rel}${e.name}/`;
    }
    if (depth >= MAX_DEPTH) return null;
    for (const e of dirents(d)) {
      if (!e.isDirectory() || e.name.startsWith(".") || e.name === "node_modules") continue;
      const hit = walk(join(d, e.name), `${rel}${e.name}/`, depth + 1);
      if (hit) return hit;
    }
    return null;
  };
  const tests = walk(dir, "", 1);
  if (tests) found.push(tests);
  return found;
}

/** Top-level packages, and the subdirectories of a `services/`-like directory (no `__init__.py`, two or more
 *  subdirectories with Python code), that have tests or deployment files of their own; the subdirectories of a
 *  directory named `services`, `microservices` or `apps` (package or not) are services by that name alone;
 *  shared-looking names are shared code. Sorted by path; names are the directory's base name (its path when two bases collide). */
export function inferServiceRoots(rootdir: string): InferredService[] {
  const units: { path: string; named: boolean }[] = [];
  for (const e of dirents(rootdir)) {
    if (!isCandidateDir(e)) continue;
    const dir = join(rootdir, e.name);
    const inner = dirents(dir).filter((s) => isCandidateDir(s) && hasPython(join(dir, s.name)));
    const named = SERVICE_CONTAINERS.has(e.name.toLowerCase());
    if (named || (!existsSync(join(dir, "__init__.py")) && inner.length >= 2)) {
      if (inner.length >= 2) for (const s of inner) units.push({ path: `${e.name}/${s.name}`, named });
    } else if (existsSync(join(dir, "__init__.py"))) units.push({ path: e.name, named: false });
  }
  const out: InferredService[] = [];
  for (const { path, named } of units.sort((a, b) => (a.path < b.path ? -1 : 1))) {
    const base = path.slice(path.lastIndexOf("/") + 1);
    if (SHARED_NAMES.has(base.toLowerCase())) {
      out.push({ name: base, path, kind: "shared", evidence: [] });
      continue;
    }
    const why = evidence(join(rootdir, path));
    if (named) why.unshift(`under ${path.slice(0, path.lastIndexOf("/"))}/`);
    if (why.length > 0) out.push({ name: base, path, kind: "service", evidence: why });
  }
  const bases = new Map<string, number>();
  for (const s of out) bases.set(s.name, (bases.get(s.name) ?? 0) + 1);
  for (const s of out) if ((bases.get(s.name) ?? 0) > 1) s.name = s.path;
  return out;
}
