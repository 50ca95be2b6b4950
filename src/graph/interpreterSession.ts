// The state of one simulated interpreter session: sys.modules, the stack of executing modules, sys.path, and
// how an exception travels down that stack (caught by an enclosing try, or reaching pytest as the file's error).
import type { FileFacts } from "../python/index.ts";
import type { ChainStep, ImportFailure } from "./collectionModel.ts";
import type { GetFacts, GraphInput } from "./graphInput.ts";
import type { ModuleIndex } from "./moduleIndex.ts";
import { catches } from "./pythonNames.ts";
import type { OriginClassifier, Resolution } from "./resolveImport.ts";
import type { SourceLines } from "./sourceLines.ts";
import type { SysPathState } from "./sysPathState.ts";

export interface NameValue {
  /** False when bound only on some paths (if/for/except bodies, a guarded import that failed). */
  certain: boolean;
  /** The module object the name refers to, when it is one (`import a.b` binds `a` to module "a"). */
  module: string | null;
  /** Bound on every path where these plain names have these truth values (`if not flag: import x`), while nothing
   *  rebinds them (src/graph/controlFlow.ts). */
  when?: ReadonlyMap<string, boolean>;
  /** The truth value of the constant it is bound to (`HAS_X = False`), where that binding certainly ran. */
  truth?: boolean;
}

export interface ModuleRecord {
  name: string;
  resolution: Resolution;
  /** The file that executes (null for namespace packages, builtins and hook-provided modules). */
  file: string | null;
  /** First-party Python source: executed statement by statement. Everything else is assumed to import fine. */
  simulated: boolean;
  status: "executing" | "done";
  /** An exception escaped its execution (Python drops it from sys.modules; the model replays its failures). */
  failed: boolean;
  /** The module's global namespace as far as it is known. */
  ns: Map<string, NameValue>;
  /** Any attribute may exist: not simulated, a module `__getattr__`, or an unknown star import. */
  anyAttr: boolean;
  /** Defines a PEP 562 `__getattr__`: names it may provide are judged by moduleGetattr.ts. */
  getattrHook: boolean;
  /** A module made at run time whose names code that ran since may have extended (six.moves after
   *  `six.add_move`): a name it lacks is then possibly there. */
  namesMayGrow?: () => boolean;
  /** Any global may exist: a star import from a module whose names are unknown. */
  anyGlobal: boolean;
  /** Stdlib (or builtin) modules star-imported so far, directly or through a star-imported module: a name not
   *  otherwise bound is there if one of them exports it, which the interpreter answers (stdlibStarBinds). */
  stdlibStars: string[];
  /** Its namespace is written through `globals()`/`vars()`/`locals()`: importers may find names remedy cannot
   *  list. The module's own later reads stay checked (what such code adds is rarely read back at import time,
   *  and a missed NameError there would put a later, wrong error in its place). */
  dynamicGlobals: boolean;
  /** Submodules set as attributes on this module object (hence also globals of its namespace) by the import
   *  system, whatever statement imported them -> set for certain (false: loaded by an import that may not run). */
  childAttrs: Map<string, boolean>;
  /** Has `__path__`: submodules can be imported from it. */
  isPackage: boolean;
  searchPath: string[];
  /** Failures that escaped this module's execution, with the chain from this module down (for replay). */
  failures: { failure: ImportFailure; suffix: PendingStep[] }[];
  /** The rootKeys of `failures` (a module deep in a cycle collects thousands; a scan of the list per raise was
   *  quadratic on sympy with one cycle added). */
  failureKeys?: Set<string>;
  /** Took part in an import cycle entered from outside its package: its outcome depends on entry order. */
  cycleTouched: boolean;
  /** Executed after the current file had already failed (Python would not have run it then). */
  shadow: boolean;
  /** Entered through an import that may not run, and an error inside it was downgraded to "maybe": a later
   *  import that certainly runs executes it again (if the first one ran, it failed and left sys.modules; if it
   *  did not, this one is the first), so its errors become certain there. */
  maybeFailed: boolean;
  /** Executed through an import that may not run: Python may never have loaded it (an `except ImportError:`
   *  fallback that is not taken), so a later import that certainly runs finds it afresh, parents first (a parent
   *  whose `__init__` failed runs, and fails, again). */
  maybeLoaded: boolean;
  /** Put an instance of its own module class in its own place in sys.modules, whose `__getattr__` imports what a
   *  lazy attribute table names (kombu; lazyAttributes.ts): importers find the table's names and its bindings,
   *  and any other name is missing (a submodule is imported). Without a table remedy can read: anyAttr. */
  lazySelf?: boolean;
  /** Touched `sys.modules` / `sys.meta_path` at module level: modules below its name may exist without a file. */
  injectsModules: boolean;
}

