// Real code for the agreement bench: copies top-level packages of the interpreter's site-packages and stdlib
// (never touching the originals) and lists their modules, so generated `import <module>` tests exercise them.
import { cpSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { basename, join, relative } from "node:path";

export const PYLIB = "/root/.pyenv/versions/3.11.7/lib/python3.11";
export const SITE = join(PYLIB, "site-packages");

/** Pure-Python (or with their own extension modules) site-packages that pytest does not import itself, so a
 *  top-level copy is what `import x` really loads. pytest's own dependencies (pluggy, iniconfig, packaging) and
 *  installed plugins' imports (hypothesis, attr, sortedcontainers, cpuinfo) are left out: the installed copy
 *  is already in sys.modules when tests are collected. */
export const DEFAULT_SITE = [
  "click",
  "idna",
  "six.py",
  "certifi",
  "jinja2",
  "markupsafe",
  "itsdangerous",
  "blinker",
  "werkzeug",
  "flask",
  "requests",
  "urllib3",
  "charset_normalizer",
  "yaml",
  "dateutil",
  "jmespath",
  "colorama",
  "sniffio",
  "outcome",
  "annotated_types",
  "typing_inspection",
  "dotenv",
  "pathable",
  "ptyprocess",
  "pexpect",
  "pure_eval",
  "executing",
  "asttokens",
  "backcall",
  "xmltodict.py",
  "jsonpointer.py",
  "rsa",
  "referencing",
  "jsonschema",
  "typing_inspect.py",
  "mypy_extensions.py",
  "decorator.py",
];

/** Stdlib packages copied under a `std` namespace package (a top-level copy would lose to the stdlib module
 *  pytest already imported); only those whose own imports are all relative survive the move. */
export const DEFAULT_STDLIB = ["json", "asyncio", "concurrent", "wsgiref", "html", "dbm", "sqlite3", "urllib"];

/** Source location of a package given as it appears in site-packages ("six.py", "click") or stdlib ("std:json"). */
export function packageSource(spec: string): string {
  const std = spec.startsWith("std:");
  const name = std ? spec.slice(4) : spec;
  const base = std ? PYLIB : SITE;
  const candidates = [join(base, name), join(base, `${name}.py`)];
  const found = candidates.find((p) => existsSync(p));
  if (!found) throw new Error(`package '${spec}' not found under ${base}`);
  return found;
}

/** Files pytest would collect or run by itself (a package's own tests and conftests) are not copied. */
function copyable(src: string): boolean {
  const name = basename(src);
  if (name === "__pycache__" || name === "tests" || name === "test" || name === "conftest.py") return false;
  if (/^test_.*\.py$|_test\.py$/.test(name)) return false;
  return !name.endsWith(".pyc");
}

/** Copy a package (directory or single-module file) to `dest` (the package's own path in the new tree). */
export function copyPackage(src: string, dest: string): void {
  cpSync(src, dest, { recursive: true, filter: copyable });
}

/** Dotted names of the modules of a copied package rooted at `pkgPath` (dir or .py), `prefix` prepended. */
export function listModules(pkgPath: string, prefix: string): { dotted: string; file: string }[] {
  if (pkgPath.endsWith(".py")) return [{ dotted: prefix + basename(pkgPath, ".py"), file: pkgPath }];
  const out: { dotted: string; file: string }[] = [];
  const walk = (dir: string, dotted: string) => {
    if (!existsSync(join(dir, "__init__.py"))) return;
    out.push({ dotted, file: join(dir, "__init__.py") });
    for (const entry of readdirSync(dir).sort()) {
      const p = join(dir, entry);
      if (statSync(p).isDirectory()) walk(p, `${dotted}.${entry}`);
      else if (
        entry.endsWith(".py") &&
        entry !== "__init__.py" &&
        entry !== "__main__.py" &&
        /^[A-Za-z_]\w*\.py$/.test(entry)
      ) {
        out.push({ dotted: `${dotted}.${entry.slice(0, -3)}`, file: p });
      }
    }
  };
  walk(pkgPath, prefix + basename(pkgPath));
  return out;
}

const esc = (s: string) => s.replace(/[.]/g, "\\.");

/** Rewrites a package's absolute imports of itself so it works under `prefix` (m0001.click, std.json): `from
 *  NAME... import` and `import NAME [as X]` are rewritten; null when some `import NAME.sub` makes that impossible. */
export function rewriteSelfImports(text: string, name: string, prefix: string): string | null {
  const n = esc(name);
  if (new RegExp(`^\\s*import\\s+([\\w.]+\\s*,\\s*)*${n}\\.`, "m").test(text)) return null;
  if (new RegExp(`^\\s*import\\s+[\\w.]+\\s*,.*\\b${n}\\b`, "m").test(text)) return null;
  return text
    .replace(new RegExp(`^(\\s*)from\\s+${n}(\\.[\\w.]*)?(\\s+import\\b)`, "gm"), `$1from ${prefix}${name}$2$3`)
    .replace(new RegExp(`^(\\s*)import\\s+${n}\\s+as\\s+`, "gm"), `$1import ${prefix}${name} as `)
    .replace(new RegExp(`^(\\s*)import\\s+${n}(\\s*(#.*)?)$`, "gm"), `$1import ${prefix}${name} as ${name}$2`);
}

/** True when every file's self-imports can be rewritten for nesting (see rewriteSelfImports). */
export function canNest(src: string): boolean {
  const name = basename(src).replace(/\.py$/, "");
  const files = src.endsWith(".py") ? [src] : walkPy(src).filter((f) => copyable(f) && !/\/(tests?)\//.test(f));
  return files.every((f) => rewriteSelfImports(readFileSync(f, "utf8"), name, "x.") !== null);
}

/** Copies a package under `prefix` ("m0001.", "std."), rewriting its self-imports; false when it cannot move. */
export function copyNested(src: string, dest: string, prefix: string): boolean {
  const name = basename(src).replace(/\.py$/, "");
  copyPackage(src, dest);
  const files = dest.endsWith(".py") ? [dest] : listModules(dest, "").map((m) => m.file);
  const extra = dest.endsWith(".py") ? [] : walkPy(dest).filter((f) => !files.includes(f));
  for (const f of [...files, ...extra]) {
    const text = readFileSync(f, "utf8");
    const out = rewriteSelfImports(text, name, prefix);
    if (out === null) return false;
    if (out !== text) writeFileSync(f, out);
  }
  return true;
}

function walkPy(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".py"))
    .map((f) => join(dir, f));
}

/** Repository-relative path with forward slashes. */
export const rel = (root: string, p: string) => relative(root, p).split("\\").join("/");
