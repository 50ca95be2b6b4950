// The distributions a repository asks for, and where: requirements*.txt files, pyproject.toml dependencies
// (PEP 621 and Poetry) and setup.cfg install_requires/extras_require. Read so a "not installed" finding can say
// whether the environment is stale (a file asks for it) or the dependency is undeclared (none does).
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { parse as parseToml } from "smol-toml";
import type { RequirementEntry } from "../analyze/index.ts";

const NAME = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)/;

function read(path: string): string | null {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return null;
  }
}

function fromRequirementsTxt(text: string, file: string): RequirementEntry[] {
  const out: RequirementEntry[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/(^|\s)#.*$/, "").trim();
    if (!line || line.startsWith("-")) return;
    const m = NAME.exec(line);
    if (m) out.push({ file, line: i + 1, name: m[1]! });
  });
  return out;
}

function lineOf(text: string, name: string): number | null {
  const re = new RegExp(`(^|["'\\s])${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\b`, "m");
  const m = re.exec(text);
  return m ? text.slice(0, m.index + m[1]!.length).split("\n").length : null;
}

function fromPyproject(text: string, file: string): RequirementEntry[] {
  let doc: Record<string, unknown>;
  try {
    doc = parseToml(text) as Record<string, unknown>;
  } catch {
    return [];
  }
  const specs: string[] = [];
  const project = doc.project as { dependencies?: unknown; "optional-dependencies"?: unknown } | undefined;
  if (Array.isArray(project?.dependencies)) specs.push(...project.dependencies.filter((d) => typeof d === "string"));
  const optional = project?.["optional-dependencies"];
  if (optional && typeof optional === "object") {
    for (const list of Object.values(optional))
      if (Array.isArray(list)) specs.push(...list.filter((d) => typeof d === "string"));
  }
  const poetry = (doc.tool as { poetry?: Record<string, unknown> } | undefined)?.poetry;
  const tables = [poetry?.dependencies, poetry?.["dev-dependencies"]];
  const groups = poetry?.group as Record<string, { dependencies?: unknown }> | undefined;
  for (const g of Object.values(groups ?? {})) tables.push(g.dependencies);
  for (const t of tables) if (t && typeof t === "object") specs.push(...Object.keys(t).filter((k) => k !== "python"));
  return specs.flatMap((spec) => {
    const m = NAME.exec(spec);
    return m ? [{ file, line: lineOf(text, m[1]!), name: m[1]! }] : [];
  });
}

function fromSetupCfg(text: string, file: string): RequirementEntry[] {
  const out: RequirementEntry[] = [];
  let inList = false;
  let section = "";
  text.split(/\r?\n/).forEach((raw, i) => {
    const header = /^\s*\[([^\]]+)\]/.exec(raw);
    if (header) {
      section = header[1]!.trim();
      inList = false;
      return;
    }
    const key = /^(\S[^=]*?)\s*=\s*(.*)$/.exec(raw);
    if (key) {
      inList = (section === "options" && key[1] === "install_requires") || section === "options.extras_require";
      const m = inList ? NAME.exec(key[2]!) : null;
      if (m) out.push({ file, line: i + 1, name: m[1]! });
      return;
    }
    if (inList && /^\s+\S/.test(raw)) {
      const m = NAME.exec(raw.replace(/#.*$/, ""));
      if (m) out.push({ file, line: i + 1, name: m[1]! });
    }
  });
  return out;
}

/** Requirement entries from the given files (absolute), with repository-relative `file` names. */
export function readRequirements(files: string[], rel: (p: string) => string): RequirementEntry[] {
  return files.flatMap((path) => {
    const text = read(path);
    if (text === null) return [];
    const name = basename(path);
    if (name === "pyproject.toml") return fromPyproject(text, rel(path));
    if (name === "setup.cfg") return fromSetupCfg(text, rel(path));
    return fromRequirementsTxt(text, rel(path));
  });
}

export function isRequirementsFile(name: string): boolean {
  return /^requirements.*\.(txt|in)$/.test(name) || name === "pyproject.toml" || name === "setup.cfg";
}