/** A chain step whose source text is read only if a failure needs it. */
export interface PendingStep {
  file: string;
  line: number;
  module: string | null;
}

export interface Frame {
  module: ModuleRecord;
  /** The statement currently executing in this module. */
  step: PendingStep | null;
  /** `caught` of that statement. */
  caught: string[];
  /** That statement may not run (an `if`/loop body, an `except` handler...): everything it causes is "maybe". */
  conditional: boolean;
  /** Why the current statement may not run, in a sentence (for possible findings); null when remedy can't say. */
  why?: () => string | null;
  /** Set when an exception raised below this frame was caught by the current statement. */
  caughtHere: boolean;
  /** The type of that exception. */
  caughtType?: string;
  /** An exception left this module for a handler further down the stack: the module stops executing (Python
   *  never runs the rest of it, so neither its later imports nor their effects on sys.modules happen). */
  aborted: boolean;
}

/** How many times a shadow module whose outcome depended on entry order is run again (see shadowRerun). */
const SHADOW_RERUNS = 3;

export class InterpreterSession {
  readonly modules = new Map<string, ModuleRecord>();
  readonly stack: Frame[] = [];
  /** module name -> index of its frame while it executes. */
  readonly executing = new Map<string, number>();
  /** Failures of the file being imported, certain ones in Python's order (first = pytest's report). */
  fileFailures: ImportFailure[] = [];
  fileMaybe: ImportFailure[] = [];
  private certainKeys = new Set<string>();
  private maybeKeys = new Set<string>();
  /** Some certain failure already escaped to pytest in this file: Python would have stopped. */
  stopped = false;
  /** The file being imported is a test module (pytest skips it when its import raises Skipped). */
  skippable = false;
  /** Where the import of the current test file raised pytest's Skipped (a module-level `pytest.importorskip` of
   *  a module that cannot be imported, `pytest.skip(..., allow_module_level=True)`): pytest skips the file. */
  fileSkipped: { file: string; line: number } | null = null;
  /** Modules first executed or failed during the current file. */
  touched: ModuleRecord[] = [];
  /** A sys.path change could not be evaluated (where: "file:line"): missing modules become "maybe". */
  pathUncertain: string | false = false;
  /** A conftest touched `sys.modules` / `sys.meta_path` at import time: any missing module becomes "maybe". */
  anyModuleInjected = false;
  private readonly factsCache = new Map<string, FileFacts>();

  constructor(
    readonly input: GraphInput,
    private readonly getFactsRaw: GetFacts,
    readonly index: ModuleIndex,
    readonly classifier: OriginClassifier,
    readonly sysPath: SysPathState,
    readonly lines: SourceLines,
    readonly builtinModules: ReadonlySet<string>,
    readonly distributionNames: ReadonlySet<string>,
    readonly cwd: string,
    private readonly computeProjectNames: () => Set<string>,
    /** Runs a first-party module (moduleExecution.ts's executeModule), given here by createSession so that the
     *  import machinery and module execution, which call each other as CPython's do, import no cycle. */
    private readonly executor: (session: InterpreterSession, rec: ModuleRecord) => void,
  ) {}

