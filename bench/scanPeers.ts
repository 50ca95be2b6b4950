// The peers bench/scan.ts measures remedy against, each as a whole child process under one wrapper:
// `pytest --collect-only` (the truth remedy predicts) and pyright's import diagnostics (a static peer).
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

export const REPO = join(dirname(fileURLToPath(import.meta.url)), "..");

export interface Interpreter {
  executable: string;
  version: string;
  sitePackages: string;
  pytest: string | null;
}

export function interpreter(python: string): Interpreter {
  const out = execFileSync(
    python,
    [
      "-c",
      "import json, site, sys\n" +
        "try:\n import pytest; v = pytest.__version__\nexcept Exception:\n v = None\n" +
        "print(json.dumps({'executable': sys.executable, 'version': '%d.%d' % sys.version_info[:2], " +
        "'sitePackages': site.getsitepackages()[0], 'pytest': v}))",
    ],
    { encoding: "utf8" },
  );
  return JSON.parse(out) as Interpreter;
}

export interface Measured {
  /** Wall time of the child alone (the wrapper's own start-up excluded). */
  seconds: number;
  /** null when it was killed after `timeoutSeconds`. */
  exitCode: number | null;
  timedOut: boolean;
  /**
   * ru_maxrss of getrusage(RUSAGE_CHILDREN) in the wrapper once the child is reaped: the peak resident set of the
   * largest single process in the child's tree (the child or a descendant it waited for), in kB. Not a sum.
   */
  maxRssKb: number;
  /** User + system CPU time of the child and the descendants it waited for (getrusage RUSAGE_CHILDREN). */
  cpuSeconds: number;
  stdout: string;
  stderr: string;
}

// The wrapper is Python because Node reports no rusage for its children; Python's resource module does.
const WRAPPER = `
import json, resource, subprocess, sys, time
res, out, err, cwd, timeout = sys.argv[1:6]
with open(out, "wb") as o, open(err, "wb") as e:
    t = time.perf_counter()
    try:
        p = subprocess.run(sys.argv[6:], cwd=cwd, stdin=subprocess.DEVNULL, stdout=o, stderr=e,
                           timeout=float(timeout) if timeout else None)
        code, timed_out = p.returncode, False
    except subprocess.TimeoutExpired:
        code, timed_out = None, True
    s = time.perf_counter() - t
ru = resource.getrusage(resource.RUSAGE_CHILDREN)
with open(res, "w") as r:
    json.dump({"seconds": s, "cpuSeconds": ru.ru_utime + ru.ru_stime, "exitCode": code, "timedOut": timed_out,
               "maxRssKb": ru.ru_maxrss}, r)
`;

/**
 * Runs `cmd` in `cwd` under the rusage wrapper (stdout and stderr go to files, so large outputs are fine), killing
 * it after `timeoutSeconds` if given.
 */
export function measure(
  python: string,
  cmd: string[],
  cwd: string,
  env: NodeJS.ProcessEnv = process.env,
  timeoutSeconds?: number,
): Measured {
  const tmp = mkdtempSync(join(tmpdir(), "remedy-bench-run-"));
  try {
    const [res, out, err] = ["result.json", "stdout", "stderr"].map((f) => join(tmp, f)) as [string, string, string];
    execFileSync(python, ["-c", WRAPPER, res, out, err, cwd, String(timeoutSeconds ?? ""), ...cmd], {
      env,
      stdio: "ignore",
    });
    const r = JSON.parse(readFileSync(res, "utf8")) as Omit<Measured, "stdout" | "stderr">;
    return { ...r, stdout: readFileSync(out, "utf8"), stderr: readFileSync(err, "utf8") };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

// ---- pytest ------------------------------------------------------------------------------------------------------

export interface PytestFigures {
  seconds: number;
  cpuSeconds: number;
  maxRssKb: number;
  exitCode: number | null;
  collected: number | null;
  errors: number;
}

export function pytestCollect(dir: string, python: string): PytestFigures {
  const m = measure(python, [python, "-m", "pytest", "--collect-only", "-q", "-p", "no:cacheprovider"], dir, {
    ...process.env,
    PYTHONDONTWRITEBYTECODE: "1",
  });
  const tail = (m.stdout + m.stderr).slice(-4000);
  const collected = /(\d+) tests? collected/.exec(tail);
  const errors = /(\d+) errors?/.exec(tail);
  return {
    seconds: m.seconds,
    cpuSeconds: m.cpuSeconds,
    maxRssKb: m.maxRssKb,
    exitCode: m.exitCode,
    collected: collected ? Number(collected[1]) : tail.includes("no tests collected") ? 0 : null,
    errors: errors ? Number(errors[1]) : 0,
  };
}

/**
 * The directories pytest's default import mode (prepend) puts on sys.path for this tree: for every test file and
 * conftest.py under `testRoots`, the first directory upwards that has no __init__.py (its "basedir"), plus the
 * `pythonpath` ini entries. pyright gets them as extraPaths so that first-party imports resolve as under pytest.
 */
export function pytestSysPath(tree: string, testRoots: string[], pythonpath: string[]): string[] {
  const dirs = new Set(pythonpath.map((p) => join(tree, p)));
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.name.startsWith(".") || e.name === "__pycache__" || e.name === "node_modules") continue;
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/^(test_.*|.*_test|conftest)\.py$/.test(e.name)) {
        let base = d;
        while (existsSync(join(base, "__init__.py")) && dirname(base) !== base) base = dirname(base);
        dirs.add(base);
      }
    }
  };
  for (const r of testRoots) walk(r);
  return [...dirs].sort();
}

