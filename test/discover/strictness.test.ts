// Whether an unregistered marker stops collection: remedy's strictMarkers / unknownMarkWarning against the real
// pytest on the `strictness` fixture, for every way a config can ask for it (and the ways that silently do not).
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, test } from "node:test";
import { pytestView } from "../../src/discover/index.ts";
import { runCollection } from "../../src/verify/index.ts";
import { limit } from "./limit.ts";

const FIXTURE = join(import.meta.dirname, "..", "fixtures", "discover", "strictness");
const scratch = realpathSync(mkdtempSync(join(tmpdir(), "remedy-strict-")));
after(() => rmSync(scratch, { recursive: true, force: true }));

const VARIANTS: { name: string; file: string; text: string; args?: string[] }[] = [
  { name: "nothing", file: "pytest.ini", text: "[pytest]\n" },
  { name: "strict_markers = true", file: "pytest.ini", text: "[pytest]\nstrict_markers = true\n" },
  { name: "strict = true (pytest 9)", file: "pytest.ini", text: "[pytest]\nstrict = true\n" },
  { name: "strict = true, strict_markers = false", file: "pytest.ini", text: "[pytest]\nstrict = true\nstrict_markers = false\n" },
  { name: "addopts --strict-markers (ignored by pytest 9.0)", file: "pytest.ini", text: "[pytest]\naddopts = --strict-markers\n" },
  { name: "--strict-markers on the command line", file: "pytest.ini", text: "[pytest]\n", args: ["--strict-markers"] },
  { name: "filterwarnings = error", file: "pytest.ini", text: "[pytest]\nfilterwarnings =\n    error\n" },
  {
    name: "filterwarnings error, then ignore the unknown-mark warning",
    file: "pytest.ini",
    text: "[pytest]\nfilterwarnings =\n    error\n    ignore::pytest.PytestUnknownMarkWarning\n",
  },
  { name: "-W error::pytest.PytestUnknownMarkWarning", file: "pytest.ini", text: "[pytest]\n", args: ["-W", "error::pytest.PytestUnknownMarkWarning"] },
  { name: "[tool.pytest] strict = true", file: "pyproject.toml", text: "[tool.pytest]\nstrict = true\n" },
  { name: "[tool.pytest.ini_options] strict_markers = true", file: "pyproject.toml", text: '[tool.pytest.ini_options]\nstrict_markers = "true"\n' },
]; // biome-ignore format: a table

const pool = limit(2);
const env = { ...process.env, PYTEST_DISABLE_PLUGIN_AUTOLOAD: "1" };
const runs = VARIANTS.map((v, i) => {
  const dir = join(scratch, `${i}`);
  cpSync(FIXTURE, dir, { recursive: true });
  writeFileSync(join(dir, v.file), v.text);
  const report = pool(() => runCollection({ cwd: dir, args: v.args ?? [], env }));
  report.catch(() => {}); // awaited by its test; this only keeps an early failure from being "unhandled"
  return { dir, report };
});

VARIANTS.forEach((v, i) => {
  test(`unregistered marker with ${v.name}`, async () => {
    const { dir, report } = runs[i]!;
    const view = await pytestView(dir, { args: v.args ?? [], env });
    const pytestFails = (await report).errors.length > 0;
    const predicted = view.strictMarkers || view.unknownMarkWarning.action === "error";
    assert.equal(
      predicted,
      pytestFails,
      `strictMarkers=${view.strictMarkers} warning=${view.unknownMarkWarning.action}`,
    );
  });
});
