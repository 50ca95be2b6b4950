// pytest's `-m` expressions (_pytest/mark/expression.py), for counting the items a session keeps: `or`, `and`,
// `not`, parentheses and marker names. An item is selected when the expression is true with each name standing
// for "the item carries a mark of that name" (its own, its class's, its module's). Keyword matching
// (`-m "slow(reason='x')"`) and anything pytest would reject read as null: remedy then does not know which items
// the session keeps.

export type MarkExpression =
  | { op: "name"; name: string }
  | { op: "not"; arg: MarkExpression }
  | { op: "and" | "or"; left: MarkExpression; right: MarkExpression }
  | { op: "const"; value: boolean };

/** pytest's IDENT token: letters, digits, `_`, `:`, `+`, `-`, `.`, `[`, `]`, `\`, `/`. */
const TOKEN = /\s*(?:(\()|(\))|([\w:+\-.[\]\\/]+))/y;

export function parseMarkExpression(text: string): MarkExpression | null {
  const tokens: string[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    if (/^\s*$/.test(text.slice(TOKEN.lastIndex))) break;
    const m = TOKEN.exec(text);
    if (!m) return null;
    tokens.push(m[1] ?? m[2] ?? (m[3] as string));
  }
  // An empty expression selects everything (pytest treats `-m ""` as no filter).
  if (tokens.length === 0) return { op: "const", value: true };
  let i = 0;
  /** `operand (op operand)*`, left-associative. */
  const chain = (op: "and" | "or", operand: () => MarkExpression | null): MarkExpression | null => {
    let left = operand();
    while (left && tokens[i] === op) {
      i++;
      const right = operand();
      left = right ? { op, left, right } : null;
    }
    return left;
  };
  const orExpr = (): MarkExpression | null => chain("or", andExpr);
  const andExpr = (): MarkExpression | null => chain("and", notExpr);
  const notExpr = (): MarkExpression | null => {
    const t = tokens[i];
    if (t === "not") {
      i++;
      const arg = notExpr();
      return arg ? { op: "not", arg } : null;
    }
    if (t === "(") {
      i++;
      const inner = orExpr();
      if (!inner || tokens[i] !== ")") return null;
      i++;
      return inner;
    }
    if (t === undefined || t === ")" || t === "and" || t === "or") return null;
    i++;
    // `name(` would be keyword matching: not modelled.
    if (tokens[i] === "(") return null;
    if (t === "True" || t === "False" || t === "None") return null;
    return { op: "name", name: t };
  };
  const expr = orExpr();
  return expr && i === tokens.length ? expr : null;
}

export function selectsMarks(expr: MarkExpression, marks: ReadonlySet<string>): boolean {
  switch (expr.op) {
    case "const":
      return expr.value;
    case "name":
      return marks.has(expr.name);
    case "not":
      return !selectsMarks(expr.arg, marks);
    case "and":
      return selectsMarks(expr.left, marks) && selectsMarks(expr.right, marks);
    case "or":
      return selectsMarks(expr.left, marks) || selectsMarks(expr.right, marks);
  }
}
