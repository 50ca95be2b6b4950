// Python keywords recognised on char codes: one switch on length and first letter, then one comparison, so the
// tokenizer never slices or hashes an identifier to classify it.
import * as tokenKinds_ from "./tokenKinds.ts";

// Local copies: module-namespace getters are slow in the hot loop under some loaders.
const {
  K_AND,
  K_AS,
  K_ASSERT,
  K_ASYNC,
  K_AWAIT,
  K_BREAK,
  K_CLASS,
  K_CONTINUE,
  K_DEF,
  K_DEL,
  K_ELIF,
  K_ELSE,
  K_EXCEPT,
  K_FALSE,
  K_FINALLY,
  K_FOR,
  K_FROM,
  K_GLOBAL,
  K_IF,
  K_IMPORT,
  K_IN,
  K_IS,
  K_LAMBDA,
  K_NONE,
  K_NONLOCAL,
  K_NOT,
  K_OR,
  K_PASS,
  K_RAISE,
  K_RETURN,
  K_TRUE,
  K_TRY,
  K_WHILE,
  K_WITH,
  K_YIELD,
  T_NAME,
} = tokenKinds_;

/** Keyword code of the identifier src[s..s+len), or T_NAME. */
export function keyword(src: string, s: number, len: number): number {
  const c = src.charCodeAt(s);
  switch (len) {
    case 2:
      if (c === 97) return src.charCodeAt(s + 1) === 115 ? K_AS : T_NAME;
      if (c === 105) {
        const d = src.charCodeAt(s + 1);
        return d === 102 ? K_IF : d === 110 ? K_IN : d === 115 ? K_IS : T_NAME;
      }
      if (c === 111) return src.charCodeAt(s + 1) === 114 ? K_OR : T_NAME;
      return T_NAME;
    case 3:
      if (c === 97) return src.startsWith("nd", s + 1) ? K_AND : T_NAME;
      if (c === 100) return src.startsWith("ef", s + 1) ? K_DEF : src.startsWith("el", s + 1) ? K_DEL : T_NAME;
      if (c === 102) return src.startsWith("or", s + 1) ? K_FOR : T_NAME;
      if (c === 110) return src.startsWith("ot", s + 1) ? K_NOT : T_NAME;
      if (c === 116) return src.startsWith("ry", s + 1) ? K_TRY : T_NAME;
      return T_NAME;
    case 4:
      switch (c) {
        case 78:
          return src.startsWith("one", s + 1) ? K_NONE : T_NAME;
        case 84:
          return src.startsWith("rue", s + 1) ? K_TRUE : T_NAME;
        case 101:
          return src.startsWith("lif", s + 1) ? K_ELIF : src.startsWith("lse", s + 1) ? K_ELSE : T_NAME;
        case 102:
          return src.startsWith("rom", s + 1) ? K_FROM : T_NAME;
        case 112:
          return src.startsWith("ass", s + 1) ? K_PASS : T_NAME;
        case 119:
          return src.startsWith("ith", s + 1) ? K_WITH : T_NAME;
      }
      return T_NAME;
    case 5:
      switch (c) {
        case 70:
          return src.startsWith("alse", s + 1) ? K_FALSE : T_NAME;
        case 97:
          return src.startsWith("sync", s + 1) ? K_ASYNC : src.startsWith("wait", s + 1) ? K_AWAIT : T_NAME;
        case 98:
          return src.startsWith("reak", s + 1) ? K_BREAK : T_NAME;
        case 99:
          return src.startsWith("lass", s + 1) ? K_CLASS : T_NAME;
        case 114:
          return src.startsWith("aise", s + 1) ? K_RAISE : T_NAME;
        case 119:
          return src.startsWith("hile", s + 1) ? K_WHILE : T_NAME;
        case 121:
          return src.startsWith("ield", s + 1) ? K_YIELD : T_NAME;
      }
      return T_NAME;
    case 6:
      switch (c) {
        case 97:
          return src.startsWith("ssert", s + 1) ? K_ASSERT : T_NAME;
        case 101:
          return src.startsWith("xcept", s + 1) ? K_EXCEPT : T_NAME;
        case 103:
          return src.startsWith("lobal", s + 1) ? K_GLOBAL : T_NAME;
        case 105:
          return src.startsWith("mport", s + 1) ? K_IMPORT : T_NAME;
        case 108:
          return src.startsWith("ambda", s + 1) ? K_LAMBDA : T_NAME;
        case 114:
          return src.startsWith("eturn", s + 1) ? K_RETURN : T_NAME;
      }
      return T_NAME;
    case 7:
      return c === 102 && src.startsWith("inally", s + 1) ? K_FINALLY : T_NAME;
    case 8:
      if (c === 99) return src.startsWith("ontinue", s + 1) ? K_CONTINUE : T_NAME;
      if (c === 110) return src.startsWith("onlocal", s + 1) ? K_NONLOCAL : T_NAME;
      return T_NAME;
  }
  return T_NAME;
}
