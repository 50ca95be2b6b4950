// remedy's verdict on a fixture in expected.json's terms (test/fixtures/*/expected.json, written by
// test/fixtures/scan/record.py from the real pytest), for the agreement fixtures and their test.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { scan } from "../../src/index.ts";
import { type FileError, mismatchText, remedyVerdicts } from "./verdicts.ts";

export interface FixtureVerdict {
  errors: Record<string, FileError>;
  conftestError?: FileError;
}

export function expectedVerdict(dir: string): FixtureVerdict {
  const e = JSON.parse(readFileSync(join(dir, "expected.json"), "utf8")) as {
    errors: Record<string, FileError & { at?: string }>;
    conftestError?: FileError & { file: string };
    /** pytest crashed while it started (exit 1, a traceback): the session's error, as a conftest's would be. */
    startupError?: FileError;
    /** pytest ended with an INTERNALERROR (exit 3: a start-up hook raised): the exception of its last line. */
    internalError?: FileError;
  };
  const errors: Record<string, FileError> = {};
  // record.py names a failing conftest's error by its directory (pytest's node id); the verdicts, by the file.
  for (const [node, x] of Object.entries(e.errors)) {
    // A conftest's basename clash is recorded as the exception's repr: in the words pytest uses for a test module.
    const message = x.type === "ImportPathMismatchError" ? mismatchText(x.message) : x.message;
    // A class's node (`file.py::Class`) is its file's error, as the bench's verdicts key it.
    const f = node.split("::")[0] as string;
    errors[f.endsWith(".py") ? f : `${f === "." ? "" : `${f}/`}conftest.py`] = { type: x.type, message };
  }
  const internal = e.internalError
    ? { type: "InternalError", message: `${e.internalError.type}: ${e.internalError.message}` }
    : undefined;
  const session = e.conftestError ?? e.startupError ?? internal;
  return {
    errors,
    ...(session ? { conftestError: { type: session.type, message: session.message } } : {}),
  };
}

export async function remedyFixtureVerdict(dir: string, env?: NodeJS.ProcessEnv): Promise<FixtureVerdict> {
  const v = remedyVerdicts(await scan(dir, env ? { env } : {}));
  const errors: Record<string, FileError> = {};
  for (const [f, x] of v.files) if (x) errors[f] = x;
  return { errors, ...(v.session ? { conftestError: v.session } : {}) };
}
