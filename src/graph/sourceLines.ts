// Source lines for chain steps, read only when a failure needs them (the facts do not carry source text).
import { readFileSync } from "node:fs";

export class SourceLines {
  private readonly files = new Map<string, string[]>();

  /** The line as written, trimmed; "" when the file cannot be read. */
  line(file: string, line: number): string {
    let lines = this.files.get(file);
    if (!lines) {
      try {
        lines = readFileSync(file, "utf8").split(/\r\n|\r|\n/);
      } catch {
        lines = [];
      }
      this.files.set(file, lines);
    }
    return (lines[line - 1] ?? "").replace(/^\uFEFF/, "").trim();
  }
}
