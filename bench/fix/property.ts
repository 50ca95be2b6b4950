// The fix property on mutated real code (issue "remedy fix, verify and check"): each case is a copy of one corpus
// project (bench/realworld) with one seeded fixable mutation applied to its first-party package or a test file;
// `remedy fix --write --unsafe` runs on the copy and fixProperty.ts checks that every written Python file compiles,
// every targeted finding is gone and the real pytest (the project's venv) collects at least as many tests as before.
// Usage: npm run bench:fix -- [--projects a,b] [--mutations N] [--pytest 8|9] [--seed S]
// (default: structlog,requests,jsonschema,tenacity,kombu; 10 mutations; pytest 9; seed 1).
// Not pluggy or packaging: pytest itself imports them, so a mutated copy crashes pytest before collection (such a
// case is printed and left out); not marshmallow: its clean tree stops at start-up in the corpus venv (nothing to gain).
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { InterpreterCrashError } from "../../src/verify/index.ts";
import { type PytestMajor, readManifest, selectProjects, treeDir, venvPython } from "../realworld/corpus.ts";
import { editablePaths } from "../realworld/mutate.ts";
import { checkFixProperty, firstPartyPackages, mutateForFixes, type PropertyCase } from "./fixProperty.ts";

const DEFAULT_PROJECTS = "structlog,requests,jsonschema,tenacity,kombu";
const SKIP = /\/(\.git|\.remedy|__pycache__|\.pytest_cache|\.tox|\.nox|\.venv)$/;

const { values } = parseArgs({
  options: {
    projects: { type: "string", default: DEFAULT_PROJECTS },
    mutations: { type: "string", default: "10" },
    pytest: { type: "string", default: "9" },
    seed: { type: "string", default: "1" },
  },
});
const major = values.pytest as PytestMajor;
const all: (PropertyCase & { project: string; index: number })[] = [];
for (const project of selectProjects(readManifest(), values.projects)) {
  const editable = editablePaths(project, major);
  for (let index = 0; index < Number(values.mutations); index++) {
    const started = performance.now();
    const base = mkdtempSync(join(tmpdir(), `remedy-fixprop-${project.name}-`));
    const copy = join(base, project.name);
    try {
      cpSync(treeDir(project), copy, { recursive: true, verbatimSymlinks: true, filter: (s) => !SKIP.test(s) });
      const cwd = resolve(copy, project.cwd);
      // The venv's editable installs point at the clean tree: the copy's own directories go first instead.
      const pythonpath = editable.map((e) => join(copy, e)).join(":");
      const env = { ...process.env, ...(pythonpath ? { PYTHONPATH: pythonpath } : {}) };
      const packages = [...new Set([cwd, ...editable.map((e) => join(copy, e))])].flatMap(firstPartyPackages);
      const { mutation, args } = mutateForFixes(copy, packages, index, `${values.seed}:${project.name}`);
      if (!mutation) {
        console.log(`${project.name} #${index}: no place for a fixable mutation`);
        continue;
      }
      const tree = { dir: cwd, python: venvPython(project, major), env, args: [...project.args, ...args] };
      const c = await checkFixProperty(tree, mutation).catch((e: unknown) => {
        if (!(e instanceof InterpreterCrashError)) throw e;
        console.log(`${project.name} #${index} ${mutation}: left out, pytest crashed (${e.message.split("\n")[0]})`);
        return null;
      });
      if (!c) continue;
      all.push({ ...c, project: project.name, index });
      const failed = c.ok ? "" : ` FAILED parse=[${c.parseFailures.join(", ")}] still=[${c.stillReported.join("; ")}]`;
      console.log(
        `${project.name} #${index} ${c.mutation}: ${c.fixes} fixes, ${c.unfixed.length} unfixed, pytest ${c.testsBefore} -> ${c.testsAfter}${failed} (${Math.round(performance.now() - started)} ms)`,
      );
      const reasons = new Map<string, number>();
      for (const u of c.unfixed) reasons.set(u, (reasons.get(u) ?? 0) + 1);
      for (const [u, n] of reasons) console.log(`    unfixed ${n > 1 ? `${n}x ` : ""}${u}`);
    } finally {
      rmSync(base, { recursive: true, force: true });
    }
  }
}
const fixed = all.filter((c) => c.fixes > 0);
console.log(
  `cases ${all.length}, with fixes ${fixed.length}, all properties hold ${all.filter((c) => c.ok).length}/${all.length}, ` +
    `files that no longer compile ${all.reduce((a, c) => a + c.parseFailures.length, 0)}, targeted findings still reported ` +
    `${all.reduce((a, c) => a + c.stillReported.length, 0)}, tests regained ${fixed.reduce((a, c) => a + c.testsAfter - c.testsBefore, 0)}`,
);
