// Renders the test side: test modules (markers, literal parametrize, fixtures, classes), conftest.py files
// (fixtures, marker registration, sys.path.insert) and the support modules those sys.path entries expose.
import type { ModulePlan, TestFunctionPlan } from "./plan.ts";
import { markerName } from "./plan.ts";
import { Random } from "./random.ts";
import { type BodyContext, renderBody } from "./renderBody.ts";
import { importLine } from "./renderSource.ts";

const VALUES = ["0", "1", "7", "42", '"alpha"', '"beta"', '"gamma"', "None", "True", "3.5", '""', '"x" * 3'];

function parametrizeLine(r: Random, p: TestFunctionPlan["parametrize"][number]): string {
  if (p.argnames[0] === "flag") return '@pytest.mark.parametrize("flag", [True, False])';
  const rows = Array.from({ length: p.size }, () => {
    const vals = p.argnames.map(() => r.pick(VALUES));
    return vals.length === 1 ? vals[0]! : `(${vals.join(", ")})`;
  });
  return `@pytest.mark.parametrize("${p.argnames.join(", ")}", [${rows.join(", ")}])`;
}

function renderTest(ctx: BodyContext, f: TestFunctionPlan, pad: string, self: boolean): string[] {
  const r = ctx.rng;
  const out = f.markers.map((mk) => `${pad}@pytest.mark.${mk}`);
  out.push(...f.parametrize.map((p) => pad + parametrizeLine(r, p)));
  const args = [...(self ? ["self"] : []), ...f.parametrize.flatMap((p) => p.argnames), ...f.fixtures];
  out.push(`${pad}def ${f.name}(${args.join(", ")}):`);
  const subject = args.find((a) => a !== "self") ?? "None";
  const body = renderBody(ctx, `${pad}    `, "subject", `${f.name.slice(5).replaceAll("_", " ")} behaves.`, [
    `subject = ${subject}`,
  ]);
  body.pop(); // the body's `return result`: tests assert instead
  out.push(...body, `${pad}    assert isinstance(result, dict)`);
  return out;
}

export function renderTestModule(m: ModulePlan, seed: number): string {
  const r = new Random(`${seed}:${m.file}`);
  const t = m.tests!;
  const symbols = m.imports.flatMap((s) => s.symbols);
  const ctx: BodyContext = { rng: r, symbols };
  const out = [
    `"""Tests for ${m.pkg.replaceAll(".", "/")}: ${m.dotted.split(".").at(-1)!.slice(5).replaceAll("_", " ")}."""`,
  ];
  if (m.futureAnnotations) out.push("from __future__ import annotations", "");
  out.push("import logging", "", "import pytest", "", ...m.imports.map(importLine));
  if (t.supportImport) out.push(`from ${t.supportImport} import build_payload`);
  out.push("", "logger = logging.getLogger(__name__)");
  if (t.moduleMarkers.length > 0)
    out.push("", `pytestmark = [${t.moduleMarkers.map((mk) => `pytest.mark.${mk}`).join(", ")}]`);
  for (const f of t.functions) out.push("", "", ...renderTest(ctx, f, "", false));
  if (t.supportImport)
    out.push("", "", "def test_support_payload_is_a_dict():", "    assert isinstance(build_payload(None), dict)");
  for (const c of t.classes) {
    out.push(
      "",
      "",
      ...c.markers.map((mk) => `@pytest.mark.${mk}`),
      `class ${c.name}:`,
      `    """${c.name.slice(4)} cases."""`,
    );
    for (const f of c.methods) out.push("", ...renderTest(ctx, f, "    ", true));
  }
  return `${out.join("\n")}\n`;
}

export function renderConftest(m: ModulePlan, seed: number): string {
  const r = new Random(`${seed}:${m.file}`);
  const c = m.conftest!;
  const out = [`"""Fixtures for ${m.pkg ? m.pkg.replaceAll(".", "/") : "every suite"}."""`];
  if (m.sysPathInsert) out.push("import os", "import sys", "");
  out.push("import pytest", "");
  if (m.imports.length > 0) out.push(...m.imports.map(importLine), "");
  if (m.sysPathInsert) {
    out.push("# Helpers next to this file are imported by bare name from the tests here.");
    out.push("sys.path.insert(0, os.path.dirname(__file__))", "");
  }
  if (c.registersMarkers.length > 0) {
    out.push(
      "",
      "def pytest_configure(config):",
      "    # Team markers live here so each team can add its own without touching the ini file.",
    );
    for (const spec of c.registersMarkers) out.push(`    config.addinivalue_line("markers", "${spec}")`);
    out.push("");
  }
  for (const f of c.fixtures) {
    out.push(
      "",
      f.scope === "function" ? "@pytest.fixture" : `@pytest.fixture(scope="${f.scope}")`,
      `def ${f.name}():`,
    );
    if (c.isRoot) {
      out.push(`    # ${r.pick(["cheap to build", "shared by every suite", "kept tiny on purpose"])}`);
      out.push(`    return {"name": "${f.name}", "env": os.environ.get("APP_ENV", "test")}`);
    } else if (f.uses.length > 0) {
      out.push(`    return {"factory": ${f.uses[0]}, "name": "${f.name}"}`);
    } else {
      out.push(
        `    client = {"base_url": "http://localhost:${r.int(8000, 8999)}", "timeout": ${r.int(1, 30)}}`,
        "    yield client",
        "    client.clear()",
      );
    }
    out.push("");
  }
  return `${out.join("\n").replace(/\n+$/, "")}\n`;
}

export function renderSupport(m: ModulePlan): string {
  const out = [`"""Test helpers imported by bare name (the conftest next to this file puts it on sys.path)."""`, ""];
  out.push(...m.imports.map(importLine), "");
  const used = m.imports.flatMap((s) => s.symbols.map((x) => x.name));
  out.push(
    "",
    "def build_payload(value):",
    `    return {"value": value, "kinds": [${used.map((u) => `${u}.__name__ if hasattr(${u}, "__name__") else "${u}"`).join(", ")}]}`,
  );
  out.push(
    "",
    "",
    "def assert_same_fields(left, right):",
    "    missing = set(left) ^ set(right)",
    '    assert not missing, f"fields differ: {sorted(missing)}"',
  );
  out.push(
    "",
    "",
    "def fake_headers(token=None):",
    '    return {"Authorization": f"Bearer {token or \'test\'}", "X-Request-Id": "req-1"}',
  );
  return `${out.join("\n")}\n`;
}

/** The names of markers the module uses (for the unregister-marker breakage). */
export function markersUsed(m: ModulePlan): string[] {
  const t = m.tests;
  if (!t) return [];
  const all = [...t.moduleMarkers, ...t.functions.flatMap((f) => f.markers)];
  for (const c of t.classes) all.push(...c.markers, ...c.methods.flatMap((f) => f.markers));
  return [...new Set(all.map((x) => markerName(`${x}:`)))];
}
