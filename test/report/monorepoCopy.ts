// A scan of a throw-away copy of examples/monorepo (scans write .remedy/ caches; the copy keeps the example clean),
// shared by the report tests.
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

export const MONOREPO = resolve(import.meta.dirname, "../../examples/monorepo");

/** A fresh copy of examples/monorepo in a temp dir (named `monorepo`, removed when the process exits). */
export function monorepoCopy(): string {
  const parent = mkdtempSync(join(tmpdir(), "remedy-report-"));
  process.once("exit", () => rmSync(parent, { recursive: true, force: true }));
  const dir = join(parent, "monorepo");
  cpSync(MONOREPO, dir, { recursive: true, filter: (src) => !src.includes("/.remedy") });
  return dir;
}
