// Plans the test side: a root conftest, per-service suites (services/<x>/tests/...) and top-level integration,
// e2e and contract suites (tests/...), with conftest chains, fixtures, markers and literal parametrize.
import type { ConftestPlan, ImportSpec, ModulePlan, TestFunctionPlan, TestModulePlan } from "./plan.ts";
import { markerName } from "./plan.ts";
import type { Random } from "./random.ts";
import { ENTITIES, FIELD_NAMES, SHARED_MARKERS, snake, VERBS } from "./vocabulary.ts";

interface TestDir {
  dir: string;
  /** Dotted prefix of the source modules this suite exercises ("services.billing", or "services" for e2e). */
  scope: string;
  service: string | null;
  hasConftest: boolean;
  /** Fixture names visible here (own conftest and every conftest above). */
  fixtures: string[];
  support: string | null;
  tests: number;
}

const ROOT_FIXTURES = ["app_settings", "frozen_clock", "workspace_dir", "request_id"];

function testModule(file: string, kind: ModulePlan["kind"], rank: number): ModulePlan {
  const dotted = file
    .replace(/\.py$/, "")
    .replace(/\/__init__$/, "")
    .replaceAll("/", ".");
  return {
    file,
    dotted,
    kind,
    area: "tests",
    flavour: "test",
    rank,
    pkg: kind === "init" ? dotted : dotted.split(".").slice(0, -1).join("."),
    defs: [],
    imports: [],
    futureAnnotations: false,
    sysPathInsert: false,
  };
}

export interface TestPlan {
  modules: ModulePlan[];
  iniMarkers: string[];
  serviceMarkers: string[];
}

export function planTests(rng: Random, sources: ModulePlan[], services: string[], budget: number): TestPlan {
  const iniMarkers = [...SHARED_MARKERS];
  const serviceMarkers = services.map((s) => `${s}: tests owned by the ${s} team`);
  let rank = sources.reduce((max, m) => Math.max(max, m.rank), 0) + 1;
  const modules: ModulePlan[] = [];
  const root = testModule("conftest.py", "conftest", rank++);
  root.sysPathInsert = true;
  root.conftest = {
    fixtures: ROOT_FIXTURES.map((name) => ({
      name,
      uses: [],
      scope: name === "app_settings" ? "session" : "function",
    })),
    registersMarkers: serviceMarkers,
    isRoot: true,
  };
  modules.push(root);

  const dirs: TestDir[] = [];
  const addDir = (dir: string, scope: string, service: string | null, parent: TestDir | null, conftest: boolean) => {
    const d: TestDir = {
      dir,
      scope,
      service,
      hasConftest: conftest,
      fixtures: [...(parent?.fixtures ?? ROOT_FIXTURES)],
      support: null,
      tests: 0,
    };
    dirs.push(d);
    return d;
  };
  // Small trees get shallow suites: the scaffolding (__init__.py, conftest.py) must leave room for tests.
  const small = budget < 120;
  for (const svc of services) {
    const top = addDir(`services/${svc}/tests`, `services.${svc}`, svc, null, true);
    for (const sub of rng.sample(["unit", "integration", "api", "domain"], small ? 1 : rng.int(2, 3)).sort()) {
      const d = addDir(`${top.dir}/${sub}`, top.scope, svc, top, rng.chance(0.5));
      if (!small && rng.chance(0.4)) {
        addDir(`${d.dir}/${rng.pick(["workflows", "edge_cases", "storage"])}`, d.scope, svc, d, rng.chance(0.5));
      }
    }
  }
  const tests = addDir("tests", "", null, null, true);
  const integ = addDir("tests/integration", "services", null, tests, true);
  for (const svc of rng.sample(services, Math.max(1, Math.round(services.length / 2))).sort()) {
    addDir(`${integ.dir}/${svc}`, `services.${svc}`, svc, integ, rng.chance(0.6));
  }
  addDir("tests/e2e", "services", null, tests, true);
  addDir("tests/contract", "libs", null, tests, rng.chance(0.5));

  // Files already spent: one __init__.py per dir, a conftest.py where planned, the root conftest.
  const fixed = 1 + dirs.reduce((n, d) => n + 1 + (d.hasConftest ? 1 : 0), 0);
  let remaining = Math.max(dirs.length, budget - fixed);
  for (const d of dirs) {
    if (d.hasConftest && d.dir !== "tests" && rng.chance(0.35)) {
      d.support = `testkit_${(d.service ?? d.dir.split("/").at(-1))!}_${dirs.indexOf(d)}`;
      remaining--;
    }
  }
  for (let i = 0; remaining > 0; i = (i + 1) % dirs.length, remaining--) dirs[i]!.tests++;

  const markers = [...iniMarkers, ...serviceMarkers].map(markerName);
  for (const d of dirs) {
    const r = rng.fork(d.dir);
    const pool = sources.filter((m) => m.kind === "source" && m.defs.length > 0 && m.dotted.startsWith(d.scope));
    const shared = sources.filter((m) => m.kind === "source" && m.defs.length > 0 && m.area !== "services");
    modules.push(testModule(`${d.dir}/__init__.py`, "init", rank++));
    if (d.hasConftest) {
      const c = testModule(`${d.dir}/conftest.py`, "conftest", rank++);
      const own = planConftest(r, c, pool.length > 0 ? pool : shared, d);
      c.sysPathInsert = d.support !== null || r.chance(0.15);
      c.conftest = own;
      modules.push(c);
    }
    if (d.support) {
      const s = testModule(`${d.dir}/${d.support}.py`, "support", rank++);
      s.dotted = d.support;
      s.defs = ["build_payload", "assert_same_fields", "fake_headers"].map((name) => ({
        name,
        kind: "function" as const,
        moduleReads: [],
        members: [],
        methods: ["value"],
      }));
      s.imports = pickImports(r, pool.length > 0 ? pool : shared, 1, new Set());
      modules.push(s);
    }
    const used = new Set<string>();
    for (let i = 0; i < d.tests; i++) {
      let base = `test_${r.pick(VERBS)}_${snake(r.pick(ENTITIES))}`;
      while (used.has(base)) base += "_more";
      used.add(base);
      const t = testModule(`${d.dir}/${base}.py`, "test", rank++);
      const scoped = pool.length > 0 ? pool : shared;
      t.imports = pickImports(r, scoped, r.int(1, 3), new Set());
      t.imports.push(
        ...pickImports(r, shared, r.int(0, 2), new Set(t.imports.flatMap((s) => s.symbols.map((x) => x.name)))),
      );
      t.futureAnnotations = r.chance(0.5);
      t.tests = planTestModule(r, d, markers);
      if (d.support && r.chance(0.7)) t.tests.supportImport = d.support;
      modules.push(t);
    }
  }
  return { modules, iniMarkers, serviceMarkers };
}

