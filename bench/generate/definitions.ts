// Chooses the definitions of one source module from its flavour: dataclasses for models, enums, exception
// hierarchies, factories, base classes, a decorator registry, constants, or service logic (classes + functions).
import type { DefKind, ModulePlan, PyDef } from "./plan.ts";
import type { Random } from "./random.ts";
import {
  ENTITIES,
  ENUM_MEMBERS,
  ENUM_SUFFIXES,
  FIELD_NAMES,
  QUALIFIERS,
  ROLE_SUFFIXES,
  snake,
  VERBS,
} from "./vocabulary.ts";

function def(name: string, kind: DefKind, members: string[] = [], methods: string[] = []): PyDef {
  return { name, kind, moduleReads: [], members, methods };
}

function pascal(word: string): string {
  return word
    .split("_")
    .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
    .join("");
}

/** Fills `module.defs`; `focus` is the handful of entities the enclosing service or package is about. */
export function planDefinitions(rng: Random, module: ModulePlan, focus: readonly string[]): void {
  const taken = new Set<string>();
  const add = (d: PyDef) => {
    if (taken.has(d.name)) return;
    taken.add(d.name);
    module.defs.push(d);
  };
  const entity = () => (rng.chance(0.8) ? rng.pick(focus) : rng.pick(ENTITIES));
  const methods = (min: number, max: number) =>
    rng.sample(VERBS, rng.int(min, max)).map((v) => `${v}_${rng.pick(["items", "state", "record", "payload", "all"])}`);
  const pkgWord = pascal(module.pkg.split(".").at(-1)!);

  switch (module.flavour) {
    case "models":
      for (let i = rng.int(2, 4); i > 0; i--) {
        const name = entity() + rng.pick(QUALIFIERS);
        add(def(name, "dataclass", rng.sample(FIELD_NAMES.slice(1), rng.int(3, 7)), methods(1, 3)));
      }
      break;
    case "enums":
      for (let i = rng.int(2, 4); i > 0; i--) {
        add(def(entity() + rng.pick(ENUM_SUFFIXES), "enum", rng.sample(ENUM_MEMBERS, rng.int(3, 6)), methods(0, 1)));
      }
      break;
    case "exceptions": {
      const base = `${pkgWord}Error`;
      add(def(base, "exception"));
      for (let i = rng.int(2, 4); i > 0; i--) {
        const d = def(
          `${entity()}${rng.pick(["NotFound", "Conflict", "Invalid", "Expired", "Locked"])}Error`,
          "exception",
        );
        d.moduleReads.push(base);
        add(d);
      }
      break;
    }
    case "factories":
      for (let i = rng.int(2, 4); i > 0; i--) add(def(`make_${snake(entity())}`, "factory", [], ["overrides"]));
      add(def(`${entity()}Factory`, "class", [], ["build", "build_batch", "reset_sequence"]));
      break;
    case "base":
      for (const role of rng.sample(ROLE_SUFFIXES, rng.int(1, 2))) add(def(`Base${role}`, "base", [], methods(2, 4)));
      break;
    case "registry":
      add(def("REGISTRY", "constant", ["dict"]));
      add(def("register", "function", [], ["name"]));
      add(def("lookup", "function", [], ["name"]));
      add(def(`${pkgWord}Registry`, "class", [], ["add", "get", "names"]));
      break;
    case "constants":
      for (let i = rng.int(4, 10); i > 0; i--) {
        add(
          def(
            `${snake(entity()).toUpperCase()}_${rng.pick(["TIMEOUT", "LIMIT", "PREFIX", "TTL", "BATCH_SIZE"])}`,
            "constant",
          ),
        );
      }
      break;
    default: {
      for (let i = rng.int(1, 3); i > 0; i--) add(def(entity() + rng.pick(ROLE_SUFFIXES), "class", [], methods(2, 5)));
      for (let i = rng.int(2, 6); i > 0; i--) {
        add(def(`${rng.pick(VERBS)}_${snake(entity())}`, "function", [], rng.sample(FIELD_NAMES, rng.int(1, 3))));
      }
    }
  }
}
