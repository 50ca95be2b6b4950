// The last scan of a directory, kept in <dir>/.remedy/scan.json with the stamps of everything it read: when no
// stamp changed, the result is returned as it was (a warm scan is one stat per input); when only Python sources
// other than conftests changed, discover's answer (pytest's view) and the file list are reused and only the
// import-time model and the analyzers run again. Inputs: every directory of the project walk (an added, removed
// or renamed file changes its directory's mtime), every Python file, requirement files, config-file candidates
// in the invocation dir, the initial paths and their ancestors, conftests and plugin files, and the interpreter (binary, sys.path and
// site-packages directories). Not covered: edits inside hidden or skipped directories (.venv, build, node_modules)
// that the project walk does not enter — `--no-cache` or deleting .remedy/ is the remedy there.
import { statSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import type { ScanResult } from "../analyze/index.ts";
import {
  cacheDirOf,
  ensureCacheDir,
  readOrNull,
  remedyFingerprint,
  stampPath,
  storableStamp,
  writeAtomic,
} from "../cache/index.ts";
import type { PytestView } from "../discover/index.ts";
import { ancestors } from "../discover/index.ts";

export interface CachedProject {
  pythonFiles: string[];
  requirementFiles: string[];
  directories: string[];
}

interface Stored {
  fingerprint: string;
  key: string;
  /** Stamps of what discover read: when all match, the view and the project walk are still right. */
  viewInputs: [string, string][];
  /** Stamps of every other file (Python sources): when all match too, the result is still right. */
  fileInputs: [string, string][];
  view: PytestView;
  project: CachedProject;
  result: ScanResult;
  /** The environment variables `if` tests asked for, with their values then (null: unset): the result holds only
   *  while they keep them. */
  environ?: [string, string | null][];
}

/** Files whose presence or content decides pytest's rootdir, config and start-up. */
const CONFIG_NAMES = ["pytest.ini", ".pytest.ini", "pyproject.toml", "tox.ini", "setup.cfg", "setup.py", "conftest.py"];

/** Directory stamps are exact (an mtime changes when an entry is added or removed); file stamps are not trusted
 *  when the file changed within the racy window. O(1) syscalls. */
function fileStamp(path: string, now: number): string {
  try {
    const st = statSync(path, { throwIfNoEntry: false });
    return st ? storableStamp(st, now) : "-";
  } catch {
    return "-";
  }
}

/** The inputs whose stamp no longer matches (all of them checked when `all`, else up to the first): O(inputs)
 *  stats, no reads. */
function changedInputs(inputs: [string, string][], now: number, all: boolean): string[] {
  const changed: string[] = [];
  for (const [path, stamp] of inputs) {
    const isDir = path.endsWith("/");
    const current =
      stamp === ""
        ? null
        : isDir
          ? stampPath(path.slice(0, -1) || "/")
          : stamp === "-"
            ? stampPath(path)
            : fileStamp(path, now);
    if (current !== stamp) {
      changed.push(path);
      if (!all) break;
    }
  }
  return changed;
}

export interface ScanKeyParts {
  root: string;
  python: string | null | undefined;
  args: string[];
  invocation: string;
  /** The interpreter executable `python` names now (PATH lookup), or null. */
  executable: string | null;
  env: NodeJS.ProcessEnv;
  /** The size limit above which files are not read. */
  maxBytes?: number;
}

const ENV_KEYS = [
  "PYTEST_ADDOPTS",
  "PYTEST_DISABLE_PLUGIN_AUTOLOAD",
  "PYTEST_PLUGINS",
  "PYTHONPATH",
  "PYTHONHOME",
  "PYTHONNOUSERSITE",
  "PYTHONSAFEPATH",
  "PYTHONUSERBASE",
];

export function scanKey(parts: ScanKeyParts): string {
  return JSON.stringify([
    parts.root,
    parts.python ?? "",
    parts.args,
    parts.invocation,
    parts.executable,
    ENV_KEYS.map((k) => parts.env[k] ?? null),
    parts.maxBytes ?? null,
  ]);
}

export class ScanCache {
  private stored: Stored | null = null;
  private viewValid = false;
  private resultValid = false;
  /** Python files whose stamp changed since the stored scan (when the view is still valid). */
  private changedFiles: string[] = [];

  /** `dir` is the invocation directory; `null` file: caching disabled (nothing is read or written). */
  constructor(
    private readonly file: string | null,
    private readonly key: string,
    private readonly environ: NodeJS.ProcessEnv = process.env,
  ) {
    if (!file) return;
    const buf = readOrNull(file);
    if (!buf) return;
    try {
      const s = JSON.parse(buf.toString("utf8")) as Stored;
      if (s.fingerprint !== remedyFingerprint() || s.key !== key) return;
      if (s.environ?.some(([k, v]) => (environ[k] ?? null) !== v)) return;
      const now = Date.now();
      this.stored = s;
      this.viewValid = changedInputs(s.viewInputs, now, false).length === 0;
      if (this.viewValid) this.changedFiles = changedInputs(s.fileInputs, now, true);
      this.resultValid = this.viewValid && this.changedFiles.length === 0;
    } catch {
      // Corrupt or foreign: rebuilt by this scan.
    }
  }

  static forDir(dir: string, key: string, enabled: boolean, environ: NodeJS.ProcessEnv = process.env): ScanCache {
    return new ScanCache(enabled ? join(cacheDirOf(dir), "scan.json") : null, key, environ);
  }

  /** The previous result when nothing it depends on changed. */
  result(): ScanResult | null {
    return this.resultValid && this.stored ? this.stored.result : null;
  }

  /** The previous result when the view is still valid and every file that changed has the facts it had (the
   *  caller re-extracted them) and is not quoted in the result (a failure's chain shows source lines, which the
   *  facts do not hold): the model and the analyzers would see exactly the same input. O(changed x result). */
  resultIfFactsSame(sameFacts: (path: string, mentioned: (word: string) => boolean) => boolean): ScanResult | null {
    if (!this.viewValid || !this.stored) return null;
    const result = this.stored.result;
    const text = JSON.stringify(result);
    const quoted = (p: string) =>
      text.includes(JSON.stringify(p).slice(1, -1)) || text.includes(relative(result.rootdir, p));
    const mentioned = (word: string) => new RegExp(`(^|[^\\w])${word}($|[^\\w])`).test(text);
    return this.changedFiles.every((p) => !quoted(p) && sameFacts(p, mentioned)) ? result : null;
  }

  /** With a valid view: the files whose stamp changed (the only ones the facts store needs to look at, the
   *  others have the stamps it stored). null when the view is not valid (everything must be checked). */
  changed(): string[] | null {
    return this.viewValid && this.stored ? this.changedFiles : null;
  }

  /** Every file the stored scan read besides the discover inputs (kept as inputs when its result is reused). */
  storedFiles(): string[] {
    return this.stored ? this.stored.fileInputs.map(([p]) => p) : [];
  }

  view(): PytestView | null {
    return this.viewValid && this.stored ? this.stored.view : null;
  }

  project(): CachedProject | null {
    return this.viewValid && this.stored ? this.stored.project : null;
  }

  /** Records this scan with the stamps of its inputs as they are now. O(inputs) stats, one write. */
  /** `known` gives stamps already taken this scan (the facts store's), saving a stat per Python file. */
  save(
    view: PytestView,
    project: CachedProject,
    result: ScanResult,
    factsRead: Iterable<string>,
    known: (path: string) => string | undefined = () => undefined,
    envKeys: Iterable<string> | null = null,
  ): boolean {
    if (!this.file) return false;
    ensureCacheDir(dirname(this.file));
    const now = Date.now();
    const viewInputs: [string, string][] = [];
    const seen = new Set<string>();
    const addDir = (d: string) => {
      const k = d.endsWith("/") ? d : `${d}/`;
      if (!seen.has(k)) {
        seen.add(k);
        viewInputs.push([k, stampPath(d)]);
      }
    };
    const addFile = (list: [string, string][], f: string) => {
      if (!seen.has(f)) {
        seen.add(f);
        list.push([f, fileStamp(f, now)]);
      }
    };
    for (const d of project.directories) addDir(d);
    // pytest looks for its config above the invocation dir and above each initial path (args, testpaths).
    for (const base of new Set([view.invocationDir, view.rootdir, ...view.initialPaths])) {
      for (const d of [base, ...ancestors(base)]) for (const n of CONFIG_NAMES) addFile(viewInputs, join(d, n));
    }
    if (view.configfile) addFile(viewInputs, view.configfile);
    for (const c of view.allConftests) addFile(viewInputs, c);
    for (const p of view.plugins) if (p.file) addFile(viewInputs, p.file);
    for (const f of project.requirementFiles) addFile(viewInputs, f);
    if (view.interpreter) {
      addFile(viewInputs, view.interpreter.realpath);
      for (const d of [...view.interpreter.sitePackages, ...view.sysPath]) addDir(d);
    }
    const fileInputs: [string, string][] = [];
    const addKnown = (f: string) => {
      const stamp = known(f);
      if (stamp === undefined) addFile(fileInputs, f);
      else if (!seen.has(f)) {
        seen.add(f);
        fileInputs.push([f, stamp]);
      }
    };
    for (const f of project.pythonFiles) addKnown(f);
    for (const f of factsRead) addKnown(f);
    const stored: Stored = {
      fingerprint: remedyFingerprint(),
      key: this.key,
      viewInputs,
      fileInputs,
      view,
      project,
      result,
      environ: envKeys
        ? [...new Set(envKeys)].sort().map((k) => [k, this.environ[k] ?? null])
        : (this.stored?.environ ?? []),
    };
    return writeAtomic(this.file, JSON.stringify(stored));
  }
}
