// Which files git says have uncommitted changes (modified, staged, untracked): the applier does not write over
// work that git could not give back. Outside a git work tree (or without git) the check cannot be made, and says so.
import { execFileSync } from "node:child_process";
import { realpathSync } from "node:fs";
import { join, relative, sep } from "node:path";

export type GitCheck = { checked: true; uncommitted: Set<string> } | { checked: false; reason: string };

function git(cwd: string, args: string[]): string {
  return execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], maxBuffer: 64 << 20 });
}

/** `files` are absolute real paths inside `root`; the answer holds those of them that are not committed as they are. */
export function uncommittedFiles(root: string, files: readonly string[]): GitCheck {
  let top: string;
  try {
    top = realpathSync(git(root, ["rev-parse", "--show-toplevel"]).trim());
  } catch (e) {
    const missing = (e as NodeJS.ErrnoException).code === "ENOENT";
    return { checked: false, reason: missing ? "git is not installed" : "the root is not inside a git work tree" };
  }
  const uncommitted = new Set<string>();
  if (files.length === 0) return { checked: true, uncommitted };
  const specs = files.map((f) => `:(top,literal)${relative(top, f).split(sep).join("/")}`);
  const out = git(top, ["status", "--porcelain=v1", "-z", "--untracked-files=all", "--", ...specs]);
  const fields = out.split("\0");
  for (let i = 0; i < fields.length; i++) {
    const entry = fields[i]!;
    if (entry.length < 4) continue;
    uncommitted.add(join(top, entry.slice(3)));
    if (entry[0] === "R" || entry[0] === "C") i++; // the next field is the rename's source path
  }
  return { checked: true, uncommitted };
}
