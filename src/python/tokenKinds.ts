// Token kind codes shared by the tokenizer and the scanners. Keywords get their own codes at tokenization so that
// the scanners never compare strings to recognise syntax; soft keywords (match, case, _) stay NAME.

export const T_NAME = 1;
export const T_NUMBER = 2;
export const T_STRING = 3;
export const T_NEWLINE = 4;
export const T_INDENT = 5;
export const T_DEDENT = 6;
export const T_END = 7;
export const T_ERROR = 8;

export const T_LPAR = 10;
export const T_RPAR = 11;
export const T_LSQB = 12;
export const T_RSQB = 13;
export const T_LBRACE = 14;
export const T_RBRACE = 15;
export const T_COLON = 16;
export const T_COMMA = 17;
export const T_SEMI = 18;
export const T_DOT = 19;
export const T_EQUAL = 20;
export const T_STAR = 21;
export const T_DSTAR = 22;
export const T_AT = 23;
export const T_ARROW = 24;
export const T_WALRUS = 25;
export const T_AUGASSIGN = 26;
export const T_ELLIPSIS = 27;
export const T_MINUS = 28;
export const T_PLUS = 29;
export const T_TILDE = 30;
/** `/`, kept apart from other binary operators for path expressions (`p / "x"`) and positional-only markers. */
export const T_SLASH = 31;
/** `|`, kept apart for or-patterns. */
export const T_VBAR = 32;
/** Any other binary operator: `//`, `%`, `<<`, `>>`, `&`, `^`. */
export const T_BINOP = 33;
/** `<`, `>`, `==`, `>=`, `<=`, `!=`. */
export const T_COMPARE = 34;

export const K_FALSE = 50;
export const K_NONE = 51;
export const K_TRUE = 52;
export const K_AND = 53;
export const K_AS = 54;
export const K_ASSERT = 55;
export const K_ASYNC = 56;
export const K_AWAIT = 57;
export const K_BREAK = 58;
export const K_CLASS = 59;
export const K_CONTINUE = 60;
export const K_DEF = 61;
export const K_DEL = 62;
export const K_ELIF = 63;
export const K_ELSE = 64;
export const K_EXCEPT = 65;
export const K_FINALLY = 66;
export const K_FOR = 67;
export const K_FROM = 68;
export const K_GLOBAL = 69;
export const K_IF = 70;
export const K_IMPORT = 71;
export const K_IN = 72;
export const K_IS = 73;
export const K_LAMBDA = 74;
export const K_NONLOCAL = 75;
export const K_NOT = 76;
export const K_OR = 77;
export const K_PASS = 78;
export const K_RAISE = 79;
export const K_RETURN = 80;
export const K_TRY = 81;
export const K_WHILE = 82;
export const K_WITH = 83;
export const K_YIELD = 84;

export const KEYWORDS: Record<string, number> = {
  False: K_FALSE,
  None: K_NONE,
  True: K_TRUE,
  and: K_AND,
  as: K_AS,
  assert: K_ASSERT,
  async: K_ASYNC,
  await: K_AWAIT,
  break: K_BREAK,
  class: K_CLASS,
  continue: K_CONTINUE,
  def: K_DEF,
  del: K_DEL,
  elif: K_ELIF,
  else: K_ELSE,
  except: K_EXCEPT,
  finally: K_FINALLY,
  for: K_FOR,
  from: K_FROM,
  global: K_GLOBAL,
  if: K_IF,
  import: K_IMPORT,
  in: K_IN,
  is: K_IS,
  lambda: K_LAMBDA,
  nonlocal: K_NONLOCAL,
  not: K_NOT,
  or: K_OR,
  pass: K_PASS,
  raise: K_RAISE,
  return: K_RETURN,
  try: K_TRY,
  while: K_WHILE,
  with: K_WITH,
  yield: K_YIELD,
};
