// Python's shlex.split (POSIX mode, no comments): pytest splits `addopts`, `testpaths`, `python_files` ... with it,
// so quoting rules must be Python's, not a shell's.

export class ShlexError extends Error {}

const WHITESPACE = " \t\r\n";

/** Splits like shlex.split(s); throws ShlexError("No closing quotation" / "No escaped character") as shlex does. */
export function shlexSplit(s: string): string[] {
  const out: string[] = [];
  let token = "";
  let inToken = false;
  let quote: "'" | '"' | null = null;
  for (let i = 0; i < s.length; i++) {
    const c = s[i] as string;
    if (quote === "'") {
      if (c === "'") quote = null;
      else token += c;
    } else if (quote === '"') {
      if (c === '"') quote = null;
      else if (c === "\\") {
        const next = s[i + 1];
        if (next === undefined) throw new ShlexError("No escaped character");
        if (next === '"' || next === "\\") {
          token += next;
          i++;
        } else token += c;
      } else token += c;
    } else if (WHITESPACE.includes(c)) {
      if (inToken) out.push(token);
      token = "";
      inToken = false;
    } else if (c === "'" || c === '"') {
      quote = c;
      inToken = true;
    } else if (c === "\\") {
      const next = s[i + 1];
      if (next === undefined) throw new ShlexError("No escaped character");
      token += next;
      inToken = true;
      i++;
    } else {
      token += c;
      inToken = true;
    }
  }
  if (quote !== null) throw new ShlexError("No closing quotation");
  if (inToken) out.push(token);
  return out;
}
