// remedy's own output on every scan fixture (test/fixtures/scan/<case>/), kept beside the fixture as
// snapshot.txt (the terminal report) and snapshot.json (the JSON report), so that a change of wording, of a
// suggestion or of a field shows in review. Machine-specific parts are replaced: the fixture's path (<ROOT>), the
// interpreter's standard library (<STDLIB>), durations (<TIME>, durationMs 0).
// `npm run snapshots:update` rewrites them; test/snapshot/snapshots.test.ts compares.
import { existsSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { loadReporter } from "../../src/index.ts";
import { scan } from "../../src/scan/scan.ts";
import { stdlib } from "../scan/pytestVerdict.ts";

export const FIXTURES = resolve(import.meta.dirname, "../fixtures/scan");

export function snapshotCases(): string[] {
  return readdirSync(FIXTURES)
    .filter((c) => existsSync(join(FIXTURES, c, "expected.json")))
    .sort();
}

function normalize(text: string, dir: string): string {
  return text
    .split(dir)
    .join("<ROOT>")
    .split(stdlib())
    .join("<STDLIB>")
    .replace(/ · \d+(?:\.\d+)?m?s \(/g, " · <TIME> (");
}

/** The terminal and JSON reports of a cold scan of `case`, normalized. */
export async function snapshotOf(c: string): Promise<{ terminal: string; json: string }> {
  const dir = join(FIXTURES, c);
  const result = await scan(dir, { cache: false });
  const terminal = (await loadReporter("terminal"))({ scan: result }, { color: false });
  const json = (await loadReporter("json"))({ scan: { ...result, durationMs: 0 } });
  return { terminal: normalize(terminal, dir), json: normalize(json, dir) };
}
