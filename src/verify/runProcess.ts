// Runs one process in its own process group with a time limit, collecting its output: how remedy starts pytest
// (collection and test runs) so that a timeout also stops whatever the user's conftest started.
import { spawn } from "node:child_process";

export interface ProcessResult {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  spawnError: NodeJS.ErrnoException | null;
}

export function runProcess(
  command: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
  timeoutMs: number,
): Promise<ProcessResult> {
  return new Promise((resolve) => {
    // Own process group, so a timeout also stops whatever the user's conftest started.
    const child = spawn(command, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"], detached: true });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let timedOut = false;
    let spawnError: NodeJS.ErrnoException | null = null;
    child.stdout.on("data", (b: Buffer) => out.push(b));
    child.stderr.on("data", (b: Buffer) => err.push(b));
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
      } catch {
        child.kill("SIGKILL");
      }
    }, timeoutMs);
    child.on("error", (e: NodeJS.ErrnoException) => {
      spawnError = e;
    });
    child.on("close", (exitCode, signal) => {
      clearTimeout(timer);
      resolve({
        exitCode,
        signal,
        stdout: Buffer.concat(out).toString("utf8"),
        stderr: Buffer.concat(err).toString("utf8"),
        timedOut,
        spawnError,
      });
    });
  });
}

/** stderr's last meaningful line; pytest ends a usage error with indented `inifile:`/`rootdir:` lines. */
export function lastLine(text: string): string | null {
  const lines = text.split("\n").filter((l) => l.trim() !== "" && !/^\s+(inifile|rootdir):/.test(l));
  return lines.length ? lines[lines.length - 1]!.trim() : null;
}

/** The last `n` non-empty lines of a process's output: what a person needs to see when pytest crashed. */
export function lastLines(text: string, n: number): string[] {
  return text
    .split("\n")
    .filter((l) => l.trim() !== "")
    .slice(-n);
}
