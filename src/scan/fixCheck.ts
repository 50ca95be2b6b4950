// Every fix is re-checked before it is offered: its edited files still parse (remedy's scanner and CPython's
// compile()), and a scan of the edited tree shows the targeted finding gone and no new one. The scan runs on a temp
// copy of the repository, not in memory: config files (pytest.ini, pyproject.toml) are read from disk by discover,
// and a getFacts overlay would also turn off the facts confirmation the real scan does. The copy hard-links every
// unchanged file (fs.linkSync: cheap even on large trees) and writes the edited ones as new files; it is scanned
// with cache:false, so nothing is written into the user's repository. Measured: see docs/proposed/codemods.md.
import {
  linkSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import type { Finding, ScanResult } from "../analyze/index.ts";
import { editedTexts, type Fix } from "../fix/index.ts";
import { confirmSyntax, factsOfText } from "../python/index.ts";
import { scan } from "./scan.ts";
import type { ScanOptions } from "./scanRun.ts";

export interface FixCheck {
  fix: Fix;
  ok: boolean;
  /** Why not, or what was checked. */
  reason: string;
  ms: number;
}

const SKIP = new Set([
  ".git",
  ".remedy",
  "__pycache__",
  ".pytest_cache",
  ".mypy_cache",
  ".tox",
  ".nox",
  "node_modules",
]);

/** A tree of hard links to `from` (symlinks copied as links; files that cannot be linked are copied). */
function linkTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    if (SKIP.has(entry.name)) continue;
    const src = join(from, entry.name);
    const dest = join(to, entry.name);
    if (entry.isSymbolicLink()) symlinkSync(readlinkSync(src), dest);
    else if (entry.isDirectory()) linkTree(src, dest);
    else if (entry.isFile()) {
      try {
        linkSync(src, dest);
      } catch {
        writeFileSync(dest, readFileSync(src));
      }
    }
  }
}

/** A finding's identity across edits: its line moves when a codemod adds lines above it. */
const key = (f: Finding) => `${f.kind}|${f.file}|${f.name ?? ""}|${f.module ?? ""}`;

/** For register-marker, the one fix covers every unknown marker: all their findings are its targets. */
function targets(fix: Fix, before: ScanResult): string[] {
  const target = before.findings.find((f) => f.id === fix.finding);
  if (!target) return [];
  if (fix.codemod === "register-marker") return before.findings.filter((f) => f.kind === "unknown-marker").map(key);
  return [key(target)];
}

async function checkOne(
  root: string,
  options: ScanOptions,
  fix: Fix,
  before: ScanResult,
): Promise<Omit<FixCheck, "fix" | "ms">> {
  const texts = editedTexts(fix.edits, (p) => readFileSync(p, "utf8"));
  for (const [file, text] of texts) {
    if (file.endsWith(".py") && factsOfText(text, file).status !== "ok")
      return { ok: false, reason: `${relative(root, file)} does not parse after the edit` };
  }
  const outside = [...texts.keys()].find((f) => relative(root, f).startsWith(".."));
  if (outside) return { ok: false, reason: `${outside} is outside the scanned directory ${root}` };
  const base = mkdtempSync(join(tmpdir(), "remedy-fixcheck-"));
  const copy = join(base, "repo");
  try {
    linkTree(root, copy);
    const written: string[] = [];
    for (const [file, text] of texts) {
      const dest = join(copy, relative(root, file));
      rmSync(dest, { force: true }); // never write through a hard link into the user's file
      writeFileSync(dest, text);
      if (dest.endsWith(".py")) written.push(dest);
    }
    const python = options.python ?? "python3";
    if (python && written.length) {
      const verdicts = await confirmSyntax(written, python);
      const bad = [...verdicts].find(([, v]) => v !== null);
      if (bad) return { ok: false, reason: `${relative(copy, bad[0])}: CPython: ${bad[1]!.message}` };
    }
    const after = await scan(copy, { ...options, cache: false, session: undefined });
    const remaining = new Set(after.findings.map(key));
    const still = targets(fix, before).filter((k) => remaining.has(k));
    if (still.length) return { ok: false, reason: `the finding is still reported (${still[0]})` };
    const known = new Set(before.findings.map(key));
    const added = after.findings.filter((f) => !known.has(key(f)));
    if (added.length)
      return { ok: false, reason: `a new finding: ${added[0]!.kind} at ${added[0]!.file}:${added[0]!.line}` };
    return { ok: true, reason: `parses; finding gone; ${after.findings.length} findings left, none new` };
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
}

/** Re-checks each fix on its own (fixes are offered independently). `before`: the scan the fixes came from. */
export async function checkFixes(
  path: string,
  options: ScanOptions,
  fixes: Fix[],
  before?: ScanResult,
): Promise<FixCheck[]> {
  const root = resolve(path);
  const base = before ?? (await scan(root, options));
  const out: FixCheck[] = [];
  for (const fix of fixes) {
    const started = performance.now();
    const r = await checkOne(base.root === root ? root : base.root, options, fix, base);
    out.push({ fix, ...r, ms: Math.round(performance.now() - started) });
  }
  return out;
}
