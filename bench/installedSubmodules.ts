// `npm run bench:installed-submodules -- [--python PY] [--sample N] [--seed S]`: how often remedy's "submodule the
// installed package does not have" (src/graph/installedNames.ts installedLacksSubmodule) is right, on the
// installed packages themselves. Every dotted name the interpreter's site-packages sources import (`import a.b`,
// `from a.b import c`, `from a import b` read as `a.b`), first component not stdlib, is a candidate; a sample
// becomes one test file each (`import a.b`) of a throwaway tree that remedy scans; the truth is
// importlib.util.find_spec in one Python process (ModuleNotFoundError for the name itself: missing; for a parent:
// the parent is missing, not scored). Prints, for names CPython finds and names it does not, how many remedy
// says fail because of the submodule (a false claim when CPython finds it) and how many it lets pass.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Command } from "commander";
import { scan } from "../src/index.ts";

const opts = new Command("bench:installed-submodules")
  .option("--python <py>", "interpreter whose site-packages are read and asked", "python3")
  .option("--sample <n>", "names to test (a seeded sample of all candidates)", "6000")
  .option("--seed <s>", "sample seed", "1")
  .parse()
  .opts<{ python: string; sample: string; seed: string }>();

// Candidates and truth in one Python process: the names, then find_spec on each (stdout/stderr of imported
// packages silenced; any exception other than ModuleNotFoundError is "error", not scored).
const PY = String.raw`
import ast, contextlib, importlib.util, io, json, os, random, re, site, sys, warnings
warnings.simplefilter("ignore")
stdlib = set(sys.stdlib_module_names)
names = set()
for root in [p for p in site.getsitepackages() if os.path.isdir(p)]:
    for dp, dn, fn in os.walk(root):
        dn[:] = [d for d in dn if d != "__pycache__" and not d.endswith(".dist-info")]
        for f in fn:
            if not f.endswith(".py"):
                continue
            try:
                tree = ast.parse(open(os.path.join(dp, f), encoding="utf-8").read())
            except Exception:
                continue
            for node in ast.walk(tree):
                if isinstance(node, ast.Import):
                    names.update(a.name for a in node.names if "." in a.name)
                elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                    if "." in node.module:
                        names.add(node.module)
                    names.update(node.module + "." + a.name for a in node.names if a.name != "*")
names = sorted(n for n in names if n.split(".")[0] not in stdlib and re.match(r"^[A-Za-z_][\w.]*$", n))
random.seed(int(sys.argv[2]))
sample = sorted(random.sample(names, min(int(sys.argv[1]), len(names))))
truth = {}
for n in sample:
    try:
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            spec = importlib.util.find_spec(n)
        truth[n] = "found" if spec is not None else "missing"
    except ModuleNotFoundError as e:
        truth[n] = "missing" if e.name == n else "parent-missing"
    except BaseException:
        truth[n] = "error"
json.dump({"candidates": len(names), "truth": truth}, sys.stdout)
`;

const started = performance.now();
const out = execFileSync(opts.python, ["-c", PY, opts.sample, opts.seed], {
  encoding: "utf8",
  maxBuffer: 256 * 1024 * 1024,
  stdio: ["ignore", "pipe", "ignore"],
});
const { candidates, truth } = JSON.parse(out) as { candidates: number; truth: Record<string, string> };
const names = Object.keys(truth).sort();
const dir = mkdtempSync(join(tmpdir(), "remedy-installed-submodules-"));
try {
  mkdirSync(join(dir, "tests"));
  writeFileSync(join(dir, "pytest.ini"), "[pytest]\n");
  const fileOf = (i: number) => `tests/test_${String(i).padStart(5, "0")}.py`;
  names.forEach((n, i) => {
    writeFileSync(join(dir, fileOf(i)), `import ${n}\n\n\ndef test_imports():\n    pass\n`);
  });
  const truthMs = Math.round(performance.now() - started);
  const t0 = performance.now();
  const result = await scan(dir, { python: opts.python, cache: false });
  const scanMs = Math.round(performance.now() - t0);
  // Test files remedy says fail because an installed package lacks the submodule (the finding names the version).
  const claimed = new Set<string>();
  for (const f of result.findings) {
    if (f.severity !== "error" || f.kind !== "missing-third-party") continue;
    if (!f.suggestions.some((s) => s.kind === "removed")) continue;
    for (const file of [f.file, ...f.blocks.testFiles, ...f.hiddenIn]) claimed.add(file);
  }
  const tally = new Map<string, { claimed: number; passed: number; examples: string[] }>();
  names.forEach((n, i) => {
    const t = truth[n] as string;
    const row = tally.get(t) ?? { claimed: 0, passed: 0, examples: [] };
    if (claimed.has(fileOf(i))) {
      row.claimed++;
      if (row.examples.length < 5) row.examples.push(n);
    } else row.passed++;
    tally.set(t, row);
  });
  console.log(
    `${candidates} candidate names in ${opts.python}'s site-packages; ${names.length} sampled (seed ${opts.seed})`,
  );
  console.log(`truth (find_spec) ${truthMs} ms; remedy scan of the ${names.length}-file tree ${scanMs} ms`);
  console.log("CPython says      names  remedy: submodule missing  remedy: no such claim");
  for (const [t, row] of [...tally].sort()) {
    console.log(
      `${t.padEnd(16)}  ${String(row.claimed + row.passed).padStart(5)}  ${String(row.claimed).padStart(24)}  ${String(row.passed).padStart(21)}`,
    );
  }
  const wrong = tally.get("found");
  console.log(
    `false claims (remedy says missing, CPython finds it): ${wrong?.claimed ?? 0}${wrong?.examples.length ? ` e.g. ${wrong.examples.join(", ")}` : ""}`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