  /** Executes the module of `rec` in this session (its imports come back through the import machinery). */
  execute(rec: ModuleRecord): void {
    this.executor(this, rec);
  }

  private projectNamesCache: Set<string> | null = null;
  /** Top-level names of the project's own directories and modules (computed on the first missing import). */
  firstPartyNames(): Set<string> {
    this.projectNamesCache ??= this.computeProjectNames();
    return this.projectNamesCache;
  }

  facts(path: string): FileFacts {
    let f = this.factsCache.get(path);
    if (!f) {
      f = this.getFactsRaw(path);
      this.factsCache.set(path, f);
    }
    return f;
  }

  private reruns = new Map<string, number>();
  /** Counts a re-execution of `name` in the current file; returns how many there were before. */
  reexecutions(name: string): number {
    const n = this.reruns.get(name) ?? 0;
    this.reruns.set(name, n + 1);
    return n;
  }

  beginFile(): void {
    this.reruns = new Map();
    this.fileFailures = [];
    this.fileMaybe = [];
    this.certainKeys = new Set();
    this.maybeKeys = new Set();
    this.stopped = false;
    this.fileSkipped = null;
    this.touched = [];
  }

  /** Skipped (a BaseException) propagates through every frame: no handler the model follows catches it, each
   *  module whose execution it interrupts leaves sys.modules as after any exception, and the file stops. */
  skipFile(file: string, line: number): void {
    this.fileSkipped ??= { file, line };
    for (const frame of this.stack) {
      frame.aborted = true;
      if (this.modules.get(frame.module.name) === frame.module) this.modules.delete(frame.module.name);
    }
    this.stopped = true;
  }

  /** Ends a file: modules whose failure or success depended on entry order leave sys.modules (Python removes
   *  failed modules; the others are kept as replayable memos so a broken core costs O(1) per later importer). */
  endFile(): void {
    // A failure that came out of an order-dependent module is order-dependent wherever it propagated to.
    for (const rec of this.touched) {
      if (!rec.failed || rec.cycleTouched) continue;
      for (const { suffix } of rec.failures) {
        const origin = suffix[suffix.length - 1]?.module;
        if (origin && this.modules.get(origin)?.cycleTouched) rec.cycleTouched = true;
      }
    }
    for (const rec of this.touched) {
      if (!rec.cycleTouched || this.modules.get(rec.name) !== rec) continue;
      if (rec.shadow ? this.shadowRerun(rec.name) : rec.failed) this.drop(rec.name);
    }
    // A submodule found in sys.modules is returned without importing its package again: one whose package was
    // just dropped would hide the package's failure from later files, so it goes too (Python never had it:
    // it was loaded only after the file had already failed). O(touched x depth).
    for (const rec of this.touched) {
      if (!rec.shadow || this.modules.get(rec.name) !== rec) continue;
      for (let dot = rec.name.indexOf("."); dot >= 0; dot = rec.name.indexOf(".", dot + 1)) {
        if (!this.modules.has(rec.name.slice(0, dot))) {
          if (this.shadowRerun(rec.name)) this.drop(rec.name);
          break;
        }
      }
    }
    this.touched = [];
  }

  /** Modules run only after their file had already failed (shadow records), for the errors hidden behind, are
   *  run again by a later file when their outcome depended on entry order: each at most SHADOW_RERUNS times in a
   *  session, then kept (its failures replayed). Without the bound every test file re-ran the whole failing
   *  closure behind its first error: saleor (celery missing in the package's __init__, 1,219 test files) ran
   *  its core modules 1,100 times each, 235,000 module executions (28.8 s); hidden errors are order-dependent
   *  guesses past a failure Python never goes beyond, and three orders find them. */
  private readonly shadowReruns = new Map<string, number>();
  private shadowRerun(name: string): boolean {
    const n = this.shadowReruns.get(name) ?? 0;
    if (n >= SHADOW_RERUNS) return false;
    this.shadowReruns.set(name, n + 1);
    return true;
  }

