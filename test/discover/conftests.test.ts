// Which conftest.py files pytest imports, at start-up and during collection: every conftest of the fixture logs
// its own import, and pytest_sessionstart marks where start-up ends; remedy's initialConftests / allConftests
// must name the same files.
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { after, test } from "node:test";
import { pytestView } from "../../src/discover/index.ts";
import { runCollection } from "../../src/verify/index.ts";
import { limit } from "./limit.ts";

const FIXTURE = join(import.meta.dirname, "..", "fixtures", "discover", "conftests");
const scratch = realpathSync(mkdtempSync(join(tmpdir(), "remedy-conftests-")));
after(() => rmSync(scratch, { recursive: true, force: true }));

const VARIANTS: { args: string[]; cwd?: string }[] = [
  { args: [] },
  { args: ["tests/unit"] },
  { args: ["tests/unit/test_u.py", "other"] },
  { args: ["--confcutdir=tests", "tests"] },
  { args: [], cwd: "tests" },
  { args: ["--noconftest"] },
];

const pool = limit(2);
const runs = VARIANTS.map((v, i) => {
  const root = join(scratch, `${i}`);
  cpSync(FIXTURE, root, { recursive: true });
  const log = join(root, "..", `conftests-${i}.log`);
  writeFileSync(log, "");
  const env = { ...process.env, PYTEST_DISABLE_PLUGIN_AUTOLOAD: "1", REMEDY_CONFTEST_LOG: log };
  const cwd = join(root, v.cwd ?? "");
  const report = pool(() => runCollection({ cwd, args: v.args, env }));
  report.catch(() => {}); // awaited by its test; this only keeps an early failure from being "unhandled"
  return { root, cwd, log, env, report };
});

VARIANTS.forEach((v, i) => {
  test(`conftests pytest imports: ${v.cwd ? `from ${v.cwd} ` : ""}${v.args.join(" ") || "(no args)"}`, async () => {
    const { root, cwd, log, env, report } = runs[i]!;
    await report;
    const lines = readFileSync(log, "utf8").split("\n").filter(Boolean);
    const start = lines.indexOf("SESSIONSTART");
    const rel = (paths: string[]) => [...new Set(paths.map((p) => relative(root, p)))].sort();
    const files = lines.filter((l) => l !== "SESSIONSTART");
    const initial = start < 0 ? files : lines.slice(0, start);
    const view = await pytestView(cwd, { args: v.args, env });
    assert.deepEqual(rel(view.initialConftests), rel(initial), "initial conftests");
    assert.deepEqual(rel(view.allConftests), rel(files), "all conftests");
  });
});
