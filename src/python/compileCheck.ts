// CPython's own verdict on syntax: one batch python process compile()s every file (parse + compiler checks such
// as `return` outside a def), so remedy reports exactly what the import would raise. It never executes code.
import { spawn } from "node:child_process";
import { RemedyError } from "../errors.ts";
import type { SyntaxErrorFact } from "./facts.ts";

/** The interpreter is missing, crashed, or took too long; the message says which and how. */
export class CompileCheckError extends RemedyError {
  override name = "CompileCheckError";
  constructor(
    readonly reason: "missing" | "crashed" | "timeout",
    message: string,
  ) {
    super(message);
  }
}

export interface ConfirmSyntaxOptions {
  /** Whole-batch limit; default 30 s plus 20 ms per file. */
  timeoutMs?: number;
}

// Parser offsets already count code points; compiler offsets (from AST nodes) count UTF-8 bytes, so those are
// converted. Python 3.11 reports NUL bytes without a position: the first NUL is located here.
const SCRIPT = String.raw`
import ast, io, json, re, sys, tokenize, warnings
warnings.simplefilter("ignore")
sys.setrecursionlimit(20000)

def line_text(data, n):
    try:
        enc = tokenize.detect_encoding(io.BytesIO(data).readline)[0]
        lines = re.split(r"\r\n|\r|\n", data.decode(enc))
        return lines[n - 1] if 0 < n <= len(lines) else ""
    except Exception:
        return ""

def fact(e, data, in_bytes):
    if e.lineno is None and b"\0" in data:
        before = data[: data.index(b"\0")]
        line = before.count(b"\n") + 1
        col = len(before[before.rfind(b"\n") + 1 :].decode("utf-8", "replace"))
        return {"line": line, "col": col, "message": str(e.msg)}
    line = e.lineno if e.lineno and e.lineno > 0 else 1
    col = e.offset - 1 if e.offset and e.offset > 0 else 0
    if in_bytes and col:
        col = len(line_text(data, line).encode("utf-8")[:col].decode("utf-8", "replace"))
    return {"line": line, "col": col, "message": str(e.msg)}

out = sys.stdout
for raw in sys.stdin:
    path = json.loads(raw)
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError as e:
        out.write(json.dumps({"path": path, "unreadable": str(e)}) + "\n")
        continue
    err, compiling = None, False
    try:
        tree = compile(data, path, "exec", ast.PyCF_ONLY_AST, dont_inherit=True)
        compiling = True
        compile(tree, path, "exec", dont_inherit=True)
    except SyntaxError as e:
        err = fact(e, data, compiling)
    except (ValueError, RecursionError, MemoryError) as e:
        err = {"line": 1, "col": 0, "message": type(e).__name__ + ": " + str(e)}
    out.write(json.dumps({"path": path, "error": err}) + "\n")
`;

interface Verdict {
  path: string;
  error?: { line: number; col: number; message: string } | null;
  unreadable?: string;
}

/**
 * CPython's verdict per file: its SyntaxError (line, col in code points, message) or null when the file compiles.
 * Files python cannot read are left out of the map (the scanner reports them as unreadable).
 */
export function confirmSyntax(
  files: string[],
  python: string,
  options: ConfirmSyntaxOptions = {},
): Promise<Map<string, SyntaxErrorFact | null>> {
  const result = new Map<string, SyntaxErrorFact | null>();
  if (files.length === 0) return Promise.resolve(result);
  const timeoutMs = options.timeoutMs ?? 30_000 + 20 * files.length;
  return new Promise((resolve, reject) => {
    const child = spawn(python, ["-I", "-c", SCRIPT], { stdio: ["pipe", "pipe", "pipe"] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let settled = false;
    const fail = (e: CompileCheckError): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      child.kill("SIGKILL");
      reject(e);
    };
    const timer = setTimeout(
      () => fail(new CompileCheckError("timeout", `${python} did not finish checking syntax within ${timeoutMs} ms`)),
      timeoutMs,
    );
    child.on("error", (e: NodeJS.ErrnoException) =>
      fail(
        e.code === "ENOENT"
          ? new CompileCheckError("missing", `cannot check syntax: no python interpreter at "${python}"`)
          : new CompileCheckError("crashed", `cannot run ${python} to check syntax: ${e.message}`),
      ),
    );
    child.stdout.on("data", (b: Buffer) => out.push(b));
    child.stderr.on("data", (b: Buffer) => err.push(b));
    child.stdin.on("error", () => {}); // an early exit closes the pipe; the exit handler reports it
    child.on("close", (code, signal) => {
      if (settled) return;
      if (code !== 0) {
        const tail = Buffer.concat(err).toString("utf8").trim().split("\n").slice(-5).join("\n") || "no output";
        fail(
          new CompileCheckError(
            "crashed",
            `${python} failed while checking syntax (${signal ?? `exit ${code}`}): ${tail}`,
          ),
        );
        return;
      }
      try {
        for (const line of Buffer.concat(out).toString("utf8").split("\n")) {
          if (line === "") continue;
          const v = JSON.parse(line) as Verdict;
          if (v.unreadable !== undefined) continue;
          result.set(v.path, v.error ? { ...v.error, source: "cpython" } : null);
        }
      } catch {
        fail(new CompileCheckError("crashed", `${python} gave output that is not the syntax check's`));
        return;
      }
      settled = true;
      clearTimeout(timer);
      resolve(result);
    });
    child.stdin.end(files.map((f) => `${JSON.stringify(f)}\n`).join(""));
  });
}
