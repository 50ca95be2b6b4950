// Builds the whole plan of a monorepo for (modules, seed): source layout, definitions, re-exports, wiring, tests.
// About 22% of the files are on the test side; the rest are source modules and __init__.py files.
import { planDefinitions } from "./definitions.ts";
import { layoutSources } from "./layout.ts";
import type { ModulePlan, RepoPlan } from "./plan.ts";
import { Random } from "./random.ts";
import { planTests } from "./testSuites.ts";
import { ENTITIES } from "./vocabulary.ts";
import { planReexports, wireSources } from "./wiring.ts";

export function buildPlan(modules: number, seed: number): RepoPlan {
  // The tree's shape rounds the budget (whole packages, fixed test scaffolding): correct the source budget by
  // the miss and rebuild, so the file count lands within about 1% of the request. Deterministic all the same.
  const testBudget = Math.round(modules * 0.22);
  let sourceBudget = modules - testBudget;
  let plan = buildOnce(sourceBudget, testBudget, seed);
  for (let i = 0; i < 3; i++) {
    const miss = plan.modules.length - modules;
    if (Math.abs(miss) <= Math.max(1, modules * 0.01)) break;
    sourceBudget -= miss;
    plan = buildOnce(sourceBudget, testBudget, seed);
  }
  return plan;
}

function buildOnce(sourceBudget: number, testBudget: number, seed: number): RepoPlan {
  const rng = new Random(seed);
  const layout = layoutSources(rng.fork("layout"), sourceBudget);
  const sources: ModulePlan[] = layout.packages.flatMap((p) => p.modules);
  const inits = layout.packages.map((p) => p.init);

  // Each service / lib / shared area is "about" a handful of entities, as real code bases are.
  const focusOf = new Map<string, string[]>();
  const defsRng = rng.fork("definitions");
  for (const m of sources) {
    const top = m.dotted.split(".").slice(0, 2).join(".");
    if (!focusOf.has(top)) focusOf.set(top, defsRng.fork(top).sample(ENTITIES, 6));
    planDefinitions(defsRng.fork(m.dotted), m, focusOf.get(top)!);
  }
  planReexports(rng.fork("reexports"), layout.packages);
  wireSources(rng.fork("wiring"), sources, inits);
  const tests = planTests(rng.fork("tests"), sources, layout.services, testBudget);
  return {
    seed,
    modules: [...[...sources, ...inits].sort((a, b) => a.rank - b.rank), ...tests.modules],
    iniMarkers: tests.iniMarkers,
    configFile: seed % 2 === 0 ? "pyproject.toml" : "pytest.ini",
    services: layout.services,
  };
}
