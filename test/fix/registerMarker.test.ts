// register-marker on every config format pytest reads: the edited config equals the golden file, keeps every other
// line, and the real pytest with --strict-markers collects every test afterwards.
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { apply, assertCollectsAll, collect, copyOf, FIXTURES, offered } from "./fixHarness.ts";

const CASES = readdirSync(FIXTURES).filter((c) => c.startsWith("markers-") && !c.endsWith(".expected"));

for (const name of CASES) {
  test(`register-marker: ${name}`, async () => {
    const { dir, done } = copyOf(name);
    try {
      const before = collect(dir, ["--strict-markers"]);
      assert.notEqual(before.exit, 0, before.output);
      const { fixes, scan } = await offered(dir, ["--strict-markers"]);
      const markerFixes = fixes.filter((f) => f.codemod === "register-marker");
      assert.equal(markerFixes.length, 1);
      assert.equal(markerFixes[0]!.safety, "safe");
      const texts = apply(markerFixes);
      assert.equal(texts.size, 1);
      const [file, text] = [...texts][0]!;
      const config = join(FIXTURES, `${name}.expected`, scan.configfile!);
      if (process.env.UPDATE_GOLDEN || !existsSync(config)) writeFileSync(config, text);
      assert.equal(text, readFileSync(config, "utf8"), file);
      assertCollectsAll(dir, 3, ["--strict-markers"]);
    } finally {
      done();
    }
  });
}