  /** Removes a module from sys.modules, and from its package's attributes (it was set there only if it loaded). */
  private drop(name: string): void {
    this.modules.delete(name);
    const dot = name.lastIndexOf(".");
    if (dot >= 0) this.modules.get(name.slice(0, dot))?.childAttrs.delete(name.slice(dot + 1));
  }

  /** One ChainStep per executing statement, shared by every failure raised beneath it: a failure's chain is the
   *  stack's statements, and on a large tree (saleor) the copies were most of the model's memory (331 of 553 MB
   *  live). A PendingStep is never changed (a frame gets a new one per statement), nor is a ChainStep. */
  private readonly chainSteps = new WeakMap<PendingStep, ChainStep>();

  /** One copy of each failure message and root key: the same statement fails again in file after file (434,458
   *  failures on saleor for 847 findings), and V8 keeps every equal string built by concatenation apart. */
  private readonly strings = new Map<string, string>();

  intern(text: string): string {
    const hit = this.strings.get(text);
    if (hit !== undefined) return hit;
    this.strings.set(text, text);
    return text;
  }

  materialize(steps: readonly PendingStep[]): ChainStep[] {
    return steps.map((s) => {
      let step = this.chainSteps.get(s);
      if (!step) {
        step = { file: s.file, line: s.line, statement: this.lines.line(s.file, s.line), module: s.module };
        this.chainSteps.set(s, step);
      }
      return step;
    });
  }

  currentSteps(): PendingStep[] {
    const out: PendingStep[] = [];
    for (const f of this.stack) if (f.step) out.push(f.step);
    return out;
  }

  /** Index of the lowest frame whose current statement may not run, -1 when every frame's statement runs. The
   *  modules above it execute only if that statement does: nothing raised there is certain. O(stack depth). */
  maybeFrom(): number {
    return this.stack.findIndex((f) => f.conditional);
  }

  /** A certain failure raised above frame `from` (see maybeFrom) was downgraded: the modules executing above it
   *  must run again when a certain import reaches them. */
  markMaybeFailed(from: number): void {
    for (let i = from + 1; i < this.stack.length; i++) (this.stack[i] as Frame).module.maybeFailed = true;
  }

  /** Moves whenever a failure is met, certain or not, caught or not, or a module remedy does not execute is imported
   *  (which may raise at run time): a try body during which it did not move ran as modelled. */
  failuresMet = 0;

  /** This file already has the failure (certain, or as a warning when `maybe`): raising it again records nothing
   *  for the file, so its chain need not be built. */
  knows(rootKey: string, maybe: boolean): boolean {
    return this.certainKeys.has(rootKey) || (maybe && this.maybeKeys.has(rootKey));
  }

  /** Records a "maybe" failure (a warning): it does not stop execution. */
  warn(failure: ImportFailure): void {
    this.failuresMet++;
    const top = this.stack[this.stack.length - 1];
    if (top && catches(top.caught, failure.exceptionType)) return;
    if (this.certainKeys.has(failure.rootKey) || this.maybeKeys.has(failure.rootKey)) return;
    this.maybeKeys.add(failure.rootKey);
    this.fileMaybe.push(failure);
  }

  /** Raises `failure` in the top frame's current statement (chain relative to the stack as `steps`): it unwinds
   *  frames until a statement's handler catches it, marking each unwound module failed; if none does, it is the
   *  file's failure. Execution continues afterwards as if the statement had succeeded (hidden failures). */
  raise(failure: ImportFailure, steps: PendingStep[]): void {
    this.failuresMet++;
    for (let i = this.stack.length - 1; i >= 0; i--) {
      const frame = this.stack[i] as Frame;
      if (catches(frame.caught, failure.exceptionType)) {
        this.caughtIn(i, failure.exceptionType);
        return;
      }
      const keys = failedWith(frame.module);
      if (!keys.has(failure.rootKey)) {
        keys.add(failure.rootKey);
        frame.module.failures.push({ failure, suffix: steps.slice(this.stepIndex(i)) });
      }
    }
    this.fileFails(failure);
  }

