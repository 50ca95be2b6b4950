// One meaning per name across src/: no two type declarations (interface, type, class, enum; exported or not) share
// a name, and no two files share a name, except index.ts (a stage's public face), errors.ts and the CLI's command
// files (named after the commands). A reader who meets a name knows which file it lives in.
import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { basename, join, relative, resolve } from "node:path";
import { test } from "node:test";

const ROOT = resolve(import.meta.dirname, "../..");
const SRC = join(ROOT, "src");

function sourceFiles(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) sourceFiles(p, out);
    else if (entry.name.endsWith(".ts")) out.push(p);
  }
  return out;
}

/** Names that occur more than once, each with where. */
function repeated(places: [name: string, where: string][]): Map<string, string[]> {
  const byName = new Map<string, string[]>();
  for (const [name, where] of places) byName.set(name, [...(byName.get(name) ?? []), where]);
  return new Map([...byName].filter(([, where]) => where.length > 1));
}

// A top-level declaration; `type X = ns_.X;` (a local copy of an imported type, kept for a hot loop's namespace
// import) declares nothing new and does not count.
const DECLARATION = /^(?:export )?(?:declare )?(?:abstract )?(?:interface|type|class|enum) ([A-Za-z_$][\w$]*)/gm;
const LOCAL_COPY = /^(?:export )?type ([A-Za-z_$][\w$]*) = [\w$]+\.\1;/;

function typeDeclarations(files: string[]): [string, string][] {
  const out: [string, string][] = [];
  for (const file of files) {
    const text = readFileSync(file, "utf8");
    for (const m of text.matchAll(DECLARATION)) {
      const line = text.slice(m.index, text.indexOf("\n", m.index));
      if (!LOCAL_COPY.test(line)) out.push([m[1]!, relative(ROOT, file)]);
    }
  }
  return out;
}

const SHARED_FILE_NAMES = new Set(["index.ts", "errors.ts"]);

function fileNames(files: string[]): [string, string][] {
  return files
    .map((f) => relative(ROOT, f))
    .filter((f) => !SHARED_FILE_NAMES.has(basename(f)) && !f.startsWith("src/cli/commands/"))
    .map((f) => [basename(f), f]);
}

test("no two type declarations in src/ share a name", () => {
  assert.deepEqual(Object.fromEntries(repeated(typeDeclarations(sourceFiles(SRC)))), {});
});

test("no two files in src/ share a name (index.ts, errors.ts and CLI commands aside)", () => {
  assert.deepEqual(Object.fromEntries(repeated(fileNames(sourceFiles(SRC)))), {});
});

test("the checks see a repeated name", () => {
  const found = typeDeclarations([join(SRC, "analyze/scanResult.ts"), join(SRC, "analyze/scanResult.ts")]);
  assert.deepEqual(repeated(found).get("ScanResult"), ["src/analyze/scanResult.ts", "src/analyze/scanResult.ts"]);
  assert.deepEqual(
    [...repeated(fileNames([join(SRC, "graph/pathEvaluation.ts"), join(SRC, "scan/pathEvaluation.ts")])).keys()],
    ["pathEvaluation.ts"],
  );
  // A local copy of an imported type is not a declaration.
  assert.ok(!typeDeclarations([join(SRC, "python/branchConditions.ts")]).some(([name]) => name === "TokenView"));
});
