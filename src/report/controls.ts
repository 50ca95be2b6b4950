// Text from source lines and file names must not drive the reader's terminal or editor: control characters are
// written as escapes in the human reports (terminal, Markdown). The JSON and SARIF reports keep the text as it is.

/** C0 controls but tab and newline, DEL, C1 controls, and the bidirectional overrides and isolates (which reorder
 *  what a terminal shows): text from source lines and file names must not drive the terminal. */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
/** The same without newline: single-line fields (a statement, a file name) cannot start a new line either. */
const UNSAFE_IN_LINE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

const escapeChar = (c: string): string => {
  const code = c.charCodeAt(0);
  if (c === "\r") return "\\r";
  if (c === "\n") return "\\n";
  if (c === "\x1b") return "\\x1b";
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
};

/** Every string of the result with control characters written as escapes (`\x1b`, `\r`), as Python's repr writes
 *  them; newlines stay only in messages (pytest's multi-line ones). */
export function escapeControls<T>(value: T, key = ""): T {
  if (typeof value === "string") {
    const pattern = key === "message" ? UNSAFE : UNSAFE_IN_LINE;
    return value.replace(pattern, escapeChar) as T;
  }
  if (Array.isArray(value)) return value.map((v) => escapeControls(v, key)) as T;
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = escapeControls(v, k);
    return out as T;
  }
  return value;
}
