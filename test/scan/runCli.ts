// Runs remedy's CLI as a user does (a fresh node process on src/cli/main.ts), for the CLI tests.
import { spawn } from "node:child_process";
import { resolve } from "node:path";

export const ROOT = resolve(import.meta.dirname, "../..");
export const RUN = `import("${ROOT}/src/cli/main.ts").then((m) => m.main(process.argv.slice(1)))`;

export function remedy(...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, ["--import", "tsx", "-e", RUN, ...args], { cwd: ROOT });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (b) => (stdout += b));
    child.stderr.on("data", (b) => (stderr += b));
    child.on("close", (status) => done({ status, stdout, stderr }));
  });
}
