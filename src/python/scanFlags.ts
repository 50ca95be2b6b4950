// Flags shared by the expression scanner and the statement walker: expression contexts, target shapes and the
// states of pending reads. Plain numbers, so that hot code compares integers.

/** Expression context bits. */
export const X_NOIN = 1;
/** A disjunction: no conditional expression (comprehension iterables and conditions). */
export const X_NOCOND = 2;
/** Bare names here may turn out to be assignment targets. */
export const X_TARGET = 4;
/** `*expr` is allowed here (elements of tuples, lists, sets, call arguments, subscripts). */
export const X_STAR = 8;
/** `**expr` is allowed here (call arguments). */
export const X_DSTAR = 16;
/** An unparenthesized `yield` is allowed here (a statement, the value of an assignment). */
export const X_YIELD = 32;
/** An operand of an arithmetic or comparison operator, or of a unary one: `not` may not start it. */
export const X_NONOT = 64;

/** Shapes of the last parsed expression, for target checks: not assignable, a name/attribute/subscript, or a
 *  tuple/list/starred target. */
export const S_NONE = 0;
export const S_SINGLE = 1;
export const S_MULTI = 2;

/** Pending read flags. */
export const P_CAND = 1;
export const P_LASTATTR = 2;
export const P_COMPINNER = 4;
/** In a part of an expression that may not be evaluated (`b` and `c` of `a or b`, `b if a else c`): conditional. */
export const P_COND = 8;
/** A name called directly: `NAME(...)`, or a bare decorator `@NAME` (module scope: a call fact). */
export const P_CALL = 16;
/** Evaluated after the statement's other reads (a def's annotations, an assignment's target): `late` facts. */
export const P_LATE = 32;
