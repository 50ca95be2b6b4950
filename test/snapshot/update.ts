// `npm run snapshots:update [CASE...]`: writes snapshot.txt and snapshot.json of every scan fixture (or of those
// named) from remedy's current output (see snapshots.ts).
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { FIXTURES, snapshotCases, snapshotOf } from "./snapshots.ts";

const named = process.argv.slice(2);
for (const c of snapshotCases().filter((x) => named.length === 0 || named.includes(x))) {
  const { terminal, json } = await snapshotOf(c);
  writeFileSync(join(FIXTURES, c, "snapshot.txt"), terminal);
  writeFileSync(join(FIXTURES, c, "snapshot.json"), json);
  console.log(`wrote ${c}`);
}
