// The undo journal: before the applier writes any file, the previous bytes of every file it will touch are copied
// to <root>/.remedy/fix-journal/<entry>/ with a manifest (sha256 before and after), all flushed to disk. So a crash
// at any point leaves either untouched files or a usable journal, and undoLast() gives back exactly those bytes.
import { existsSync, mkdirSync, readdirSync, readFileSync, realpathSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { cacheDirOf, ensureCacheDir, readOrNull } from "../cache/index.ts";
import { RemedyError } from "../errors.ts";
import { fsyncDirectories, fsyncDirectory, writeFileDurably } from "./durableWrite.ts";
import { relativeInside, sha256, targetOf } from "./fileTarget.ts";

const FORMAT = 1;

export interface JournalFile {
  /** Relative to the resolved root, forward slashes. */
  rel: string;
  mode: number;
  before: string;
  after: string;
  /** The previous bytes, relative to the entry's directory. */
  copy: string;
}

export interface JournalManifest {
  format: number;
  id: string;
  createdAt: string;
  /** "writing" until every file is written: a crash leaves it so, and undo still works file by file. */
  status: "writing" | "written" | "undone";
  fixes: string[];
  files: JournalFile[];
  undoneAt?: string;
}

/** Undo cannot go ahead (no journal, a damaged one, a cache directory leading outside the root). */
export class UndoError extends RemedyError {
  override name = "UndoError";
}

export interface JournalWrite {
  rel: string;
  mode: number;
  before: Uint8Array;
  after: Uint8Array;
}

/** <root>/.remedy/fix-journal, refused when .remedy leads outside the root (nothing is written outside it). */
function journalDir(realRoot: string): string {
  const cache = cacheDirOf(realRoot);
  // Checked before anything is made in it (ensureCacheDir writes its .gitignore there).
  if (existsSync(cache) && relativeInside(realRoot, realpathSync(cache)) === null) {
    throw new UndoError(`${cache} leads outside the repository root: remedy writes nothing there`);
  }
  ensureCacheDir(cache);
  const dir = join(cache, "fix-journal");
  mkdirSync(dir, { recursive: true });
  return dir;
}

function entryNames(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((n) => /^\d{6}-/.test(n))
      .sort();
  } catch {
    return [];
  }
}

function saveManifest(entry: string, manifest: JournalManifest): void {
  writeFileDurably(join(entry, "manifest.json"), Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`), 0o644);
}

/** Records `writes` as a new journal entry, durably, and returns its directory. Call before writing any target. */
export function writeJournal(realRoot: string, fixes: string[], writes: readonly JournalWrite[]): string {
  const dir = journalDir(realRoot);
  const last = entryNames(dir).at(-1);
  let seq = last ? Number.parseInt(last.slice(0, 6), 10) + 1 : 1;
  let id: string;
  let entry: string;
  for (;;) {
    id = `${String(seq).padStart(6, "0")}-${new Date().toISOString().replace(/[:.]/g, "")}`;
    entry = join(dir, id);
    try {
      mkdirSync(entry); // exclusive: a concurrent fix takes the next number
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
      seq++;
    }
  }
  mkdirSync(join(entry, "files"));
  const files = writes.map((w, i): JournalFile => {
    const copy = `files/${i}.before`;
    writeFileDurably(join(entry, copy), w.before, 0o600, { syncDirectory: false });
    return { rel: w.rel, mode: w.mode, before: sha256(w.before), after: sha256(w.after), copy };
  });
  fsyncDirectory(join(entry, "files"));
  saveManifest(entry, { format: FORMAT, id, createdAt: new Date().toISOString(), status: "writing", fixes, files });
  fsyncDirectory(dir);
  return entry;
}

export function markJournal(entry: string, status: JournalManifest["status"]): void {
  const manifest = readManifest(entry);
  saveManifest(entry, { ...manifest, status, ...(status === "undone" ? { undoneAt: new Date().toISOString() } : {}) });
}

function readManifest(entry: string): JournalManifest {
  const text = readOrNull(join(entry, "manifest.json"));
  try {
    const manifest = JSON.parse(String(text)) as JournalManifest;
    if (manifest.format === FORMAT && Array.isArray(manifest.files)) return manifest;
  } catch {}
  throw new UndoError(`${entry}: the journal entry's manifest is missing or damaged`);
}

/** Where a file that is gone is restored: its directory must still exist inside the root, symlinks resolved. */
function goneFilePath(realRoot: string, rel: string): string | null {
  const path = join(realRoot, rel);
  try {
    const dir = realpathSync(dirname(path));
    return relativeInside(realRoot, dir) === null && dir !== realRoot ? null : join(dir, basename(path));
  } catch {
    return null;
  }
}

export interface UndoRefusal {
  file: string;
  message: string;
}

export interface UndoOutcome {
  /** The journal entry undone (or not, when refused). */
  entry: string;
  fixes: string[];
  restored: string[];
  /** Files that already had their previous bytes (a fix interrupted before writing them). */
  unchanged: string[];
  /** Files changed since the fix wrote them: nothing is restored unless forced. */
  refusals: UndoRefusal[];
  undone: boolean;
}

/** Restores the previous bytes of every file of the last entry not yet undone, and marks it undone. Refuses
 *  (restoring nothing) when a file changed after the fix wrote it, unless `force`. */
export function undoLast(root: string, options: { force?: boolean } = {}): UndoOutcome {
  const realRoot = realpathSync(root);
  const dir = join(cacheDirOf(realRoot), "fix-journal");
  const entries = entryNames(dir).reverse();
  const id = entries.find((n) => readManifest(join(dir, n)).status !== "undone");
  if (id === undefined) throw new UndoError(`nothing to undo: no fix written in ${realRoot} is left in ${dir}`);
  const entry = join(dir, id);
  const manifest = readManifest(entry);
  const outcome: UndoOutcome = {
    entry: id,
    fixes: manifest.fixes,
    restored: [],
    unchanged: [],
    refusals: [],
    undone: false,
  };
  const todo: { file: JournalFile; path: string }[] = [];
  for (const file of manifest.files) {
    const target = targetOf(realRoot, realRoot, file.rel);
    if (!target.ok && target.reason !== "not-a-file") {
      outcome.refusals.push({ file: file.rel, message: target.message }); // never forced outside the root
      continue;
    }
    const now = target.ok ? target.hash : null;
    const path = target.ok ? target.path : goneFilePath(realRoot, file.rel);
    if (now === file.before) outcome.unchanged.push(file.rel);
    else if (path !== null && (now === file.after || options.force)) todo.push({ file, path });
    else {
      const what = now === null ? "is gone" : "changed";
      outcome.refusals.push({
        file: file.rel,
        message: `${file.rel} ${what} since remedy fix wrote it (--force restores it anyway)`,
      });
    }
  }
  if (outcome.refusals.length > 0) return outcome;
  for (const { file, path } of todo) {
    const bytes = readOrNull(join(entry, file.copy));
    if (bytes === null || sha256(bytes) !== file.before) {
      throw new UndoError(`${entry}: the saved copy of ${file.rel} is missing or damaged; nothing more restored`);
    }
    writeFileDurably(path, bytes, file.mode, { syncDirectory: false });
    if (sha256(readFileSync(path)) !== file.before)
      throw new UndoError(`${file.rel}: restored bytes differ from the saved ones`);
    outcome.restored.push(file.rel);
  }
  fsyncDirectories(todo.map((t) => t.path));
  markJournal(entry, "undone");
  outcome.undone = true;
  return outcome;
}
