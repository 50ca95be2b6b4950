// Temp repositories and fixes for the applier's tests.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { Fix, TextEdit } from "../../src/fix/index.ts";

export const sha = (bytes: Uint8Array): string => createHash("sha256").update(bytes).digest("hex");

/** A fresh directory holding `repo/` (the root, with `files`) and room beside it for what lies outside. */
export function tempRepo(files: Record<string, string | Uint8Array>): { root: string; outside: string } {
  const top = realpathSync(mkdtempSync(join(tmpdir(), "remedy-applier-")));
  process.on("exit", () => rmSync(top, { recursive: true, force: true }));
  const root = join(top, "repo");
  for (const [rel, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, rel)), { recursive: true });
    writeFileSync(join(root, rel), content);
  }
  mkdirSync(root, { recursive: true });
  return { root, outside: top };
}

export function gitCommitAll(root: string): void {
  const git = (...args: string[]) => execFileSync("git", args, { cwd: root, stdio: "pipe" });
  git("init", "-q");
  git("-c", "user.name=t", "-c", "user.email=t@t", "add", ".");
  git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "init");
}

/** A fix replacing the first occurrence of `from` by `to` in `file`, hashed as the file is now. */
export function replaceFix(id: string, file: string, from: string, to: string): Fix {
  const bytes = readFileSync(file);
  const text = bytes.toString("utf8");
  const start = text.indexOf(from);
  if (start < 0) throw new Error(`${from} not in ${file}`);
  const edit: TextEdit = { file, start, end: start + from.length, text: to };
  return fixOf(id, [edit], { [file]: sha(bytes) });
}

export function fixOf(id: string, edits: TextEdit[], hashes: Record<string, string>): Fix {
  return { id, codemod: "test", finding: id, safety: "safe", title: id, edits, hashes };
}
