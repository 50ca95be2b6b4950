// Builds ImportFailure records from the session's current stack, so every failure carries its chain.
import type { FailureKind, ImportFailure } from "./collectionModel.ts";
import type { InterpreterSession, PendingStep } from "./interpreterSession.ts";

export interface FailureSpec {
  kind: FailureKind;
  file: string;
  line: number;
  col: number;
  message: string;
  exceptionType: string;
  module: string | null;
  name: string | null;
  certainty: "certain" | "maybe";
  /** For "maybe": what decides it (the caller knows best; a default is derived from the stack otherwise). */
  condition?: string;
  cycle?: PendingStep[];
  installed?: ImportFailure["installed"];
}

export function makeFailure(session: InterpreterSession, spec: FailureSpec, steps: PendingStep[]): ImportFailure {
  const failure: ImportFailure = {
    kind: spec.kind,
    file: spec.file,
    line: spec.line,
    col: spec.col,
    message: session.intern(spec.message),
    exceptionType: spec.exceptionType,
    module: spec.module,
    name: spec.name,
    chain: session.materialize(steps),
    certainty: spec.certainty,
    ...(spec.certainty === "maybe" && spec.condition ? { condition: session.intern(spec.condition) } : {}),
    rootKey: session.intern(`${spec.kind}|${spec.file}|${spec.line}|${spec.name ?? ""}`),
  };
  if (spec.cycle) failure.cycle = session.materialize(spec.cycle);
  if (spec.installed) failure.installed = spec.installed;
  return failure;
}

/** Raises (certain) or warns (maybe) a failure at the current statement. Inside a module entered through a
 *  statement that may not run, nothing is certain. */
export function fail(session: InterpreterSession, spec: FailureSpec): void {
  const steps = session.currentSteps();
  const from = spec.certainty === "certain" ? session.maybeFrom() : -1;
  if (from >= 0) {
    const step = session.stack[from]?.step;
    const where = step ? `${step.file}:${step.line}` : "an import";
    spec = {
      ...spec,
      certainty: "maybe",
      condition: `it happens only if the statement at ${where} runs, which remedy cannot decide`,
    };
    session.markMaybeFailed(from);
  } else if (spec.certainty === "maybe" && !spec.condition) {
    const frame = session.stack[session.stack.length - 1];
    const why = frame?.why?.();
    if (why) spec = { ...spec, condition: why };
  }
  const failure = makeFailure(session, spec, steps);
  if (spec.certainty === "maybe") session.warn(failure);
  else session.raise(failure, steps);
}
