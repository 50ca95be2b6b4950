// Renders a source module or a package __init__.py from its plan: docstring, stdlib and first-party imports,
// an `if TYPE_CHECKING:` block, then each definition with realistic bodies.
import type { ImportedSymbol, ImportSpec, ModulePlan, PyDef } from "./plan.ts";
import { Random } from "./random.ts";
import { type BodyContext, renderBody } from "./renderBody.ts";
import { snake } from "./vocabulary.ts";

export function importLine(spec: ImportSpec): string {
  const from = spec.level > 0 ? ".".repeat(spec.level) + spec.module : spec.module;
  if (spec.star) return `from ${from} import *`;
  const names = spec.symbols.map((s) => s.name);
  const line = `from ${from} import ${names.join(", ")}`;
  if (line.length <= 110) return line;
  return [`from ${from} import (`, ...names.map((n) => `    ${n},`), ")"].join("\n");
}

function fieldType(field: string): [string, string] {
  if (/amount|price|score|weight/.test(field)) return ["float", "0.0"];
  if (/quantity|version|priority/.test(field)) return ["int", "0"];
  if (field === "is_active") return ["bool", "False"];
  if (field === "tags") return ["list[str]", "field(default_factory=list)"];
  if (field === "metadata") return ["dict[str, Any]", "field(default_factory=dict)"];
  if (field.endsWith("_at")) return ["str | None", "None"];
  return ["str", '""'];
}

function human(name: string): string {
  return snake(name).replaceAll("_", " ");
}

function renderDef(ctx: BodyContext, m: ModulePlan, d: PyDef, firstExtra: string[], annotation: string): string[] {
  const r = ctx.rng;
  const out: string[] = [];
  const decorated = d.moduleReads.includes("register");
  const bases = d.moduleReads.filter((n) => n !== "register" && n !== d.enumDefault?.[1]);
  const method = (name: string, i: number) => {
    const param = i === 0 && annotation ? `other: ${annotation} | None = None` : "payload: Any = None";
    return [
      "",
      `    def ${name}(self, ${param}) -> dict[str, object]:`,
      ...renderBody(
        ctx,
        "        ",
        i === 0 && annotation ? "other" : "payload",
        `${human(name)} for this ${human(d.name)}.`,
        i === 0 ? firstExtra : [],
      ),
    ];
  };
  switch (d.kind) {
    case "dataclass": {
      out.push(
        "@dataclass",
        `class ${d.name}:`,
        `    """A ${human(d.name)} as the ${m.pkg.split(".").at(-1)} package stores it."""`,
        "",
      );
      out.push("    id: str");
      for (const f of d.members) {
        if (d.enumDefault && d.enumDefault[0] === f)
          out.push(`    ${f}: ${d.enumDefault[1]} = ${d.enumDefault[1]}.${d.enumDefault[2]}`);
        else {
          const [t, v] = fieldType(f);
          out.push(`    ${f}: ${t} = ${v}`);
        }
      }
      for (const [i, name] of d.methods.entries()) out.push(...method(name, i));
      break;
    }
    case "enum":
      out.push(`class ${d.name}(str, Enum):`, `    """Allowed values of a ${human(d.name)}."""`, "");
      for (const v of d.members) out.push(`    ${v} = "${v.toLowerCase()}"`);
      if (d.methods.length > 0) {
        out.push(
          "",
          "    @property",
          "    def label(self) -> str:",
          '        return self.value.replace("_", " ").title()',
        );
      }
      out.push(
        "",
        "    @classmethod",
        `    def parse(cls, raw: str) -> "${d.name}":`,
        "        try:",
        "            return cls(raw.lower())",
      );
      out.push(
        "        except ValueError:",
        `            raise ValueError(f"unknown ${human(d.name)}: {raw!r}") from None`,
      );
      break;
    case "exception":
      out.push(
        `class ${d.name}(${bases[0] ?? "Exception"}):`,
        `    """Raised when ${human(d.name).replace(/ error$/, "")} happens."""`,
      );
      if (r.chance(0.5)) out.push("", `    code = "${snake(d.name)}"`);
      break;
    case "factory":
      out.push(`def ${d.name}(**overrides: Any) -> dict[str, Any]:`);
      out.push(
        `    """Build a ${d.name.slice(5).replaceAll("_", " ")} with defaults; tests and seed scripts use it."""`,
      );
      out.push(...firstExtra.map((l) => `    ${l}`));
      out.push(`    defaults: dict[str, Any] = {"id": "${d.name.slice(5)}-1", "source": "factory"}`);
      out.push("    defaults.update(overrides)", "    return defaults");
      break;
    case "constant":
      if (d.name === "REGISTRY") out.push("REGISTRY: dict[str, Any] = {}");
      else out.push(`${d.name} = ${d.members[0] ?? r.int(1, 600)}`);
      break;
    case "function":
      if (d.name === "register") {
        out.push(
          "def register(name: str) -> Any:",
          '    """Decorator: record `fn` under `name` so handlers can be looked up by event."""',
          "",
        );
        out.push(
          "    def decorator(fn: Any) -> Any:",
          "        REGISTRY[name] = fn",
          "        return fn",
          "",
          "    return decorator",
        );
        break;
      }
      if (decorated) out.push(`@register("${m.dotted.split(".").slice(-2).join(".")}.${d.name}")`);
      out.push(`def ${d.name}(${d.methods.join(", ")}=None, *, strict: bool = False) -> dict[str, object]:`);
      out.push(
        ...renderBody(
          ctx,
          "    ",
          d.methods[0]!,
          `${human(d.name)[0]!.toUpperCase()}${human(d.name).slice(1)}.`,
          firstExtra,
        ),
      );
      break;
    default: {
      out.push(`class ${d.name}${bases.length > 0 ? `(${bases.join(", ")})` : ""}:`);
      out.push(
        `    """${d.kind === "base" ? "Shared behaviour of every" : "The"} ${human(d.name)}${d.kind === "base" ? " implementation" : ""}."""`,
        "",
      );
      out.push("    def __init__(self, settings: dict[str, Any] | None = None) -> None:");
      out.push("        self.settings = settings or {}", "        self._cache: dict[str, Any] = {}");
      for (const [i, name] of d.methods.entries()) out.push(...method(name, i));
    }
  }
  return out;
}

