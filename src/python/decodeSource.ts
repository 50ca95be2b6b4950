// Source bytes -> text exactly as CPython decides it: UTF-8 BOM, PEP 263 declaration on line 1 or 2, else strict
// UTF-8; NUL bytes make a file "binary". Latin-1 and ASCII are decoded by hand because WHATWG's TextDecoder maps
// both labels to windows-1252, which CPython does not.
import type { FileStatus } from "./facts.ts";

export interface DecodedSource {
  status: FileStatus;
  encoding: string;
  problem: string | null;
  text: string;
}

const CODING_RE = /^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)/;
const BLANK_RE = /^[ \t\f]*(?:[#\r\n]|$)/;

/** CPython's get_normal_name(): only utf-8 and latin-1 spellings are normalised. */
function normalEncodingName(name: string): string {
  const lower = name.toLowerCase().replace(/_/g, "-");
  if (lower === "utf-8" || lower.startsWith("utf-8-")) return "utf-8";
  if (
    lower === "latin-1" ||
    lower === "iso-8859-1" ||
    lower === "iso-latin-1" ||
    lower.startsWith("latin-1-") ||
    lower.startsWith("iso-8859-1-") ||
    lower.startsWith("iso-latin-1-")
  )
    return "iso-8859-1";
  return name;
}

/** The first two lines as latin-1 text (enough to read a coding declaration). */
function headLines(bytes: Uint8Array, start: number): [string, string | null] {
  const lines: string[] = [];
  let i = start;
  while (lines.length < 2 && i < bytes.length) {
    let j = i;
    while (j < bytes.length && bytes[j] !== 0x0a && bytes[j] !== 0x0d) j++;
    let s = "";
    for (let k = i; k < j && k - i < 400; k++) s += String.fromCharCode(bytes[k]!);
    lines.push(s);
    if (j < bytes.length && bytes[j] === 0x0d && bytes[j + 1] === 0x0a) j++;
    i = j + 1;
  }
  return [lines[0] ?? "", lines.length > 1 ? lines[1]! : null];
}

function declaredEncoding(bytes: Uint8Array, start: number): string | null {
  const [first, second] = headLines(bytes, start);
  const m1 = CODING_RE.exec(first);
  if (m1) return m1[1]!;
  if (!BLANK_RE.test(first) || second === null) return null;
  const m2 = CODING_RE.exec(second);
  return m2 ? m2[1]! : null;
}

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

function decodeWith(encoding: string, bytes: Uint8Array): string {
  const lower = normalEncodingName(encoding).toLowerCase();
  if (lower === "utf-8" || lower === "utf8") return utf8.decode(bytes);
  if (lower === "iso-8859-1" || lower === "latin1" || lower === "l1") {
    let s = "";
    for (let i = 0; i < bytes.length; i += 8192)
      s += String.fromCharCode(...bytes.subarray(i, Math.min(bytes.length, i + 8192)));
    return s;
  }
  if (lower === "ascii" || lower === "us-ascii" || lower === "646") {
    for (let i = 0; i < bytes.length; i++)
      if (bytes[i]! >= 0x80)
        throw new Error(`'ascii' codec can't decode byte 0x${bytes[i]!.toString(16)} in position ${i}`);
    return decodeWith("latin-1", bytes);
  }
  let decoder: InstanceType<typeof TextDecoder>;
  try {
    decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
  } catch {
    throw new Error(`unknown encoding: ${encoding}`);
  }
  return decoder.decode(bytes);
}

/** Decodes source bytes; never throws. */
export function decodeSource(bytes: Uint8Array): DecodedSource {
  if (bytes.indexOf(0) !== -1)
    return { status: "binary", encoding: "utf-8", problem: "source code cannot contain null bytes", text: "" };
  const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const declared = declaredEncoding(bytes, bom ? 3 : 0);
  let encoding = "utf-8";
  if (bom) {
    if (declared !== null && normalEncodingName(declared) !== "utf-8")
      return { status: "decode-error", encoding: "utf-8-sig", problem: "encoding problem: utf-8", text: "" };
    encoding = "utf-8-sig";
  } else if (declared !== null) {
    encoding = normalEncodingName(declared);
  }
  try {
    const text = decodeWith(bom ? "utf-8" : encoding, bom ? bytes.subarray(3) : bytes);
    return { status: "ok", encoding, problem: null, text };
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return { status: "decode-error", encoding, problem: `cannot decode as ${encoding}: ${why}`, text: "" };
  }
}