function pickImports(r: Random, pool: ModulePlan[], count: number, taken: Set<string>): ImportSpec[] {
  const specs: ImportSpec[] = [];
  for (const target of r.sample(pool, count)) {
    const symbols = r
      .sample(target.defs, r.int(1, 3))
      .filter((d) => !taken.has(d.name))
      .map((d) => ({
        name: d.name,
        kind: d.kind,
        member: d.members.length > 0 && (d.kind === "enum" || d.kind === "dataclass") ? r.pick(d.members) : null,
      }));
    if (symbols.length === 0) continue;
    for (const s of symbols) taken.add(s.name);
    specs.push({ module: target.dotted, symbols, level: 0, placement: "module", viaInit: false });
  }
  return specs;
}

function planConftest(r: Random, c: ModulePlan, pool: ModulePlan[], d: TestDir): ConftestPlan {
  // A conftest's imports fail its whole directory (or the session): they stay few and low in the layering,
  // and the cross-service suites (tests/...) import nothing first-party at module level.
  const leafy = pool.filter((m) => ["models", "enums", "factories", "constants"].includes(m.flavour));
  c.imports = d.service && leafy.length > 0 ? pickImports(r, leafy, 1, new Set()) : [];
  const names = c.imports.flatMap((s) => s.symbols.map((x) => x.name));
  const fixtures = names.slice(0, 3).map((n) => ({
    name: `${snake(n).replace(/^make_/, "")}_fixture`.replace(/^_+/, ""),
    uses: [n],
    scope: "function" as "function" | "module",
  }));
  if (d.service) fixtures.push({ name: `${d.service}_client`, uses: [], scope: "module" });
  for (const f of fixtures) if (!d.fixtures.includes(f.name)) d.fixtures.push(f.name);
  return { fixtures, registersMarkers: [], isRoot: false };
}

function planTestModule(r: Random, d: TestDir, markers: string[]): TestModulePlan {
  const names = new Set<string>();
  const fn = (prefix: string): TestFunctionPlan => {
    let name = `${prefix}${r.pick(VERBS)}_${r.pick(FIELD_NAMES)}`;
    while (names.has(name)) name += "_again";
    names.add(name);
    const parametrize: TestFunctionPlan["parametrize"] = [];
    if (r.chance(0.35)) {
      parametrize.push({
        argnames: r.sample(["value", "expected", "payload", "count", "label"], r.int(1, 2)),
        size: r.int(2, 6),
      });
      if (r.chance(0.15)) parametrize.push({ argnames: ["flag"], size: 2 });
    }
    return {
      name,
      markers: r.chance(0.4) ? r.sample(markers, r.int(1, 2)) : [],
      parametrize,
      fixtures: r.chance(0.6) ? r.sample(d.fixtures, r.int(1, 2)) : [],
    };
  };
  const functions = Array.from({ length: r.int(2, 6) }, () => fn("test_"));
  const classes = Array.from({ length: r.int(0, 2) }, (_, i) => ({
    name: `Test${r.pick(ENTITIES)}${["Behaviour", "Lifecycle", "Edges"][i]}`,
    markers: r.chance(0.3) ? [r.pick(markers)] : [],
    methods: Array.from({ length: r.int(2, 4) }, () => fn("test_")),
  }));
  return {
    moduleMarkers: r.chance(0.3) ? [d.dir.includes("integration") ? "integration" : r.pick(markers)] : [],
    functions,
    classes,
    supportImport: null,
  };
}

/** pytest items the module yields: parametrize multiplies, stacked decorators multiply each other. */
export function itemCount(t: TestModulePlan): number {
  const one = (f: TestFunctionPlan) => f.parametrize.reduce((n, p) => n * p.size, 1);
  const support = t.supportImport ? 1 : 0;
  return (
    support +
    t.functions.reduce((n, f) => n + one(f), 0) +
    t.classes.reduce((n, c) => n + c.methods.reduce((k, f) => k + one(f), 0), 0)
  );
}