export function renderSource(m: ModulePlan, seed: number): string {
  const rng = new Random(`${seed}:${m.dotted}`);
  if (m.kind === "init") return renderInit(m);
  const moduleImports = m.imports.filter((s) => s.placement === "module");
  const typeChecking = m.imports.filter((s) => s.placement === "typeChecking");
  const fnImports = m.imports.filter((s) => s.placement === "function");
  const out = [
    `"""${human(m.dotted.split(".").at(-1)!)} of ${m.pkg}.`,
    "",
    `Part of the ${m.pkg.split(".").slice(0, 2).join(".")} code base.`,
    '"""',
  ];
  if (m.futureAnnotations) out.push("from __future__ import annotations", "");
  out.push("import logging");
  if (m.defs.some((d) => d.kind === "dataclass")) out.push("from dataclasses import dataclass, field");
  if (m.defs.some((d) => d.kind === "enum")) out.push("from enum import Enum");
  out.push(typeChecking.length > 0 ? "from typing import TYPE_CHECKING, Any" : "from typing import Any");
  const absolute = moduleImports.filter((s) => s.level === 0);
  const relative = moduleImports.filter((s) => s.level > 0);
  if (absolute.length > 0) out.push("", ...absolute.map(importLine));
  if (relative.length > 0) out.push("", ...relative.map(importLine));
  if (typeChecking.length > 0) out.push("", "if TYPE_CHECKING:", ...typeChecking.map((s) => `    ${importLine(s)}`));
  out.push("", "logger = logging.getLogger(__name__)");
  if (rng.chance(0.3) && m.defs.length > 0) {
    out.push(
      "",
      `__all__ = [${m.defs
        .map((d) => `"${d.name}"`)
        .sort()
        .join(", ")}]`,
    );
  }
  const own: ImportedSymbol[] = m.defs.map((d) => ({ name: d.name, kind: d.kind, member: d.members[0] ?? null }));
  const ctx: BodyContext = {
    rng,
    symbols: [...moduleImports.flatMap((s) => s.symbols), ...own.filter((s) => s.kind !== "base")],
  };
  let pending = fnImports.flatMap((s) => [
    importLine(s),
    ...s.symbols.map((x) => `logger.debug("late import %s", ${x.name})`),
  ]);
  let annotation = typeChecking[0]?.symbols[0]?.name ?? "";
  for (const d of m.defs) {
    const takes = d.kind === "function" || d.kind === "factory" || d.kind === "class" || d.kind === "dataclass";
    const extra =
      takes && d.name !== "register" && (d.kind === "factory" || d.kind === "function" || d.methods.length > 0)
        ? pending
        : [];
    const ann = (d.kind === "class" || d.kind === "dataclass") && d.methods.length > 0 ? annotation : "";
    out.push("", "", ...renderDef(ctx, m, d, extra, ann));
    if (extra.length > 0) pending = [];
    if (ann) annotation = "";
  }
  if (pending.length > 0 || annotation) {
    // No definition could hold them: a helper keeps the late import and the TYPE_CHECKING name in use.
    out.push("", "", `def _describe(target: ${annotation || "Any"} | None = None) -> dict[str, object]:`);
    out.push(...renderBody(ctx, "    ", "target", "Describe `target` for debug logs.", pending));
  }
  return `${out.join("\n")}\n`;
}

function renderInit(m: ModulePlan): string {
  const depth = m.dotted.split(".").length;
  if (m.imports.length === 0) {
    if (depth === 1) return `"""${m.dotted}: the ${m.dotted} layer of the monorepo."""\n\n__version__ = "1.0.0"\n`;
    return `"""${m.dotted}."""\n`;
  }
  const names = m.imports.flatMap((s) => s.symbols.map((x) => x.name)).sort();
  const out = [`"""${m.dotted}: public names of this package."""`, "", ...m.imports.map(importLine), ""];
  out.push("__all__ = [", ...names.map((n) => `    "${n}",`), "]");
  return `${out.join("\n")}\n`;
}
