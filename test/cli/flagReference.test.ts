// The README's flag reference is the CLI's own definitions (scripts/flagReference.ts): every command, argument
// and option, with its help text. Regenerate with `npm run docs:flags`.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { test } from "node:test";
import { flagReference, withFlagReference } from "../../scripts/flagReference.ts";
import { buildProgram } from "../../src/cli/main.ts";

test("the README's flag reference is generated from the CLI's definitions", () => {
  const readme = readFileSync(resolve(import.meta.dirname, "../../README.md"), "utf8");
  const reference = flagReference(buildProgram());
  for (const command of ["scan", "config", "facts", "rules"]) assert.match(reference, new RegExp(`remedy ${command}`));
  assert.equal(withFlagReference(readme, reference), readme, "README.md's flag reference is stale: npm run docs:flags");
});
