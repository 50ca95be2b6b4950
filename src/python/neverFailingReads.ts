// Reads that can never raise NameError are left out of the facts: a builtin that every Python 3.8+ has with or
// without `site`, or `__name__`, read in a file that binds that name nowhere. About two thirds of all module-level
// reads of real code are such names (`str`, `dict`, `object`, `__name__`); dropping them where the facts are made
// saves their encoding, caching, decoding and ordering on every scan, and changes no verdict: the model would have
// found each in builtins. docs/facts.md (reads) states the rule; bench/oracle/facts.py applies the same one.
import type { Read } from "./facts.ts";

/** dir(builtins) of `python3 -S` minus what 3.10+ added (aiter, anext, EncodingWarning, the exception groups) and
 *  minus globals/vars/locals, whose reads tell the model that the module's namespace is dynamic. */
export const ALWAYS_BUILTIN: ReadonlySet<string> = new Set(
  (
    "ArithmeticError AssertionError AttributeError BaseException BlockingIOError BrokenPipeError BufferError " +
    "BytesWarning ChildProcessError ConnectionAbortedError ConnectionError ConnectionRefusedError " +
    "ConnectionResetError DeprecationWarning EOFError Ellipsis EnvironmentError Exception False FileExistsError " +
    "FileNotFoundError FloatingPointError FutureWarning GeneratorExit IOError ImportError ImportWarning " +
    "IndentationError IndexError InterruptedError IsADirectoryError KeyError KeyboardInterrupt LookupError " +
    "MemoryError ModuleNotFoundError NameError None NotADirectoryError NotImplemented NotImplementedError OSError " +
    "OverflowError PendingDeprecationWarning PermissionError ProcessLookupError RecursionError ReferenceError " +
    "ResourceWarning RuntimeError RuntimeWarning StopAsyncIteration StopIteration SyntaxError SyntaxWarning " +
    "SystemError SystemExit TabError TimeoutError True TypeError UnboundLocalError UnicodeDecodeError " +
    "UnicodeEncodeError UnicodeError UnicodeTranslateError UnicodeWarning UserWarning ValueError Warning " +
    "ZeroDivisionError abs all any ascii bin bool breakpoint bytearray bytes callable chr classmethod compile " +
    "complex delattr dict dir divmod enumerate eval exec filter float format frozenset getattr hasattr hash hex " +
    "id input int isinstance issubclass iter len list map max memoryview min next object oct open ord pow print " +
    "property range repr reversed round set setattr slice sorted staticmethod str sum super tuple type zip"
  ).split(" "),
);

/** `reads` without the ones that cannot fail. A star import may bind anything, so with one every read stays;
 *  a name the file binds (any binding fact, or `global` in a def) keeps its reads, so the model still sees
 *  reads of a module's own `str` or `type`. O(reads + bindings). */
export function withoutNeverFailingReads(
  reads: Read[],
  bound: { name: string }[],
  globalNames: string[],
  starImports: number,
): Read[] {
  if (starImports > 0) return reads;
  let own: Set<string> | null = null;
  return reads.filter((r) => {
    if (r.name !== "__name__" && !ALWAYS_BUILTIN.has(r.name)) return true;
    own ??= new Set([...bound.map((b) => b.name), ...globalNames]);
    return own.has(r.name);
  });
}
