// `npm run docs:flags`: writes the README's flag reference (between its markers) from the CLI's definitions.
import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { buildProgram } from "../src/cli/main.ts";
import { flagReference, withFlagReference } from "./flagReference.ts";

const path = resolve(import.meta.dirname, "../README.md");
const updated = withFlagReference(readFileSync(path, "utf8"), flagReference(buildProgram()));
if (updated === null) {
  console.error("README.md has no flag reference markers");
  process.exit(1);
}
writeFileSync(path, updated);
console.log("wrote the flag reference in README.md");
