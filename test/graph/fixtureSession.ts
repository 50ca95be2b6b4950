// Test helper: turns a fixture repository into the graph stage's input the way pytest would see it when run as
// `python3 -m pytest` from the fixture (a small stand-in for src/discover), with facts from the reference oracle.
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { missingKey, type NameQuery, queryKey, STDLIB_NAMES_SCRIPT } from "../../src/discover/stdlibNames.ts";
import { buildCollectionModel, type GraphInput, type ImportMode } from "../../src/graph/index.ts";
import type { FileFacts } from "../../src/python/facts.ts";
import type { InterpreterTraits } from "../../src/python/index.ts";
import { readFileFacts } from "../../src/python/index.ts";
import { assignedAttributes, attributeAssignments } from "../../src/scan/stdlibNameCheck.ts";

const ORACLE = resolve(import.meta.dirname, "../../bench/oracle/facts.py");

let traits: InterpreterTraits | null = null;
/** python3's version and platform, as remedy's interpreter probe reports them. */
export function interpreterTraits(): InterpreterTraits {
  traits ??= JSON.parse(
    execFileSync(
      "python3",
      [
        "-c",
        "import sys, os, json; print(json.dumps({'version': list(sys.version_info[:3]), 'platform': sys.platform, 'osName': os.name}))",
      ],
      { encoding: "utf8" },
    ),
  ) as InterpreterTraits;
  return traits;
}

let interpreterPath: string[] | null = null;
/** The interpreter's sys.path without the working directory entry. */
export function interpreterSysPath(): string[] {
  interpreterPath ??= JSON.parse(
    execFileSync("python3", ["-c", "import sys, json; print(json.dumps(sys.path[1:]))"], { encoding: "utf8" }),
  ) as string[];
  return interpreterPath;
}

function walkPy(dir: string, out: string[]): string[] {
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith(".") || name === "__pycache__") continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walkPy(p, out);
    else if (name.endsWith(".py")) out.push(p);
  }
  return out;
}

const factsByPath = new Map<string, FileFacts>();

/** Runs the reference oracle once over every .py file under `roots` (one python3 process for all fixtures). */
export function loadOracleFacts(roots: string[]): void {
  if (process.env.REMEDY_GRAPH_FACTS === "scanner") return;
  oracleRun(roots.flatMap((r) => walkPy(r, [])).filter((f) => !factsByPath.has(f)));
}

function oracleRun(files: string[]): void {
  if (files.length === 0) return;
  const out = execFileSync("python3", [ORACLE, "--stdin"], {
    input: files.join("\n"),
    encoding: "utf8",
    maxBuffer: 1 << 28,
  });
  for (const line of out.split("\n")) {
    if (!line.trim()) continue;
    const f = JSON.parse(line) as FileFacts;
    factsByPath.set(resolve(f.path), f);
  }
}

/** Facts of every .py file under `root`, from bench/oracle/facts.py (REMEDY_GRAPH_FACTS=scanner: the scanner). */
export function oracleFacts(root: string): (path: string) => FileFacts {
  if (process.env.REMEDY_GRAPH_FACTS === "scanner") return (path) => readFileFacts(path);
  loadOracleFacts([root]);
  return (path) => {
    // An installed module the model reads (pytest's own, for the names it has): the oracle reads it on demand.
    if (!factsByPath.has(path) && existsSync(path)) oracleRun([path]);
    const f = factsByPath.get(path);
    if (!f) throw new Error(`no facts for ${path}`);
    return f;
  };
}

function ini(root: string): Record<string, string[]> {
  const file = join(root, "pytest.ini");
  const out: Record<string, string[]> = {};
  if (!existsSync(file)) return out;
  let key = "";
  for (const raw of readFileSync(file, "utf8").split("\n")) {
    if (/^\s*(\[|#|;|$)/.test(raw)) continue;
    const m = /^(\w+)\s*=\s*(.*)$/.exec(raw);
    if (m) {
      key = m[1] as string;
      out[key] = (m[2] as string).split(/\s+/).filter(Boolean);
    } else if (key) out[key]?.push(...raw.trim().split(/\s+/));
  }
  return out;
}

function collectTests(dir: string, out: string[]): void {
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith(".") || name === "__pycache__" || name === "node_modules") continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) collectTests(p, out);
    else if (/^test_.*\.py$|_test\.py$/.test(name)) out.push(p);
  }
}

