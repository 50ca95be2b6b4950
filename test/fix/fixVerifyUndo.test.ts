// Issue 13's end-to-end promise on a git copy of examples/monorepo, through the library calls the CLI makes:
// `remedy fix --write` writes every safe, re-checked fix; `remedy verify` (the real pytest) then shows each of
// their root causes resolved and more tests collected; `remedy fix --undo` restores every file's exact bytes.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { test } from "node:test";
import { fixRepository, scan, undoLast, verifyRepository } from "../../src/index.ts";

const EXAMPLE = resolve(import.meta.dirname, "../../examples/monorepo");

function gitCopy(): string {
  const dir = join(mkdtempSync(join(tmpdir(), "remedy-fix-e2e-")), "monorepo");
  cpSync(EXAMPLE, dir, { recursive: true, filter: (p) => !p.includes("/.remedy") });
  const git = (...args: string[]) => execFileSync("git", args, { cwd: dir, stdio: "ignore" });
  git("init", "-q");
  git("add", "-A");
  git("-c", "user.email=remedy@example.invalid", "-c", "user.name=remedy", "commit", "-qm", "example");
  return dir;
}

/** sha256 of every tracked file, by path. */
function hashes(dir: string): Map<string, string> {
  const files = execFileSync("git", ["ls-files"], { cwd: dir, encoding: "utf8" }).trim().split("\n");
  return new Map(
    files.map((f) => [
      f,
      createHash("sha256")
        .update(readFileSync(join(dir, f)))
        .digest("hex"),
    ]),
  );
}

test("fix --write, then verify with the real pytest, then fix --undo restores the exact bytes", async () => {
  const dir = gitCopy();
  try {
    const original = hashes(dir);
    const before = await scan(dir);
    const run = await fixRepository(dir, { write: true });
    assert.deepEqual(run.outcome.refusals, []);
    assert.ok(run.fixes.length >= 3, run.fixes.map((f) => f.id).join("\n"));
    assert.ok(run.fixes.every((f) => f.safety === "safe"));
    assert.ok(run.outcome.written.length > 0 && run.outcome.journal !== null);

    const verified = await verifyRepository(dir, { python: "python3" });
    // The last scan (the fix's own, before writing) is the baseline: every fixed root cause is resolved.
    const resolved = new Set(verified.baseline?.causes.resolved.map((c) => c.findingId));
    const fixedFindings = run.fixes.flatMap((f) =>
      f.codemod === "register-marker"
        ? before.findings.filter((x) => x.kind === "unknown-marker").map((x) => x.id)
        : [f.finding],
    );
    for (const id of fixedFindings) assert.ok(resolved.has(id), `${id} not resolved: ${[...resolved].join(", ")}`);
    assert.equal(verified.prediction.counts.missed, 0);
    assert.equal(verified.prediction.counts.unexpected, 0);
    assert.ok(
      verified.collection.tests > (verified.baseline?.tests ?? Number.POSITIVE_INFINITY),
      `pytest collected ${verified.collection.tests}, the baseline ${verified.baseline?.tests}`,
    );

    const undone = undoLast(dir);
    assert.ok(undone.undone);
    assert.deepEqual(hashes(dir), original);
  } finally {
    rmSync(resolve(dir, ".."), { recursive: true, force: true });
  }
});
