// The root cause of a finding in one sentence, read off its fields and suggestions (never guessed): what is broken,
// as opposed to pytest's message (what Python raised) and the fix (what to do).
import { FINDING_KINDS, type Finding } from "../analyze/index.ts";
import { code, listing } from "./markdownText.ts";

const dataOf = (f: Finding, kind: string, key: string): string[] =>
  f.suggestions
    .filter((s) => s.kind === kind && typeof s.data?.[key] === "string")
    .map((s) => code(s.data![key] as string));

function missingName(f: Finding): string {
  const base = `${code(f.module ?? "?")} does not define ${code(f.name ?? "?")}`;
  const homes = dataOf(f, "relocated", "module");
  if (homes.length > 0)
    return `${base}; ${listing(homes)} ${homes.length === 1 ? "does" : "do"}: the import names a module the name is not (or no longer) in.`;
  const renamed = dataOf(f, "renamed", "name");
  if (renamed.length > 0)
    return `${base}; it defines ${listing(renamed)}: the name was probably renamed and its importers not updated.`;
  return `${base}.`;
}

function circular(f: Finding): string {
  const modules = [...new Set((f.cycle ?? []).map((s) => s.module).filter((m): m is string => m !== null))];
  const cycle = modules.length > 0 ? ` (cycle: ${modules.map(code).join(" -> ")})` : "";
  return `Modules import each other at module level${cycle}, and ${code(`${f.file}:${f.line}`)} reads ${code(f.name ?? "?")} from ${code(f.module ?? "?")} before that module has bound it.`;
}

function missingModule(f: Finding): string {
  const closest = dataOf(f, "closest-module", "module");
  const base = `No module ${code(f.module ?? "?")} exists on the sys.path pytest builds`;
  return closest.length > 0
    ? `${base}; the closest that does is ${listing(closest)}.`
    : `${base}: it was moved, renamed or deleted.`;
}

const raises = (type: string | null): string => (type ? `raises ${code(type)}` : "fails");

export function rootCause(f: Finding): string {
  switch (f.kind) {
    case "missing-name":
      return missingName(f);
    case "circular-import":
      return circular(f);
    case "missing-module":
      return missingModule(f);
    case "missing-third-party":
      return `${code(f.module ?? "?")} is not installed in the interpreter the suite runs with.`;
    case "unknown-marker": {
      const where = dataOf(f, "register-marker", "configfile");
      return `${code(`@pytest.mark.${f.name}`)} is registered nowhere${where.length > 0 ? ` (not in ${where[0]})` : ""}, and this session makes an unregistered marker a collection error.`;
    }
    case "conftest-error":
      // The conftest's suggestions are its cause's fixes: the cause's sentence is read with them.
      if (f.cause && f.message.startsWith("INTERNALERROR>"))
        return `${code(f.file)}'s pytest hook fails: ${rootCause({ ...f, ...f.cause, cause: undefined }).replace(/^./, (c) => c.toLowerCase())}`;
      return f.cause
        ? `${code(f.file)} fails to import: ${rootCause({ ...f, ...f.cause, cause: undefined }).replace(/^./, (c) => c.toLowerCase())}`
        : `${code(f.file)} fails to import.`;
    case "name-error":
    case "attribute-error":
    case "syntax-error":
      return `${code(`${f.file}:${f.line}`)} ${raises(f.exceptionType)} while the module is imported.`;
    case "config-error":
      return `${code(`${f.file}:${f.line}`)} is configuration pytest rejects${f.name ? ` (${code(f.name)})` : ""}, and a configuration error stops the whole session, not one file.`;
    default:
      return FINDING_KINDS.find((k) => k.kind === f.kind)!.whatItIs;
  }
}