/** GraphInput for `python3 -m pytest` run in `root` (rootdir = root, config = its pytest.ini). */
export function fixtureInput(root: string): GraphInput & { maxfail: number | null } {
  const cfg = ini(root);
  const testpaths = (cfg.testpaths ?? ["."]).map((p) => resolve(root, p));
  const found: string[] = [];
  for (const tp of testpaths) collectTests(tp, found);
  // collect_ignore in conftest.py files (paths relative to the conftest's directory), as discover will apply it.
  const facts = oracleFacts(root);
  const ignored = new Set<string>();
  for (const conftest of walkPy(root, []).filter((f) => f.endsWith("/conftest.py"))) {
    for (const p of facts(conftest).pytest.collectIgnore ?? []) ignored.add(resolve(dirname(conftest), p));
  }
  const testFiles = found.filter((f) => !ignored.has(f));
  const addopts = cfg.addopts ?? [];
  const modeArg = addopts.find((a) => a.startsWith("--import-mode="));
  const importMode = (modeArg?.split("=")[1] ?? "prepend") as ImportMode;
  const maxfailArg = addopts.find((a) => a.startsWith("--maxfail="));
  const maxfail =
    addopts.includes("-x") || addopts.includes("--exitfirst")
      ? 1
      : maxfailArg
        ? Number(maxfailArg.split("=")[1])
        : null;
  const conftestsFor = (file: string): string[] => {
    const dirs: string[] = [];
    for (let d = dirname(file); d.startsWith(root); d = dirname(d)) {
      dirs.unshift(d);
      if (d === root) break;
    }
    return dirs.map((d) => join(d, "conftest.py")).filter((p) => existsSync(p));
  };
  const initialConftests: string[] = [];
  for (const tp of testpaths) {
    for (const c of conftestsFor(join(tp, "x.py"))) if (!initialConftests.includes(c)) initialConftests.push(c);
    for (const name of existsSync(tp) ? readdirSync(tp).sort() : []) {
      const sub = join(tp, name);
      if (name.startsWith("test") && statSync(sub).isDirectory() && existsSync(join(sub, "conftest.py"))) {
        for (const c of conftestsFor(join(sub, "x.py"))) if (!initialConftests.includes(c)) initialConftests.push(c);
      }
    }
  }
  const input: GraphInput & { maxfail: number | null } = {
    rootdir: root,
    importMode,
    pythonpath: (cfg.pythonpath ?? []).map((p) => resolve(root, p)),
    interpreterSysPath: [root, ...interpreterSysPath()],
    testFiles,
    conftestsFor,
    initialConftests,
    invocationDir: root,
    // Every conftest below the test paths: the fixtures have no ignored directories that hold one.
    visitedConftests: testpaths.flatMap((tp) =>
      existsSync(tp) ? walkPy(tp, []).filter((f) => f.endsWith("/conftest.py")) : [],
    ),
    interpreter: interpreterTraits(),
    maxfail,
    // As scan() does: names the fixture's own files assign as attributes (installed modules' names, graph/installedNames.ts).
    attributeAssigned: attributeAssignments(walkPy(root, [])),
  };
  const stdlibMissing = stdlibMissingFor(input, facts, walkPy(root, []));
  return stdlibMissing.size > 0 ? { ...input, stdlibMissing } : input;
}

const stdlibAnswers = new Map<string, string>();

/** What scan() does about names missing from stdlib modules, synchronously: the model records the names it looks
 *  up in stdlib modules, python3 says which it lacks (one process for the pairs no fixture asked before), and the
 *  names the fixture's own code assigns as attributes are left out. */
function stdlibMissingFor(input: GraphInput, facts: (p: string) => FileFacts, files: string[]): Set<string> {
  const asked = new Map<string, NameQuery>();
  buildCollectionModel(
    {
      ...input,
      onStdlibLookup: (module, name, how) => asked.set(queryKey({ module, name, how }), { module, name, how }),
    },
    facts,
  );
  const unknown = [...asked.values()].filter((q) => !stdlibAnswers.has(queryKey(q)));
  if (unknown.length > 0) {
    const json = JSON.stringify(unknown.map((q) => [q.module, q.name, q.how]));
    const letters = execFileSync("python3", ["-c", STDLIB_NAMES_SCRIPT, json], { encoding: "utf8" });
    for (const [i, q] of unknown.entries()) stdlibAnswers.set(queryKey(q), letters[i] ?? "u");
  }
  const missing = new Map<string, string>();
  for (const q of asked.values()) if (stdlibAnswers.get(queryKey(q)) === "m") missing.set(missingKey(q), q.name);
  const assigned = missing.size > 0 ? assignedAttributes(files, new Set(missing.values())) : new Set<string>();
  return new Set([...missing].filter(([, name]) => !assigned.has(name)).map(([pair]) => pair));
}
