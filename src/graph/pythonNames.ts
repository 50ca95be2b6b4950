// Names CPython 3.11 provides without any import: builtins, the implicit module globals, and the modules
// compiled into the interpreter. A read of one of these never raises NameError; a builtin module always imports.
import { ALWAYS_BUILTIN } from "../python/index.ts";

export const BUILTIN_NAMES: ReadonlySet<string> = new Set([
  ...ALWAYS_BUILTIN,
  // 3.10 and 3.11 additions, the namespace functions, what `site` adds, and the builtins module's own dunders.
  ..."aiter anext EncodingWarning BaseExceptionGroup ExceptionGroup globals vars locals".split(" "),
  ..."copyright credits exit help license quit".split(" "),
  ..."__build_class__ __debug__ __doc__ __import__ __loader__ __name__ __package__ __spec__".split(" "),
]);

/** Globals every module has before its first statement runs (`__path__` only packages, `__annotations__`
 *  once an annotation ran: both accepted everywhere, a missed NameError beats a false one). */
export const MODULE_GLOBALS: ReadonlySet<string> = new Set([
  "__name__",
  "__file__",
  "__doc__",
  "__package__",
  "__loader__",
  "__spec__",
  "__path__",
  "__builtins__",
  "__cached__",
  "__annotations__",
]);

/** Attributes every module object has (CPython 3.11, checked with `from m import NAME`): those of
 *  `types.ModuleType` and the ones the import system sets before the module runs. `__path__` only on packages;
 *  `__builtins__` and `__cached__` only on modules executed from a file (not on namespace packages). */
const MODULE_TYPE_ATTRS: ReadonlySet<string> = new Set(
  (
    "__annotations__ __class__ __delattr__ __dict__ __dir__ __doc__ __eq__ __format__ __ge__ __getattribute__ " +
    "__getstate__ __gt__ __hash__ __init__ __init_subclass__ __le__ __lt__ __ne__ __new__ __reduce__ " +
    "__reduce_ex__ __repr__ __setattr__ __sizeof__ __str__ __subclasshook__ " +
    "__name__ __file__ __loader__ __package__ __spec__"
  ).split(" "),
);

export function moduleHasDunder(attr: string, kind: { isPackage: boolean; fromFile: boolean }): boolean {
  if (MODULE_TYPE_ATTRS.has(attr)) return true;
  if (attr === "__path__") return kind.isPackage;
  return (attr === "__builtins__" || attr === "__cached__") && kind.fromFile;
}

/** sys.builtin_module_names of CPython 3.11.7 on Linux, plus the frozen importlib modules. */
export const DEFAULT_BUILTIN_MODULES: readonly string[] = (
  "_abc _ast _codecs _collections _functools _imp _io _locale _operator _signal _sre _stat _string " +
  "_symtable _thread _tokenize _tracemalloc _warnings _weakref atexit builtins errno faulthandler gc " +
  "itertools marshal posix pwd sys time xxsubtype _frozen_importlib _frozen_importlib_external"
).split(" ");

/** Exception names (as written in an `except`) that catch each exception type raised at import time. */
const CATCHERS: Record<string, readonly string[]> = {
  ModuleNotFoundError: ["ModuleNotFoundError", "ImportError", "Exception", "BaseException"],
  ImportError: ["ImportError", "Exception", "BaseException"],
  NameError: ["NameError", "Exception", "BaseException"],
  AttributeError: ["AttributeError", "Exception", "BaseException"],
  SyntaxError: ["SyntaxError", "Exception", "BaseException"],
};

/** Whether an enclosing try's handlers (facts' `caught`) catch an exception of this type. */
export function catches(caught: readonly string[], exceptionType: string): boolean {
  if (caught.length === 0) return false;
  const names = CATCHERS[exceptionType] ?? ["Exception", "BaseException"];
  for (const c of caught) {
    if (c === "*") return true;
    const last = c.startsWith("builtins.") ? c.slice("builtins.".length) : c;
    if (names.includes(last)) return true;
  }
  return false;
}
