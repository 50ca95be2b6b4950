// latent-cycle on a fixture tree (exact findings in its expected.json), and the graph algorithms on their own:
// components, shortest cycles, and a long chain that a recursive Tarjan would overflow on.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, it } from "node:test";
import type { AuditFinding } from "../../../src/analyze/audit/auditFinding.ts";
import { shortestCycle, stronglyConnected } from "../../../src/analyze/audit/importCycles.ts";
import { latentCycles } from "../../../src/analyze/audit/latentCycles.ts";
import { failure, step } from "../build.ts";
import { structureInput } from "./structureInput.ts";

const ROOT = resolve(import.meta.dirname, "../../fixtures/audit/latent-cycle");

function summary(f: AuditFinding) {
  const edge = f.detail.breakingEdge as { file: string; line: number; use: string };
  return {
    kind: f.kind,
    subject: f.subject,
    severity: f.severity,
    sites: f.sites.map((s) => `${s.file}:${s.line}`),
    modules: f.detail.modules,
    shortestCycles: f.detail.shortestCycles,
    failsToday: f.detail.failsToday,
    entryPoints: f.detail.entryPoints,
    breakingEdge: `${edge.file}:${edge.line} ${edge.use}`,
  };
}

/** What the import-time model says about the fixture (checked against the real pytest: the test file's import
 *  raises "cannot import name 'User' from partially initialized module 'app.models'"). */
function fixtureModel() {
  const test = join(ROOT, "tests/test_models.py");
  const cycle = [
    step(join(ROOT, "app/models.py"), 1, "from app.services import notify", "app.models"),
    step(join(ROOT, "app/services.py"), 1, "from app.models import User", "app.services"),
  ];
  return {
    startupFailure: null,
    files: [
      {
        path: test,
        role: "test" as const,
        failures: [
          failure("circular-import", join(ROOT, "app/services.py"), 1, "User", { module: "app.models", cycle }),
        ],
      },
      { path: join(ROOT, "tests/test_pkg.py"), role: "test" as const, failures: [] },
    ],
  };
}

describe("latent-cycle", () => {
  it("reports each component with its shortest cycles, today's failures and the edge to break", () => {
    const findings = latentCycles(structureInput(ROOT, fixtureModel()));
    assert.deepEqual(findings.map(summary), JSON.parse(readFileSync(join(ROOT, "expected.json"), "utf8")));
    const [models, pkg] = findings;
    assert.equal(
      models!.proposal!.summary,
      "Move `from app.models import User` in app/services.py:1 into the functions that use it (nothing reads it at import time): it breaks 1 of the 1 shortest cycle(s).",
    );
    // z's function-level import of y is listed, not part of the component's edges; w's typing import is outside it.
    assert.deepEqual(pkg!.detail.deferredEdges, [
      { from: "pkg.z", to: "pkg.y", file: "pkg/z.py", line: 5, when: "function" },
    ]);
  });

  it("says a cycle does not fail today when the model has no failure through it", () => {
    const findings = latentCycles(structureInput(ROOT));
    assert.deepEqual(
      findings.map((f) => [f.severity, f.detail.failsToday]),
      [
        ["info", false],
        ["info", false],
      ],
    );
  });
});

describe("import cycle algorithms", () => {
  const graph = (edges: [string, string][]) => {
    const g = new Map<string, string[]>();
    for (const [a, b] of edges) g.set(a, [...(g.get(a) ?? []), b].sort());
    return g;
  };

  it("finds components of two or more nodes, each sorted", () => {
    const g = graph([
      ["a", "b"],
      ["b", "a"],
      ["b", "c"],
      ["c", "d"],
      ["d", "e"],
      ["e", "c"],
      ["f", "f"],
    ]);
    assert.deepEqual(stronglyConnected(g), [
      ["a", "b"],
      ["c", "d", "e"],
    ]);
  });

  it("finds the shortest cycle through a node inside its component", () => {
    const g = graph([
      ["a", "b"],
      ["b", "c"],
      ["c", "a"],
      ["b", "a"],
    ]);
    assert.deepEqual(shortestCycle(g, "c", new Set(["a", "b", "c"])), ["c", "a", "b"]);
    assert.deepEqual(shortestCycle(g, "a", new Set(["a", "b", "c"])), ["a", "b"]);
  });

  it("handles a cycle of 200000 modules without recursion", () => {
    const n = 200_000;
    const edges: [string, string][] = [];
    for (let i = 0; i < n; i++) edges.push([`m${i}`, `m${(i + 1) % n}`]);
    const [component] = stronglyConnected(graph(edges));
    assert.equal(component?.length, n);
  });
});
