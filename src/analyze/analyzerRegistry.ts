// Every finding kind remedy reports, one analyzer file each (src/analyze/kinds/), in report order: findings that tie
// in the ranking keep this order. Adding a kind is its file and one line here (`npm run new:analyzer -- NAME` writes
// both); FindingKind, `remedy rules`, the terminal labels, SARIF's rules and the JSON schema's enum
// (`npm run schema:scan`) follow from this list.
import { attributeError } from "./kinds/attributeError.ts";
import { circularImport } from "./kinds/circularImport.ts";
import { configError } from "./kinds/configError.ts";
import { conftestError } from "./kinds/conftestError.ts";
import { importFileMismatch } from "./kinds/importFileMismatch.ts";
import { missingModule } from "./kinds/missingModule.ts";
import { missingName } from "./kinds/missingName.ts";
import { missingThirdParty } from "./kinds/missingThirdParty.ts";
import { nameError } from "./kinds/nameError.ts";
import { parametrizeError } from "./kinds/parametrizeError.ts";
import { syntaxError } from "./kinds/syntaxError.ts";
import { unknownMarker } from "./kinds/unknownMarker.ts";

export const ANALYZERS = [
  configError,
  conftestError,
  missingName,
  circularImport,
  missingModule,
  missingThirdParty,
  nameError,
  attributeError,
  syntaxError,
  unknownMarker,
  importFileMismatch,
  parametrizeError,
] as const;

/** The kinds of the registry's analyzers: a new kind file listed above adds its kind here by itself. */
export type FindingKind = (typeof ANALYZERS)[number]["kind"];
