// Writes schema/remedy-config.schema.json from the zod schema that validates [tool.remedy] / remedy.toml
// (src/discover/remedyConfigSchema.ts), so editors and the validator never disagree.
// test/discover/remedyConfig.test.ts fails when the committed file is out of date.
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { remedyConfigJsonSchema } from "../src/discover/index.ts";

const path = resolve(import.meta.dirname, "../schema/remedy-config.schema.json");
writeFileSync(path, `${JSON.stringify(remedyConfigJsonSchema(), null, 2)}\n`);
console.log(`wrote ${path}`);