  /** raise() for each of a failed module's memo entries in turn (the module imported again: importMachinery's
   *  replay), entry k as `failures[k]` with chain steps `base` + `entries[k].suffix`, in one pass over the stack
   *  instead of one per entry: saleor replays 39,000 memos of 83 failures on average, and the pass per failure
   *  and frame (19 million frame visits) was half of its scan. The outcome is raise()'s, entry by entry: each
   *  frame adds the entries no frame above it caught, in their order. */
  reraise(
    entries: readonly { suffix: PendingStep[] }[],
    failures: readonly ImportFailure[],
    base: PendingStep[],
  ): void {
    this.failuresMet += failures.length;
    let live = failures.map((_, k) => k);
    for (let i = this.stack.length - 1; i >= 0 && live.length > 0; i--) {
      const frame = this.stack[i] as Frame;
      if (frame.caught.length > 0) {
        const rest: number[] = [];
        for (const k of live) {
          const type = (failures[k] as ImportFailure).exceptionType;
          if (catches(frame.caught, type)) this.caughtIn(i, type);
          else rest.push(k);
        }
        live = rest;
      }
      const keys = failedWith(frame.module);
      let at = -1;
      for (const k of live) {
        const failure = failures[k] as ImportFailure;
        if (keys.has(failure.rootKey)) continue;
        keys.add(failure.rootKey);
        if (at < 0) at = this.stepIndex(i);
        const suffix = (entries[k] as { suffix: PendingStep[] }).suffix;
        const steps = at <= base.length ? [...base.slice(at), ...suffix] : suffix.slice(at - base.length);
        frame.module.failures.push({ failure, suffix: steps });
      }
    }
    for (const k of live) this.fileFails(failures[k] as ImportFailure);
  }

  /** Frame i's statement caught an exception of `type` raised above it: the frames above stop executing. */
  private caughtIn(i: number, type: string): void {
    const frame = this.stack[i] as Frame;
    frame.caughtHere = true;
    frame.caughtType = type;
    for (let j = i + 1; j < this.stack.length; j++) (this.stack[j] as Frame).aborted = true;
  }

  /** `failure` left every frame: the file's failure (its first stops it; the rest are hidden behind). */
  private fileFails(failure: ImportFailure): void {
    if (this.certainKeys.has(failure.rootKey)) return;
    this.certainKeys.add(failure.rootKey);
    // The same statement warned earlier in this file (reached through an import that may not run): now certain.
    if (this.maybeKeys.delete(failure.rootKey)) {
      this.fileMaybe = this.fileMaybe.filter((f) => f.rootKey !== failure.rootKey);
    }
    this.fileFailures.push(failure);
    this.stopped = true;
  }

  /** Index in currentSteps() of frame i's step (frames without a step contribute none). */
  private stepIndex(frameIndex: number): number {
    let n = 0;
    for (let i = 0; i < frameIndex; i++) if ((this.stack[i] as Frame).step) n++;
    return n;
  }
}

/** `compute(session, key)` computed once per session and key: a cache that goes with its session. */
/** Marks `rec` failed (a failure left its execution) and returns the keys of the failures it holds. */
function failedWith(rec: ModuleRecord): Set<string> {
  if (!rec.failed) {
    rec.failed = true;
    rec.failures = [];
    rec.failureKeys = new Set();
  }
  rec.failureKeys ??= new Set(rec.failures.map((f) => f.failure.rootKey));
  return rec.failureKeys;
}

export function perSession<V>(
  compute: (session: InterpreterSession, key: string) => V,
): (session: InterpreterSession, key: string) => V {
  const caches = new WeakMap<InterpreterSession, Map<string, V>>();
  return (session, key) => {
    let cache = caches.get(session);
    if (!cache) {
      cache = new Map();
      caches.set(session, cache);
    }
    if (cache.has(key)) return cache.get(key) as V;
    const value = compute(session, key);
    cache.set(key, value);
    return value;
  };
}
