// The one applier: checks every file a fix touches (inside the root, unchanged since the scan, committed in git,
// no edit overlapping another fix's), then either shows the result as a diff (the default) or journals the previous
// bytes and writes each file atomically. A fix is applied whole or refused whole, with its reasons.
import { realpathSync } from "node:fs";
import { RemedyError } from "../errors.ts";
import { EditError, editedBytes, editsOverlap } from "./applyEdits.ts";
import { fsyncDirectories, writeFileDurably } from "./durableWrite.ts";
import { type RefusalReason, sha256, type Target, targetOf } from "./fileTarget.ts";
import { uncommittedFiles } from "./gitStatus.ts";
import type { Fix, TextEdit } from "./textEdit.ts";
import { markJournal, writeJournal } from "./undoJournal.ts";
import { unifiedDiff } from "./unifiedDiff.ts";

export interface Refusal {
  fix: string;
  /** As the fix names it (absolute), or relative to the root when known. */
  file: string;
  reason: RefusalReason;
  message: string;
}

export interface PlannedWrite {
  /** Absolute, every symlink resolved: what is written. */
  path: string;
  rel: string;
  mode: number;
  before: Buffer;
  after: Buffer;
  fixes: string[];
}

export interface WritePlan {
  /** The repository root, symlinks resolved. */
  root: string;
  writes: PlannedWrite[];
  /** Ids of the fixes whose every edit is in `writes`. */
  applied: string[];
  refusals: Refusal[];
  /** What could not be checked, in a sentence (e.g. no git repository). */
  notes: string[];
}

export interface PlanOptions {
  /** Write over files with uncommitted changes (`--allow-dirty`). */
  allowDirty?: boolean;
}

function filesOf(fix: Fix): string[] {
  return [...new Set([...fix.edits.map((e) => e.file), ...Object.keys(fix.hashes)])];
}

/** Decides, without writing anything, which fixes can be applied and what each touched file becomes. */
export function planWrites(root: string, fixes: readonly Fix[], options: PlanOptions = {}): WritePlan {
  const realRoot = realpathSync(root);
  const targets = new Map<string, Target>();
  for (const fix of fixes)
    for (const file of filesOf(fix)) if (!targets.has(file)) targets.set(file, targetOf(root, realRoot, file));
  const notes: string[] = [];
  let uncommitted = new Set<string>();
  if (!options.allowDirty) {
    const paths = [...targets.values()].flatMap((t) => (t.ok ? [t.path] : []));
    const git = uncommittedFiles(realRoot, paths);
    if (git.checked) uncommitted = git.uncommitted;
    else
      notes.push(
        `${git.reason}: files with uncommitted changes could not be detected (the undo journal still covers them)`,
      );
  }
  const accepted = new Map<
    string,
    { target: Target & { ok: true }; edits: TextEdit[]; owners: string[]; fixes: string[] }
  >();
  const plan: WritePlan = { root: realRoot, writes: [], applied: [], refusals: [], notes };
  for (const fix of fixes) {
    const refusals: Refusal[] = [];
    const refuse = (file: string, reason: RefusalReason, message: string) =>
      refusals.push({ fix: fix.id, file, reason, message });
    for (const file of filesOf(fix)) {
      const target = targets.get(file)!;
      if (!target.ok) {
        refuse(file, target.reason, target.message);
        continue;
      }
      const edits = fix.edits.filter((e) => e.file === file);
      if (fix.hashes[file] !== target.hash) {
        refuse(
          target.rel,
          "changed-since-scan",
          `${target.rel} changed since the scan (its content hash differs): scan again`,
        );
      } else if (uncommitted.has(target.path)) {
        refuse(
          target.rel,
          "uncommitted-changes",
          `${target.rel} has uncommitted changes in git (commit or stash them, or --allow-dirty)`,
        );
      } else {
        try {
          editedBytes(target.bytes, edits);
        } catch (e) {
          if (!(e instanceof EditError)) throw e;
          refuse(target.rel, e.kind === "overlap" ? "overlap" : "bad-edit", e.message);
          continue;
        }
        const prior = accepted.get(target.path);
        const clash = prior?.edits.findIndex((p) => edits.some((e) => editsOverlap(p, e))) ?? -1;
        if (prior && clash >= 0) {
          const other = prior.owners[clash];
          refuse(
            target.rel,
            "overlap",
            `${target.rel}: its edits overlap those of ${other}; run remedy fix again after writing`,
          );
        }
      }
    }
    if (refusals.length > 0) {
      plan.refusals.push(...refusals);
      continue;
    }
    for (const file of filesOf(fix)) {
      const target = targets.get(file) as Target & { ok: true };
      const slot = accepted.get(target.path) ?? { target, edits: [], owners: [], fixes: [] };
      // Offsets are into the text as read: edits named through another path of the same file fit as they are.
      for (const e of fix.edits.filter((x) => x.file === file)) {
        slot.edits.push({ ...e, file: target.path });
        slot.owners.push(fix.id);
      }
      if (!slot.fixes.includes(fix.id)) slot.fixes.push(fix.id);
      accepted.set(target.path, slot);
    }
    plan.applied.push(fix.id);
  }
  for (const { target, edits, fixes: ids } of accepted.values()) {
    const after = editedBytes(target.bytes, edits);
    if (!after.equals(target.bytes)) {
      plan.writes.push({
        path: target.path,
        rel: target.rel,
        mode: target.mode,
        before: target.bytes,
        after,
        fixes: ids,
      });
    }
  }
  plan.writes.sort((a, b) => (a.rel < b.rel ? -1 : a.rel > b.rel ? 1 : 0));
  return plan;
}