// ---- pyright -----------------------------------------------------------------------------------------------------

const PYRIGHT = join(REPO, "node_modules", "pyright", "index.js");

export function pyrightAvailable(): boolean {
  return existsSync(PYRIGHT);
}

export function pyrightVersion(): string {
  return execFileSync(process.execPath, [PYRIGHT, "--version"], { encoding: "utf8" }).trim();
}

export interface PyrightFigures {
  seconds: number;
  maxRssKb: number;
  exitCode: number | null;
  filesAnalyzed: number;
  /** Missing modules, module sources and names: the diagnostics that correspond to remedy's import findings. */
  importDiagnostics: number;
  /** Errors by rule ("(no rule)": syntax errors and other unconditional ones; "unknownImportSymbol" split out). */
  byRule: Record<string, number>;
  /** The extraPaths given (relative to the tree). */
  extraPaths: string[];
}

interface PyrightDiagnostic {
  severity: string;
  message: string;
  rule?: string;
}

/**
 * Which pyright rules stand for remedy's import findings (remedy reports what stops a test file's import:
 * `No module named`, `cannot import name`, NameError at import time, syntax errors, cycles):
 * - reportMissingImports: an import that resolves to nothing (`No module named`).
 * - reportMissingModuleSource: only a stub resolves (pyright bundles typeshed's third-party stubs, so a missing
 *   `yaml` or `requests` is reported here, not as missing) - at run time that import fails too.
 * - reportAttributeAccessIssue: its `"X" is unknown import symbol` is `cannot import name 'X'`; the rule also
 *   reports every other unknown attribute, so only that message is counted as an import diagnostic.
 * - reportUndefinedVariable: NameError (anywhere, not only at import time): counted under byRule, not as import.
 * Syntax errors are always reported (byRule "(no rule)"). Everything else is off (typeCheckingMode "off",
 * reportPossiblyUnboundVariable "none"); reportImportCycles stays off because it flags every cycle, while most
 * cycles import fine. pyright checks every file it includes; remedy reports only what the tests reach.
 */
const RULES = {
  typeCheckingMode: "off",
  reportMissingImports: "error",
  reportMissingModuleSource: "error",
  reportAttributeAccessIssue: "error",
  reportUndefinedVariable: "error",
  reportPossiblyUnboundVariable: "none", // pyright 1.1.414's name; "reportPossiblyUnbound" is not recognized
  reportImportCycles: "none",
};

const isImportDiagnostic = (d: PyrightDiagnostic) =>
  d.rule === "reportMissingImports" ||
  d.rule === "reportMissingModuleSource" ||
  (d.rule === "reportAttributeAccessIssue" && / is unknown import symbol$/.test(d.message));

/**
 * pyright --outputjson on the whole tree, with a pyrightconfig.json written in a temp dir (nothing is written into
 * the tree). The project root is that empty temp dir, so the tree's own root is on the search path only if pytest
 * would put it there (`sysPath`); the interpreter pytest runs with gives the site-packages and the version.
 */
export function pyrightCheck(
  tree: string,
  sysPath: string[],
  interp: Interpreter,
  timeoutSeconds?: number,
): PyrightFigures {
  const configDir = mkdtempSync(join(tmpdir(), "remedy-bench-pyright-"));
  try {
    const rel = (p: string) => relative(configDir, p) || ".";
    const config = {
      include: [rel(tree)], // pyright ignores absolute include paths
      extraPaths: sysPath.map(rel),
      pythonVersion: interp.version,
      ...RULES,
    };
    writeFileSync(join(configDir, "pyrightconfig.json"), JSON.stringify(config, null, 2));
    const m = measure(
      interp.executable,
      [process.execPath, PYRIGHT, "--outputjson", "--pythonpath", interp.executable, "-p", configDir],
      configDir,
      // Messages are localized from the environment: the unknown-import-symbol match needs English.
      { ...process.env, LC_ALL: "en_US.UTF-8", LANG: "en_US.UTF-8", LANGUAGE: "en" },
      timeoutSeconds,
    );
    if (m.timedOut) {
      throw new Error(`killed after ${m.seconds.toFixed(0)} s (--pyright-timeout), peak RSS ${m.maxRssKb} kB so far`);
    }
    let out: { generalDiagnostics: PyrightDiagnostic[]; summary: { filesAnalyzed: number } };
    try {
      out = JSON.parse(m.stdout);
    } catch {
      throw new Error(`pyright exited ${m.exitCode} without JSON: ${(m.stderr || m.stdout).slice(0, 2000)}`);
    }
    const byRule: Record<string, number> = {};
    let importDiagnostics = 0;
    for (const d of out.generalDiagnostics) {
      if (d.severity !== "error") continue;
      const key = d.rule === "reportAttributeAccessIssue" && isImportDiagnostic(d) ? "unknownImportSymbol" : d.rule;
      byRule[key ?? "(no rule)"] = (byRule[key ?? "(no rule)"] ?? 0) + 1;
      if (isImportDiagnostic(d)) importDiagnostics++;
    }
    return {
      seconds: m.seconds,
      maxRssKb: m.maxRssKb,
      exitCode: m.exitCode,
      filesAnalyzed: out.summary.filesAnalyzed,
      importDiagnostics,
      byRule,
      extraPaths: sysPath.map((p) => relative(tree, p) || "."),
    };
  } finally {
    rmSync(configDir, { recursive: true, force: true });
  }
}
