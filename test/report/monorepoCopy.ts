// A scan of a throw-away copy of examples/monorepo (scans write .remedy/ caches; the copy keeps the example clean),
// shared by the report tests.
import { cpSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

export const MONOREPO = resolve(import.meta.dirname, "../../examples/monorepo");

/** A fresh copy of examples/monorepo in a temp dir (named `monorepo`); returns its path. */
export function monorepoCopy(): string {
  const dir = join(mkdtempSync(join(tmpdir(), "remedy-report-")), "monorepo");
  cpSync(MONOREPO, dir, { recursive: true, filter: (src) => !src.includes("/.remedy") });
  return dir;
}