/** The dry run's output: one unified diff for every file the plan changes. */
export function planDiff(plan: WritePlan): string {
  return plan.writes.map((w) => unifiedDiff(w.rel, w.before.toString("utf8"), w.after.toString("utf8"))).join("");
}

/** A file changed between planning and writing: nothing was written. */
export class ChangedDuringFixError extends RemedyError {
  override name = "ChangedDuringFixError";
}

export interface ApplyOptions {
  /** Nothing is written without it: the dry run only returns the diff. */
  write?: boolean;
  /** For tests: called once the journal is on disk, before any file is written (throwing simulates a crash). */
  afterJournal?: (entry: string) => void;
}

export interface FixOutcome extends WritePlan {
  diff: string;
  /** Files written (relative to the root); empty in a dry run. */
  written: string[];
  /** The undo journal's entry directory, when anything was written. */
  journal: string | null;
}

/** Shows the plan as a diff, and with `write: true` journals the previous bytes and writes every file. */
export function applyWrites(plan: WritePlan, options: ApplyOptions = {}): FixOutcome {
  const outcome: FixOutcome = { ...plan, diff: planDiff(plan), written: [], journal: null };
  if (!options.write || plan.writes.length === 0) return outcome;
  for (const w of plan.writes) {
    const now = targetOf(plan.root, plan.root, w.path);
    if (!now.ok || now.path !== w.path || now.hash !== sha256(w.before)) {
      throw new ChangedDuringFixError(`${w.rel} changed while remedy fix was running: nothing written, scan again`);
    }
  }
  outcome.journal = writeJournal(plan.root, plan.applied, plan.writes);
  options.afterJournal?.(outcome.journal);
  for (const w of plan.writes) {
    writeFileDurably(w.path, w.after, w.mode, { syncDirectory: false });
    outcome.written.push(w.rel);
  }
  fsyncDirectories(plan.writes.map((w) => w.path));
  markJournal(outcome.journal, "written");
  return outcome;
}

/** planWrites then applyWrites: what `remedy fix [--write] [--allow-dirty]` does with the codemods' fixes. */
export function applyFixes(root: string, fixes: readonly Fix[], options: PlanOptions & ApplyOptions = {}): FixOutcome {
  return applyWrites(planWrites(root, fixes, options), options);
}
