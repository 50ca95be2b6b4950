// The real-world corpus: the manifest (committed) and where its trees, venvs and results live (never committed).
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const CORPUS = process.env.REMEDY_CORPUS ?? "/work/corpus";
export const MIRRORS = process.env.REMEDY_MIRRORS ?? "/work/.mirror";
export const MANIFEST = join(dirname(fileURLToPath(import.meta.url)), "manifest.json");

export type PytestMajor = "8" | "9";
export const PYTEST_MAJORS: PytestMajor[] = ["8", "9"];

export interface InstallOutcome {
  /** pip items that installed (a requirement string, or `-e path` / `--no-deps -e path`). */
  installed: string[];
  /** Items pip could not install from the mirror (the tests that need them fail: part of the truth). */
  failed: string[];
  /** Pinned requirements that only installed without their version specifier. */
  relaxed: string[];
}

export interface Measured {
  /** Clean-tree figures of the last bench run, per pytest major. */
  date: string;
  pytestExit: number;
  collected: number;
  testFiles: number;
  cleanTestFiles: number;
  errorFiles: number;
}

export interface Project {
  name: string;
  repo: string;
  commit: string;
  /** Which layout and configuration features it exercises. */
  why: string;
  /** pytest's invocation directory, relative to the tree. */
  cwd: string;
  /** Arguments after `python -m pytest --collect-only` (e.g. a testpaths subset of a huge repository). */
  args: string[];
  /** pip items: a requirement, `-r file`, `-e path`, `--no-deps -e path`, `group:NAME` (a PEP 735 group of the
   *  tree's pyproject.toml), `project-deps` (its [project] dependencies). pytest itself is never taken from them: each venv pins its own. */
  install: string[];
  /** Version setuptools-scm / hatch-vcs give the project itself (no .git in the tree); default 0.0.0. */
  scmVersion?: string;
  /** Why its install/args/cwd differ from the obvious set-up (e.g. a sub-suite or --noconftest chosen because the
   *  root conftest dies on a package the mirror lacks and would measure nothing else). */
  setupNote?: string;
  /** Set while the project is not part of the measured corpus yet (why, and what to run). */
  status?: string;
  /** Filled by setup / the bench. */
  pyFiles?: number;
  testFileNames?: number;
  installResult?: Partial<Record<PytestMajor, InstallOutcome>>;
  measured?: Partial<Record<PytestMajor, Measured>>;
}

export interface Manifest {
  python: string;
  pytest: Record<PytestMajor, string>;
  projects: Project[];
}

export function readManifest(): Manifest {
  return JSON.parse(readFileSync(MANIFEST, "utf8")) as Manifest;
}

export function writeManifest(m: Manifest): void {
  writeFileSync(MANIFEST, `${JSON.stringify(m, null, 2)}\n`);
}

export const treeDir = (p: Project): string => join(CORPUS, "src", p.name);
export const venvDir = (p: Project, major: PytestMajor): string => join(CORPUS, "venv", `${p.name}-pt${major}`);
export const venvPython = (p: Project, major: PytestMajor): string => join(venvDir(p, major), "bin", "python");
export const mirrorGitDir = (p: Project): string => join(MIRRORS, p.repo.replace("/", "+"), "repo");

export function selectProjects(m: Manifest, names: string | undefined): Project[] {
  if (!names) return m.projects;
  const wanted = names.split(",").filter(Boolean);
  const unknown = wanted.filter((n) => !m.projects.some((p) => p.name === n));
  if (unknown.length) throw new Error(`unknown project(s): ${unknown.join(", ")}`);
  // In the order given (setup and bench runs can put the slow ones first).
  return wanted.map((n) => m.projects.find((p) => p.name === n)!);
}
