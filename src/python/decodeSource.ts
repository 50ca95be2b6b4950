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

/** cp1252 bytes 0x80-0x9f as CPython decodes them (-1: undefined, a decode error). */
const CP1252_HIGH = [
  0x20ac, -1, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, -1, 0x017d, -1,
  -1, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, -1, 0x017e,
  0x0178,
];

const WHATWG_NAMES: Record<string, string> = {
  "mac-roman": "macintosh",
  macroman: "macintosh",
  "mac-cyrillic": "x-mac-cyrillic",
  maccyrillic: "x-mac-cyrillic",
  "euc-jis-2004": "euc-jp",
  "shift-jis-2004": "shift-jis",
  sjis: "shift-jis",
  "s-jis": "shift-jis",
  cp932: "shift-jis",
  ms932: "shift-jis",
  cp936: "gbk",
  cp949: "euc-kr",
  big5hkscs: "big5-hkscs",
};

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
  if (lower === "cp1252" || lower === "windows-1252" || lower === "windows_1252") {
    // Node's TextDecoder decodes windows-1252 as latin-1 (0x80-0x9f unmapped), so map those by hand.
    let s = "";
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i]!;
      if (b < 0x80 || b >= 0xa0) s += String.fromCharCode(b);
      else {
        const c = CP1252_HIGH[b - 0x80]!;
        if (c < 0) throw new Error(`'charmap' codec can't decode byte 0x${b.toString(16)} in position ${i}`);
        s += String.fromCharCode(c);
      }
    }
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
    // Python spells codecs with `_` and has a few names WHATWG does not (mac-roman is "macintosh" there).
    const label = lower.replace(/_/g, "-");
    decoder = new TextDecoder(WHATWG_NAMES[label] ?? label, { fatal: true, ignoreBOM: true });
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
