// `node --import tsx bench/realworld/setup.ts [--projects a,b] [--pytest 8|9|both] [--force]`: re-creates
// /work/corpus from the manifest: each tree from its mirror (git archive at the pinned commit; the mirrors must
// have been fetched already) and one venv per pytest major with the project's test dependencies, as far as the
// local pip mirror holds them. What pip could not install is recorded in the manifest (it is part of the truth).
import { spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { Command } from "commander";
import { parse as parseToml } from "smol-toml";
import {
  type InstallOutcome,
  mirrorGitDir,
  type Project,
  PYTEST_MAJORS,
  type PytestMajor,
  readManifest,
  selectProjects,
  treeDir,
  venvDir,
  venvPython,
  writeManifest,
} from "./corpus.ts";

const PIP_ENV = {
  ...process.env,
  PIP_DISABLE_PIP_VERSION_CHECK: "1",
  PIP_NO_INPUT: "1",
  // Trees come from git archive, without .git: setuptools-scm / hatch-vcs need a version handed to them.
  SETUPTOOLS_SCM_PRETEND_VERSION: "0.0.0",
  // The mirror is the only index: pip's default index is out of reach here and would only add timeouts.
  PIP_INDEX_URL: "file:///opt/pypi/simple",
  PIP_EXTRA_INDEX_URL: "file:///opt/pypi-more/simple",
};

function run(cmd: string, args: string[], cwd?: string, scmVersion?: string): { ok: boolean; out: string } {
  const env = scmVersion ? { ...PIP_ENV, SETUPTOOLS_SCM_PRETEND_VERSION: scmVersion } : PIP_ENV;
  const r = spawnSync(cmd, args, { cwd, env, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  return { ok: r.status === 0, out: `${r.stdout ?? ""}${r.stderr ?? ""}` };
}

/** git archive of the pinned commit, leaving out blobs the snapshot lacks (files of 4 MiB and more). */
export function extractTree(p: Project, force = false): void {
  const dest = treeDir(p);
  if (existsSync(dest) && readdirSync(dest).length > 0 && !force) return;
  const git = mirrorGitDir(p);
  if (!existsSync(git)) throw new Error(`${p.name}: no mirror at ${git} (fetch github:${p.repo} first)`);
  rmSync(dest, { recursive: true, force: true });
  mkdirSync(dest, { recursive: true });
  const tree = run("git", [`--git-dir=${git}`, "ls-tree", "-r", p.commit])
    .out.split("\n")
    .filter(Boolean);
  const blobs = tree.map((l) => /^\d+ blob ([0-9a-f]+)\t(.*)$/.exec(l)).filter((m) => m !== null);
  const check = spawnSync("git", [`--git-dir=${git}`, "cat-file", "--batch-check=%(objectname) %(objecttype)"], {
    input: blobs.map((m) => m[1]).join("\n"),
    encoding: "utf8",
    maxBuffer: 256 * 1024 * 1024,
  });
  const missing = new Set(
    check.stdout
      .split("\n")
      .filter((l) => l.endsWith(" missing"))
      .map((l) => l.split(" ")[0]),
  );
  const excludes = blobs.filter((m) => missing.has(m[1]!)).map((m) => `:(exclude)${m[2]}`);
  if (excludes.length) console.log(`  ${p.name}: ${excludes.length} blob(s) absent from the snapshot, left out`);
  const archive = spawnSync("git", [`--git-dir=${git}`, "archive", p.commit, "--", ".", ...excludes], {
    maxBuffer: 4 * 1024 * 1024 * 1024,
  });
  const tar = spawnSync("tar", ["-x", "-C", dest], { input: archive.stdout, maxBuffer: 64 * 1024 * 1024 });
  if (tar.status !== 0) throw new Error(`${p.name}: tar failed: ${tar.stderr}`);
}

/** PEP 735 group of the tree's pyproject.toml, include-group expanded. */
function dependencyGroup(tree: string, name: string, seen = new Set<string>()): string[] {
  const doc = parseToml(readFileSync(join(tree, "pyproject.toml"), "utf8")) as {
    "dependency-groups"?: Record<string, (string | { "include-group": string })[]>;
  };
  const group = doc["dependency-groups"]?.[name];
  if (!group) throw new Error(`no dependency group '${name}' in ${tree}/pyproject.toml`);
  seen.add(name);
  return group.flatMap((e) =>
    typeof e === "string" ? [e] : seen.has(e["include-group"]) ? [] : dependencyGroup(tree, e["include-group"], seen),
  );
}

/** The [project] dependencies of the tree's pyproject.toml: when `-e .` fails for one missing dependency,
 *  the others still install through the requirement batch. */
function projectDependencies(tree: string): string[] {
  const doc = parseToml(readFileSync(join(tree, "pyproject.toml"), "utf8")) as {
    project?: { dependencies?: string[] };
  };
  return doc.project?.dependencies ?? [];
}

/** A requirements file's requirement lines, nested -r expanded; -e lines become local items. */
function requirementsFile(file: string, local: string[], seen = new Set<string>()): string[] {
  if (seen.has(file) || !existsSync(file)) return [];
  seen.add(file);
  const out: string[] = [];
  for (const raw of readFileSync(file, "utf8").split("\n")) {
    const line = raw.replace(/(^|\s)#.*$/, "").trim();
    if (!line) continue;
    const nested = /^(-r|--requirement)\s*(\S+)/.exec(line);
    if (nested) out.push(...requirementsFile(resolve(dirname(file), nested[2]!), local, seen));
    else if (/^(-e|--editable)\s+/.test(line)) local.push(`-e ${resolve(dirname(file), line.split(/\s+/)[1]!)}`);
    else if (!line.startsWith("-")) out.push(line);
  }
  return out;
}

const reqName = (req: string): string =>
  (/^\s*([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(req)?.[1] ?? req).toLowerCase().replace(/[-_.]+/g, "-");

function expand(p: Project): { local: string[]; reqs: string[] } {
  const tree = treeDir(p);
  const local: string[] = [];
  const reqs: string[] = [];
  for (const item of p.install) {
    if (item.startsWith("group:")) reqs.push(...dependencyGroup(tree, item.slice(6)));
    else if (item === "project-deps") reqs.push(...projectDependencies(tree));
    else if (item.startsWith("-r ")) reqs.push(...requirementsFile(join(tree, item.slice(3).trim()), local));
    else if (/^(--no-deps\s+)?-e\s/.test(item) || item === "." || item.startsWith("./")) local.push(item);
    else reqs.push(item);
  }
  // pytest is each venv's own pin; local paths in requirement lists (".", "-e .") are local items.
  const seen = new Set<string>();
  const unique = reqs.filter((r) => {
    const key = r.replace(/\s+/g, "");
    if (reqName(r) === "pytest" || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { local: [...new Set(local)], reqs: unique };
}

let scmVersion: string | undefined;

function pip(python: string, pin: string, items: string[], cwd: string): { ok: boolean; out: string } {
  const args = ["-m", "pip", "install", "-q", pin];
  // Flags with their values ("-e path", "--no-deps -e path") are split; a requirement stays one argument.
  for (const item of items) args.push(...(item.startsWith("-") ? item.split(/\s+/).filter(Boolean) : [item.trim()]));
  return run(python, args, cwd, scmVersion);
}

const MIRROR_INDEXES = ["/opt/pypi/simple", "/opt/pypi-more/simple"];

/** Whether the mirror has any distribution of that name (a requirement it lacks fails without asking pip). */
function inMirror(req: string): boolean {
  const name = reqName(req);
  if (MIRROR_INDEXES.some((d) => existsSync(join(d, name)))) return true;
  const wheels = existsSync("/opt/wheels") ? readdirSync("/opt/wheels") : [];
  return wheels.some((w) =>
    w
      .toLowerCase()
      .replace(/[-_.]+/g, "-")
      .startsWith(`${name}-`),
  );
}

/** Installs the requirement strings, dropping (and recording) what the mirror cannot provide. */
/** The requirement without its version specifier (extras and marker kept). */
function unpinned(req: string): string | undefined {
  const [spec, marker] = req.split(";");
  const bare = /^\s*[A-Za-z0-9][A-Za-z0-9._-]*(\[[^\]]*\])?/.exec(spec!)?.[0]?.trim();
  return bare && marker !== undefined ? `${bare};${marker}` : bare;
}

function installRequirements(python: string, pin: string, all: string[], cwd: string, result: InstallOutcome): void {
  const reqs = all.filter(inMirror);
  result.failed.push(...all.filter((r) => !inMirror(r)));
  if (reqs.length === 0) return;
  // One batch; a requirement pip names as unavailable is relaxed (pinned) or dropped and the batch retried.
  let batch = [...reqs];
  for (let round = 0; round < 12 && batch.length > 0; round++) {
    const res = pip(python, pin, batch, cwd);
    if (res.ok) {
      result.installed.push(...batch);
      return;
    }
    const named = [...res.out.matchAll(/No matching distribution found for ([A-Za-z0-9._-]+)/g)].map((m) =>
      reqName(m[1]!),
    );
    const culprit = batch.find((r) => named.includes(reqName(r)));
    if (!culprit) break;
    const bare = unpinned(culprit);
    if (bare && bare !== culprit.trim() && !result.relaxed.includes(culprit)) {
      result.relaxed.push(culprit);
      batch = batch.map((r) => (r === culprit ? bare : r));
    } else {
      result.relaxed = result.relaxed.filter((r) => r !== culprit && unpinned(r) !== culprit);
      result.failed.push(culprit);
      batch = batch.filter((r) => r !== culprit);
    }
  }
  bisect(python, pin, batch, cwd, result);
}

/** Halves a failing list until each failing requirement stands alone (about 2·k·log n pip calls for k bad ones
 *  among n, instead of n); a lone pinned one is tried once more without its version. */
function bisect(python: string, pin: string, reqs: string[], cwd: string, result: InstallOutcome): void {
  if (reqs.length === 0) return;
  if (reqs.length > 1) {
    const half = Math.ceil(reqs.length / 2);
    for (const part of [reqs.slice(0, half), reqs.slice(half)]) {
      if (pip(python, pin, part, cwd).ok) result.installed.push(...part);
      else bisect(python, pin, part, cwd, result);
    }
    return;
  }
  const req = reqs[0]!;
  const alone = pip(python, pin, [req], cwd);
  // A requirement whose marker does not apply is not needed (pip then has nothing to install and says so).
  if (alone.ok || /Ignoring [^:]+: markers .* don't match/.test(alone.out)) {
    result.installed.push(req);
    return;
  }
  const relaxed = unpinned(req);
  if (relaxed && relaxed !== req.trim() && pip(python, pin, [relaxed], cwd).ok) {
    result.installed.push(relaxed);
    result.relaxed.push(req);
  } else result.failed.push(req);
}

function installLocal(python: string, pin: string, items: string[], cwd: string, result: InstallOutcome): void {
  for (const item of items) {
    if (pip(python, pin, [item], cwd).ok) result.installed.push(item);
    else result.failed.push(item);
  }
}

function buildVenvs(p: Project, python: string, versions: Record<PytestMajor, string>, majors: PytestMajor[]): void {
  const tree = treeDir(p);
  const { local, reqs } = expand(p);
  scmVersion = p.scmVersion;
  p.installResult ??= {};
  const pt8 = venvDir(p, "8");
  for (const major of majors) {
    const dir = venvDir(p, major);
    const pin = `pytest==${versions[major]}`;
    rmSync(dir, { recursive: true, force: true });
    const result: InstallOutcome = { installed: [], failed: [], relaxed: [] };
    if (major === "9" && existsSync(join(pt8, "bin", "python")) && p.installResult["8"]) {
      // A copy of the pytest 8 venv with pytest swapped; only what failed there is tried again.
      cpSync(pt8, dir, { recursive: true, verbatimSymlinks: true });
      run("sed", ["-i", `s#${pt8}#${dir}#g`, join(dir, "pyvenv.cfg")]);
      const swap = pip(venvPython(p, major), pin, [], tree);
      if (!swap.ok) throw new Error(`${p.name}: pytest ${versions[major]} did not install: ${swap.out}`);
      const before = p.installResult["8"];
      result.installed.push(...before.installed);
      // Local builds do not depend on pytest's version: they are not tried again.
      result.failed.push(...before.failed.filter((f) => local.includes(f)));
      const retryReqs = before.failed.filter((f) => !local.includes(f) && inMirror(f));
      result.failed.push(...before.failed.filter((f) => !local.includes(f) && !inMirror(f)));
      installRequirements(venvPython(p, major), pin, retryReqs, tree, result);
      result.relaxed.push(...before.relaxed);
    } else {
      const made = run(python, ["-m", "venv", dir]);
      if (!made.ok) throw new Error(`${p.name}: venv failed: ${made.out}`);
      const base = pip(venvPython(p, major), pin, [], tree);
      if (!base.ok) throw new Error(`${p.name}: pytest ${versions[major]} did not install: ${base.out}`);
      // First everything in one pip call (one resolution: cheap on a loaded machine); item by item if it fails.
      const together = local.filter((l) => !l.includes("--no-deps"));
      const inMirrorReqs = reqs.filter(inMirror);
      const first = pip(venvPython(p, major), pin, [...together, ...inMirrorReqs], tree);
      if (first.ok) {
        result.installed.push(...together, ...inMirrorReqs);
        result.failed.push(...reqs.filter((r) => !inMirror(r)));
        installLocal(
          venvPython(p, major),
          pin,
          local.filter((l) => !together.includes(l)),
          tree,
          result,
        );
      } else {
        installLocal(venvPython(p, major), pin, local, tree, result);
        installRequirements(venvPython(p, major), pin, reqs, tree, result);
      }
    }
    p.installResult[major] = result;
    console.log(
      `  ${p.name} pt${major}: ${result.installed.length} installed, ${result.failed.length} failed` +
        (result.failed.length ? ` (${result.failed.join(", ")})` : ""),
    );
  }
}

function countFiles(root: string): { py: number; tests: number } {
  let py = 0;
  let tests = 0;
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.isDirectory()) {
        if (e.name !== ".git") walk(join(dir, e.name));
      } else if (e.name.endsWith(".py")) {
        py += 1;
        if (/^test_.*\.py$|_test\.py$/.test(e.name)) tests += 1;
      }
    }
  };
  walk(root);
  return { py, tests };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const program = new Command("setup")
    .option("--projects <list>", "only these projects (comma-separated)")
    .option("--pytest <which>", "8, 9 or both", "both")
    .option("--trees-only", "extract the trees, build no venv")
    .option("--force", "extract the trees again")
    .parse();
  const opts = program.opts<{ projects?: string; pytest: string; treesOnly?: boolean; force?: boolean }>();
  const majors: PytestMajor[] = opts.pytest === "both" ? PYTEST_MAJORS : [opts.pytest as PytestMajor];
  const manifest = readManifest();
  for (const p of selectProjects(manifest, opts.projects)) {
    const started = performance.now();
    console.log(`${p.name} (${p.repo}@${p.commit.slice(0, 10)})`);
    extractTree(p, opts.force);
    const counts = countFiles(treeDir(p));
    p.pyFiles = counts.py;
    p.testFileNames = counts.tests;
    if (!opts.treesOnly) buildVenvs(p, manifest.python, manifest.pytest, majors);
    // Each project is recorded as soon as it is done (another setup may run beside this one: re-read first).
    const fresh = readManifest();
    const i = fresh.projects.findIndex((q) => q.name === p.name);
    fresh.projects[i] = { ...fresh.projects[i]!, pyFiles: p.pyFiles, testFileNames: p.testFileNames };
    if (p.installResult) fresh.projects[i]!.installResult = { ...fresh.projects[i]!.installResult, ...p.installResult };
    writeManifest(fresh);
    console.log(`  done in ${Math.round((performance.now() - started) / 1000)} s`);
  }
}
