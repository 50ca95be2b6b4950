// function-import (unsafe): breaks a failing cycle by moving a module-level import into the one function that
// uses its names, so that it runs at call time, when both modules are initialized. Unsafe: the import then runs
// on every call, and its errors surface only when the function is called.
import { logicalLines } from "../python/index.ts";
import { movableImports, statementText } from "./cycleImport.ts";
import { type Codemod, makeFix, unfixed } from "./fixContext.ts";

export const FUNCTION_IMPORT = "function-import";

export const functionImport: Codemod = {
  name: FUNCTION_IMPORT,
  kinds: ["circular-import"],
  run(finding, context) {
    const candidates = movableImports(finding, context);
    if (typeof candidates === "string") return unfixed(FUNCTION_IMPORT, finding.id, candidates);
    const m = candidates.find(
      (c) => c.uses.length > 0 && new Set(c.uses.map((u) => u.func)).size === 1 && c.uses[0]!.func !== null,
    );
    if (!m)
      return unfixed(
        FUNCTION_IMPORT,
        finding.id,
        "no import of the cycle is used by exactly one function and nowhere else",
      );
    const lines = logicalLines(m.text);
    const k = lines.findIndex((l) => l.line === m.uses[0]!.func);
    const def = lines[k]!;
    const colon = def.tokens.findLastIndex((t) => t.text === ":");
    if (colon < def.tokens.length - 1)
      return unfixed(FUNCTION_IMPORT, finding.id, `the def at line ${def.line} has its body on its own line`);
    let first = lines[k + 1];
    if (!first || first.indent <= def.indent)
      return unfixed(FUNCTION_IMPORT, finding.id, `the def at line ${def.line} has no body`);
    const docstring = first.tokens.length === 1 && first.tokens[0]!.kind === "string";
    const at = docstring ? first.end : first.start;
    if (docstring) first = lines[k + 2] ?? first;
    const indent = m.text.slice(first.start, first.start + first.indent);
    const eol = m.text.includes("\r\n") ? "\r\n" : "\n";
    const body = statementText(m)
      .split(/\r\n|\r|\n/)
      .map((l) => `${indent}${l}`)
      .join(eol);
    return makeFix(
      FUNCTION_IMPORT,
      finding.id,
      "unsafe",
      `move line ${m.stmt.line} of ${m.file.slice(context.scan.rootdir.length + 1)} into the function at line ${def.line}, its only user`,
      [
        { file: m.file, start: m.stmt.start, end: m.stmt.end, text: "" },
        { file: m.file, start: at, end: at, text: `${body}${eol}` },
      ],
      context.read,
    );
  },
};
