// A ScanSession keeps decoded facts between scans in one process (src/scan/scanSession.ts). Whatever it keeps, a scan
// through it must say what a scan from nothing says: held to the uncached scan on every scan fixture and the
// example monorepo, across edits that change what modules import, a new test file, and its removal, with and
// without facts decoded ahead (what a watch does while idle).
import assert from "node:assert/strict";
import { readFileSync, rmSync, unlinkSync, utimesSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { test } from "node:test";
import { scan } from "../../src/scan/scan.ts";
import { ScanSession } from "../../src/scan/scanSession.ts";
import { agedCopy, isTestLike, pythonFiles, REPOS, stable } from "./editedRepos.ts";

test("scans through a session give the uncached scan's result after every edit", async () => {
  let compared = 0;
  for (const [n, fixture] of REPOS.entries()) {
    const dir = agedCopy(fixture, "remedy-session-");
    try {
      // Every other repository: the session starts on a stored result (its first scan decodes nothing) and
      // decodes the cached facts ahead, as a watch does while it waits for an edit.
      if (n % 2 === 1) await scan(dir, { python: "python3" });
      const session = new ScanSession();
      const first = await scan(dir, { python: "python3", session });
      if (n % 2 === 1) await session.decodeAhead(first.rootdir);
      const same = async (what: string) => {
        const kept = await scan(dir, { python: "python3", session });
        const fresh = await scan(dir, { python: "python3", cache: false });
        assert.equal(stable(kept), stable(fresh), `${basename(fixture)}: ${what}`);
        compared++;
        return kept;
      };
      const files = pythonFiles(dir);
      const edited = [files.find((f) => !isTestLike(f)), files.find((f) => isTestLike(f))].filter(
        (f): f is string => f !== undefined,
      );
      for (const file of edited) {
        const path = join(dir, file);
        const original = readFileSync(path);
        // Same bytes, new stamp: the store finds the content unchanged; the real edit after it must still count.
        const touched = new Date(Date.now() - 30_000);
        utimesSync(path, touched, touched);
        await same(`${file} touched`);
        for (const edit of ["\nimport remedy_session_missing\n", "\nfrom os import path as remedy_path\n"]) {
          writeFileSync(path, Buffer.concat([original, Buffer.from(edit)]));
          await same(`${file} + ${JSON.stringify(edit)}`);
        }
        writeFileSync(path, "");
        await same(`${file} emptied`);
        writeFileSync(path, original);
        const back = await same(`${file} restored`);
        assert.equal(stable(back), stable(first), `${basename(fixture)}: ${file} restored gives the first result`);
      }
      const added = join(dir, "test_remedy_session_added.py");
      writeFileSync(added, "import remedy_session_gone\n\ndef test_x():\n    pass\n");
      await same("a test file added");
      unlinkSync(added);
      await same("that test file removed");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  assert.ok(compared >= REPOS.length * 6, `only ${compared} comparisons`);
});
