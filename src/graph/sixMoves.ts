// `six.moves` (and vendored copies such as urllib3.packages.six) is no file: six makes it at import time and
// serves it through its own sys.meta_path importer. Its names come from one literal table in six.py,
// `_moved_attributes = [MovedAttribute("name", ...), MovedModule("name", ...), ...]`, plus a block that adds
// `winreg` only `if sys.platform == "win32":`. So `from six.moves import winreg` on Linux raises
// "cannot import name 'winreg' from 'six.moves' (unknown location)", and a misplaced name such as
// `from six.moves import urlparse` (it lives in six.moves.urllib.parse) does too. remedy reads that table from
// the six.py the repository runs (its own copy or the installed one) and models six.moves from it. Anything it does not recognise (another layout of
// the table, other additions to it, `six.add_move`/`remove_move` used by code that ran) leaves six.moves unknown,
// as every module made at run time is.
import type { InterpreterSession, ModuleRecord } from "./interpreterSession.ts";

const ENTRY = /Moved(?:Attribute|Module)\(\s*"(\w+)"/g;
const WIN32_BLOCK = /^if sys\.platform == "win32":\n {4}_moved_attributes \+= \[\n((?: {8}.*\n)*?) {4}\]/m;

/** The names of six.moves on `platform`, read from six.py's source; null when the source is not laid out as six
 *  1.x lays it out (then nothing is claimed). O(source). */
export function sixMovesNames(source: string, platform: string | null): Set<string> | null {
  if (platform === null || !source.includes("class _SixMetaPathImporter")) return null;
  const start = source.search(/^_moved_attributes = \[[ \t]*$/m);
  if (start < 0) return null;
  const end = source.indexOf("\n]", start);
  if (end < 0) return null;
  const names = new Set<string>();
  for (const m of source.slice(start, end).matchAll(ENTRY)) names.add(m[1] as string);
  const rest = source.slice(end);
  const win32 = WIN32_BLOCK.exec(rest);
  // Any other change of the table than the win32 block: not the layout this reads.
  const changes = rest.match(/^\s*_moved_attributes\s*(?:\+=|\.append|\.extend|\.insert|=)/gm) ?? [];
  if (changes.length !== (win32 ? 1 : 0)) return null;
  if (win32 && platform === "win32") for (const m of (win32[1] as string).matchAll(ENTRY)) names.add(m[1] as string);
  return names;
}

/** Code that already ran changes six.moves at run time (`six.add_move(...)`, `from six import remove_move`).
 *  O(modules run): asked only on the way to an error. */
export function sixMovesChanged(session: InterpreterSession): boolean {
  for (const rec of session.modules.values()) {
    if (!rec.simulated || !rec.file) continue;
    const facts = session.facts(rec.file);
    if (facts.attributeReads.some((r) => r.attrs[0] === "add_move" || r.attrs[0] === "remove_move")) return true;
    if (facts.imports.some((i) => i.names.some((n) => n.name === "add_move" || n.name === "remove_move"))) {
      return true;
    }
  }
  return false;
}

/** The names of `<six>.moves` when `parent` is a six module (the repository's copy or an installed one) whose
 *  table is readable. Code outside the repository is not executed, so its `add_move` calls are not seen: no
 *  installed distribution of this machine's site-packages makes one. */
export function sixMovesOf(session: InterpreterSession, name: string, parent: ModuleRecord): Set<string> | null {
  // Asked once per session: the record made from the answer stays in session.modules.
  if (name !== `${parent.name}.moves` || !parent.file?.endsWith(".py") || parent.status !== "done") return null;
  const names = sixMovesNames(session.lines.text(parent.file) ?? "", session.input.interpreter?.platform ?? null);
  return names && !sixMovesChanged(session) ? names : null;
}
