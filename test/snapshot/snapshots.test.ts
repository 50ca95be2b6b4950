// remedy's own terminal and JSON output on every scan fixture must equal the snapshot stored beside it (see
// snapshots.ts). A difference is either a regression or an intended change: then `npm run snapshots:update`
// and review the diff.
import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { FIXTURES, snapshotCases, snapshotOf } from "./snapshots.ts";

for (const c of snapshotCases()) {
  test(`remedy's output on scan fixture ${c} is its snapshot`, async () => {
    const txt = join(FIXTURES, c, "snapshot.txt");
    const json = join(FIXTURES, c, "snapshot.json");
    assert.ok(existsSync(txt) && existsSync(json), `no snapshot for ${c}: run npm run snapshots:update`);
    const now = await snapshotOf(c);
    assert.equal(now.terminal, readFileSync(txt, "utf8"), `terminal output of ${c} changed (npm run snapshots:update)`);
    assert.equal(now.json, readFileSync(json, "utf8"), `JSON output of ${c} changed (npm run snapshots:update)`);
  });
}
