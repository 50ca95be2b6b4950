// Writes schema/baseline.schema.json from the zod schema that validates `remedy check`'s baseline files
// (src/analyze/baseline.ts), so editors and remedy never disagree. test/check/baseline.test.ts fails when the
// committed file is out of date.
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { baselineJsonSchema } from "../src/analyze/index.ts";

const path = resolve(import.meta.dirname, "../schema/baseline.schema.json");
writeFileSync(path, `${JSON.stringify(baselineJsonSchema(), null, 2)}\n`);
console.log(`wrote ${path}`);
