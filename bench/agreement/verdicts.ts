// The verdicts of both sides (moved to src/verify/verdicts.ts, where `remedy verify` uses them; re-exported here for
// the bench) and the bench's own classification of pytest errors that a static scan cannot see.
import type { FileError, RaisedException } from "../../src/verify/index.ts";

export {
  type FileError,
  mismatchText,
  normalizer,
  pytestVerdicts,
  remedyVerdicts,
  type Verdicts,
} from "../../src/verify/index.ts";

/** Why an import failed at run time for reasons a static scan cannot see; null when it is a static failure. */
export type RuntimeCause = "shared-library" | "raised-at-import" | "missing-dependency" | "other-runtime";

const STATIC_MESSAGES = [
  /^No module named '[^']+'$/,
  /^cannot import name '[^']+' from (partially initialized module )?'[^']+'/,
  /^cannot import name '[^']+' from '[^']+' \(unknown location\)$/,
  /^name '[^']+' is not defined$/,
  /^(partially initialized )?module '[^']+' has no attribute '[^']+'/,
  /^attempted relative import/,
  /^import file mismatch:/,
];
const STATIC_TYPES = new Set([
  "ImportError",
  "ModuleNotFoundError",
  "NameError",
  "AttributeError",
  "ImportPathMismatchError",
]);

/** Classifies pytest's error by its type, message and the raising line only (never by remedy's answer). */
export function runtimeCause(
  e: FileError,
  raised: Pick<RaisedException, "frames"> | null,
  isInstalled: (top: string) => boolean,
  inRepo: (top: string) => boolean,
): RuntimeCause | null {
  if (/\.so\b|shared object|undefined symbol|DLL load/.test(e.message)) return "shared-library";
  const last = raised?.frames.at(-1)?.source ?? "";
  if (/^raise\b/.test(last)) return "raised-at-import";
  if (e.type === "SyntaxError" || e.type === "IndentationError" || e.type === "TabError") return null;
  if (e.type === "Failed" || e.type === "UsageError") return null;
  if (!STATIC_TYPES.has(e.type)) return "other-runtime";
  if (!STATIC_MESSAGES.some((re) => re.test(e.message))) return "other-runtime";
  const missing = /^No module named '([^'.]+)/.exec(e.message);
  if (missing && !isInstalled(missing[1]!) && !inRepo(missing[1]!)) return "missing-dependency";
  return null;
}
