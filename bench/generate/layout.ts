// Lays out the source packages (shared/, libs/, services/<name>/) as trees 3-6 levels deep and ranks every module:
// a package's own modules, then its subpackages, then its __init__ last, so that "import only from lower ranks"
// never closes a cycle (an __init__ only imports its own modules; a subtree's ranks are contiguous).
import type { Area, ModulePlan } from "./plan.ts";
import type { Random } from "./random.ts";
import { LIB_NAMES, MODULE_FLAVOURS, PACKAGE_NAMES, SERVICE_NAMES } from "./vocabulary.ts";

export interface PackageNode {
  dotted: string;
  dir: string;
  /** Number of path segments of `dir`. */
  depth: number;
  area: Area;
  /** False for the umbrella packages (shared, libs, services): their __init__ re-exports nothing. */
  reexports: boolean;
  children: PackageNode[];
  modules: ModulePlan[];
  init: ModulePlan;
}

const MAX_DIR_DEPTH = 5;

function newModule(area: Area, dir: string, dotted: string, name: string | null, flavour: ModulePlan["flavour"]) {
  const isInit = name === null;
  const module: ModulePlan = {
    file: `${dir}/${isInit ? "__init__" : name}.py`,
    dotted: isInit ? dotted : `${dotted}.${name}`,
    kind: isInit ? "init" : "source",
    area,
    flavour,
    rank: -1,
    pkg: dotted,
    defs: [],
    imports: [],
    futureAnnotations: false,
    sysPathInsert: false,
  };
  return module;
}

function newPackage(area: Area, dir: string, dotted: string, reexports: boolean): PackageNode {
  return {
    dotted,
    dir,
    depth: dir.split("/").length,
    area,
    reexports,
    children: [],
    modules: [],
    init: newModule(area, dir, dotted, null, "logic"),
  };
}

/** Adds `count` modules with names not yet used in the package (and not used by a subpackage). */
function addModules(rng: Random, pkg: PackageNode, count: number): number {
  const taken = new Set([...pkg.modules.map((m) => m.dotted), ...pkg.children.map((c) => c.dotted)]);
  let added = 0;
  // A package usually has models/enums near the start: that is what its siblings import.
  const preferred = rng.chance(0.6) ? MODULE_FLAVOURS.slice(0, 7) : MODULE_FLAVOURS;
  for (let tries = 0; added < count && tries < count * 6; tries++) {
    const [name, flavour] = rng.pick(added === 0 ? preferred : MODULE_FLAVOURS);
    if (taken.has(`${pkg.dotted}.${name}`)) continue;
    taken.add(`${pkg.dotted}.${name}`);
    pkg.modules.push(newModule(pkg.area, pkg.dir, pkg.dotted, name, flavour));
    added++;
  }
  return added;
}

function addChild(rng: Random, parent: PackageNode): PackageNode | null {
  const taken = new Set([...parent.modules.map((m) => m.dotted), ...parent.children.map((c) => c.dotted)]);
  for (let tries = 0; tries < 12; tries++) {
    const name = rng.pick(PACKAGE_NAMES);
    const dotted = `${parent.dotted}.${name}`;
    if (taken.has(dotted)) continue;
    const child = newPackage(parent.area, `${parent.dir}/${name}`, dotted, true);
    parent.children.push(child);
    return child;
  }
  return null;
}

/** Grows a tree under `root` until about `budget` files (modules and __init__.py) exist in it. */
function grow(rng: Random, root: PackageNode, budget: number): void {
  const all = [root];
  let used = 1 + addModules(rng, root, Math.min(Math.max(budget - 1, 1), rng.int(2, 5)));
  while (used < budget) {
    const open = all.filter((p) => p.depth < MAX_DIR_DEPTH && p.children.length < 6);
    if (open.length === 0) break;
    // Prefer the deeper open packages: real trees are narrow at the top and bushy below.
    const parent = rng.chance(0.6) ? open[open.length - 1 - rng.int(0, Math.min(4, open.length - 1))]! : rng.pick(open);
    const child = addChild(rng, parent);
    if (!child) continue;
    all.push(child);
    used += 1 + addModules(rng, child, Math.max(1, Math.min(budget - used - 1, rng.int(2, 7))));
  }
}

export interface SourceLayout {
  roots: PackageNode[];
  packages: PackageNode[];
  services: string[];
}

/** Splits `budget` files over shared/, libs/ and services/ and grows each. */
export function layoutSources(rng: Random, budget: number): SourceLayout {
  const shared = newPackage("shared", "shared", "shared", false);
  const libs = newPackage("libs", "libs", "libs", false);
  const services = newPackage("services", "services", "services", false);
  const sharedBudget = Math.max(6, Math.round(budget * 0.28));
  const libsBudget = Math.max(6, Math.round(budget * 0.2));
  const servicesBudget = Math.max(8, budget - sharedBudget - libsBudget);

  const sharedTop = Math.max(2, Math.min(8, Math.round(sharedBudget / 120)));
  growUnder(rng, shared, sharedBudget - 1, sharedTop, PACKAGE_NAMES);
  const libCount = Math.max(2, Math.min(LIB_NAMES.length, Math.round(libsBudget / 80)));
  growUnder(rng, libs, libsBudget - 1, libCount, LIB_NAMES);
  const serviceCount = Math.max(2, Math.min(SERVICE_NAMES.length, Math.round(servicesBudget / 160)));
  growUnder(rng, services, servicesBudget - 1, serviceCount, SERVICE_NAMES);

  const roots = [shared, libs, services];
  const packages: PackageNode[] = [];
  let rank = 0;
  const visit = (p: PackageNode) => {
    packages.push(p);
    for (const m of p.modules) m.rank = rank++;
    for (const c of p.children) visit(c);
    p.init.rank = rank++;
  };
  for (const r of roots) visit(r);
  return { roots, packages, services: services.children.map((c) => c.dir.split("/")[1]!) };
}

/** Creates `count` top packages named from `names` under an umbrella and shares the budget among them. */
function growUnder(rng: Random, umbrella: PackageNode, budget: number, count: number, names: readonly string[]) {
  const chosen = rng.sample(names, count).sort();
  for (const [i, name] of chosen.entries()) {
    const child = newPackage(umbrella.area, `${umbrella.dir}/${name}`, `${umbrella.dotted}.${name}`, true);
    umbrella.children.push(child);
    const share = Math.floor(budget / chosen.length) + (i < budget % chosen.length ? 1 : 0);
    grow(rng.fork(name), child, Math.max(2, share));
  }
}
