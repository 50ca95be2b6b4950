// A content hash of a directory tree (paths and bytes, sorted), for "same seed, same tree" checks.
// Ignores __pycache__ and .pytest_cache so that running Python in the tree does not change the hash.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

export function treeHash(root: string): string {
  const hash = createHash("sha256");
  const walk = (rel: string) => {
    const entries = readdirSync(join(root, rel), { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const e of entries) {
      if (e.name === "__pycache__" || e.name === ".pytest_cache") continue;
      const p = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(p);
      else {
        hash.update(`${p}\0`);
        hash.update(readFileSync(join(root, p)));
        hash.update("\0");
      }
    }
  };
  walk("");
  return hash.digest("hex");
}
