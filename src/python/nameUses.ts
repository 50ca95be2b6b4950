// Where a module reads some names, from its tokens alone: for each use, whether it sits in an annotation (a def's
// parameter or return annotation, an annotated assignment's annotation) and the outermost `def` whose body holds it
// (null: module or class level, run at import). Codemods that move an import need exactly this; FileFacts keep only
// import-time reads. Attribute names (`x.name`), keyword argument names and strings are not uses.
// Checked against CPython's ast in test/python/nameUses.test.ts.

export interface NameUse {
  name: string;
  line: number;
  offset: number;
  annotation: boolean;
  /** 1-based line of the outermost enclosing def's `def` keyword; null at module or class level. */
  func: number | null;
}

/** One logical line: [start, end) in the text (end after its line break), its indentation and tokens. */
export interface LogicalLine {
  start: number;
  end: number;
  indent: number;
  line: number;
  tokens: { kind: "name" | "op" | "string" | "number"; text: string; start: number; line: number }[];
}

const ID = /[\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}_]/u;
const KEYWORDS = new Set(
  "False None True and as assert async await break class continue def del elif else except finally for from global if import in is lambda nonlocal not or pass raise return try while with yield".split(
    " ",
  ),
);

export function logicalLines(text: string): LogicalLine[] {
  const out: LogicalLine[] = [];
  let i = 0;
  let line = 1;
  let depth = 0;
  let cur: LogicalLine | null = null;
  let lineStart = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === "\n" || c === "\r") {
      i += c === "\r" && text[i + 1] === "\n" ? 2 : 1;
      line++;
      if (depth === 0 && cur) {
        cur.end = i;
        out.push(cur);
        cur = null;
      }
      if (!cur) lineStart = i;
      continue;
    }
    if (c === " " || c === "\t" || c === "\f") {
      i++;
      continue;
    }
    if (c === "\\" && (text[i + 1] === "\n" || text[i + 1] === "\r")) {
      i += text[i + 1] === "\r" && text[i + 2] === "\n" ? 3 : 2;
      line++;
      continue;
    }
    if (c === "#") {
      while (i < text.length && text[i] !== "\n" && text[i] !== "\r") i++;
      continue;
    }
    if (!cur) cur = { start: lineStart, end: text.length, indent: i - lineStart, line, tokens: [] };
    const start = i;
    const startLine = line;
    const prefix = /^[rRbBuUfF]{0,2}(['"])/.exec(text.slice(i, i + 3));
    if (prefix) {
      i += prefix[0].length - 1;
      const q = text.startsWith(prefix[1]!.repeat(3), i) ? prefix[1]!.repeat(3) : prefix[1]!;
      i += q.length;
      while (i < text.length && !text.startsWith(q, i)) {
        if (text[i] === "\\") i++;
        else if (text[i] === "\n") line++;
        i++;
      }
      i += q.length;
      cur.tokens.push({ kind: "string", text: text.slice(start, i), start, line: startLine });
    } else if (ID.test(c) && !/\d/.test(c)) {
      while (i < text.length && ID.test(text[i]!)) i++;
      cur.tokens.push({ kind: "name", text: text.slice(start, i), start, line });
    } else if (/\d/.test(c)) {
      while (i < text.length && /[\w.]/.test(text[i]!)) i++;
      cur.tokens.push({ kind: "number", text: text.slice(start, i), start, line });
    } else {
      const two = text.slice(i, i + 2);
      const op = ["->", "==", "!=", "<=", ">=", ":=", "**", "//"].includes(two) ? two : c;
      if ("([{".includes(op)) depth++;
      else if (")]}".includes(op)) depth = Math.max(0, depth - 1);
      i += op.length;
      cur.tokens.push({ kind: "op", text: op, start, line });
    }
  }
  if (cur) out.push(cur);
  return out;
}

/** Every use of `names` in the module's text. */
export function nameUses(text: string, names: Set<string>): NameUse[] {
  const out: NameUse[] = [];
  const stack: { indent: number; def: number | null }[] = [];
  for (const ll of logicalLines(text)) {
    while (stack.length && stack[stack.length - 1]!.indent >= ll.indent) stack.pop();
    const outer = stack.find((s) => s.def !== null)?.def ?? null;
    const t = ll.tokens;
    const first = t[0]!.text === "async" ? 1 : 0;
    const isDef = t[first]?.text === "def";
    // The header's end: the `:` at depth 0 after the parameters (what follows it on the line is the body).
    let depth = 0;
    let headerEnd = t.length;
    let annotation = false;
    const annAssign = !isDef && t[0]!.kind === "name" && !KEYWORDS.has(t[0]!.text);
    let sawEqual = false;
    let lambdas = 0; // `lambda` keywords whose `:` is still ahead (that `:` opens no annotation)
    for (let k = 0; k < t.length; k++) {
      const tok = t[k]!;
      if ("([{".includes(tok.text)) depth++;
      else if (")]}".includes(tok.text)) depth--;
      if (tok.text === "lambda") lambdas++;
      else if (tok.text === ":" && lambdas > 0) lambdas--;
      else if (isDef && k < headerEnd) {
        if (depth === 1 && tok.text === ":") annotation = true;
        else if ((depth === 1 && (tok.text === "," || tok.text === "=")) || (depth === 0 && tok.text === ")"))
          annotation = false;
        else if (depth === 0 && tok.text === "->") annotation = true;
        else if (depth === 0 && tok.text === ":") {
          headerEnd = k;
          annotation = false;
        }
      } else if (annAssign && depth === 0 && tok.text === "=" && !sawEqual) {
        sawEqual = true;
        annotation = false;
      } else if (annAssign && depth === 0 && tok.text === ":" && !sawEqual && !annotation) annotation = true;
      if (tok.kind !== "name" || !names.has(tok.text)) continue;
      if (t[k - 1]?.text === ".") continue;
      if (depth > 0 && t[k + 1]?.text === "=" && (t[k - 1]?.text === "," || t[k - 1]?.text === "(")) continue;
      const inBody = isDef && k > headerEnd;
      out.push({
        name: tok.text,
        line: tok.line,
        offset: tok.start,
        annotation,
        func: inBody ? (outer ?? ll.line) : outer,
      });
    }
    const isClass = t[0]!.text === "class";
    if (isDef || isClass) stack.push({ indent: ll.indent, def: isDef ? (outer ?? ll.line) : null });
  }
  return out;
}
