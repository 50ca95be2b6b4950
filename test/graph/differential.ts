// Differential check of the import-time model against the real pytest on random small projects (cycles,
// star imports, guarded imports, attribute reads, missing names). Not part of the unit tests (it runs pytest
// once per project); run: node --import tsx test/graph/differential.ts [COUNT] [SEED]
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve } from "node:path";
import { buildCollectionModel } from "../../src/graph/index.ts";
import { fixtureInput, oracleFacts } from "./fixtureSession.ts";

const RECORD = resolve(import.meta.dirname, "../fixtures/scan/record.py");
const count = Number(process.argv[2] ?? 20);
let seed = Number(process.argv[3] ?? 1);
const rand = (n: number) => {
  seed = (seed * 48271) % 2147483647;
  return seed % n;
};
const pick = <T>(xs: T[]): T => xs[rand(xs.length)] as T;

function module(i: number, k: number): string {
  const lines: string[] = [];
  const other = () => rand(k);
  const n = 2 + rand(4);
  for (let s = 0; s < n; s++) {
    const j = other();
    const name = rand(6) === 0 ? `Gone${j}` : `N${j}`;
    switch (rand(12)) {
      case 9:
        lines.push(`import app.m${j} as alias${s}`, `A${s} = alias${s}.${name}`);
        break;
      case 10:
        lines.push(`V${s} = 1`, `del V${s}`, rand(2) === 0 ? `W${s} = V${s}` : `V${s} = 2`);
        break;
      case 11:
        lines.push("try:", `    from app.m${j} import *`, "except Exception:", "    pass");
        break;
      case 0:
        lines.push(`from app.m${j} import ${name}`);
        break;
      case 1:
        lines.push(`import app.m${j}`, `X${s} = app.m${j}.${name}`);
        break;
      case 2:
        lines.push(`from app import m${j}`);
        break;
      case 3:
        lines.push(`from .m${j} import *`);
        break;
      case 4:
        lines.push(
          "try:",
          `    from app.m${j} import ${name}`,
          `except ${pick(["ImportError", "ModuleNotFoundError"])}:`,
          `    ${name} = None`,
        );
        break;
      case 5:
        lines.push(
          `class C${s}(${pick(["object", "Exception", name.startsWith("Gone") ? name : "object"])}):`,
          "    pass",
        );
        break;
      case 6:
        lines.push(`def f${s}():`, `    from app.m${j} import ${name}`, `    return ${name}`);
        break;
      case 7:
        lines.push(`from . import m${j}`, `Y${s} = m${j}.${name}`);
        break;
      default:
        lines.push(rand(2) === 0 ? `N${i} = 1` : `if len("x") == 1:\n    N${i} = 1\nZ${s} = N${i}`);
    }
    if (rand(3) === 0) lines.push(`N${i} = ${s}`);
  }
  lines.push(`N${i} = "ok"`);
  if (rand(4) === 0) lines.push(`__all__ = ["N${i}"${rand(3) === 0 ? `, "Missing${i}"` : ""}]`);
  return `${lines.join("\n")}\n`;
}

function project(dir: string): void {
  const k = 3 + rand(5);
  mkdirSync(join(dir, "app"), { recursive: true });
  mkdirSync(join(dir, "tests"));
  writeFileSync(join(dir, "pytest.ini"), "[pytest]\ntestpaths = tests\npythonpath = .\n");
  writeFileSync(join(dir, "app/__init__.py"), rand(3) === 0 ? `from app.m${rand(k)} import *\n` : "");
  for (let i = 0; i < k; i++) writeFileSync(join(dir, `app/m${i}.py`), module(i, k));
  const tests = 2 + rand(4);
  for (let t = 0; t < tests; t++) {
    const j = rand(k);
    const imp = pick([`from app.m${j} import N${j}`, `import app.m${j}`, `from app import m${j}`]);
    writeFileSync(join(dir, `tests/test_${t}.py`), `${imp}\n\n\ndef test_it():\n    pass\n`);
  }
}

let agree = 0;
const disagreements: string[] = [];
for (let c = 0; c < count; c++) {
  const dir = mkdtempSync(join(tmpdir(), "remedy-diff-"));
  try {
    project(dir);
    execFileSync("python3", [RECORD, dir], { stdio: "ignore" });
    const expected = JSON.parse(readFileSync(join(dir, "expected.json"), "utf8")) as {
      errors: Record<string, { type: string; message: string }>;
    };
    const model = buildCollectionModel(fixtureInput(dir), oracleFacts(dir));
    const mine: Record<string, { type: string; message: string }> = {};
    for (const o of model.files) {
      const f = o.failures[0];
      if (f?.certainty === "certain") {
        mine[relative(dir, o.path)] = { type: f.exceptionType, message: f.message.split(dir).join("<ROOT>") };
      }
    }
    const exp: Record<string, { type: string; message: string }> = {};
    for (const [k, v] of Object.entries(expected.errors)) exp[k] = { type: v.type, message: v.message };
    const a = JSON.stringify(Object.entries(mine).sort(), null, 1);
    const b = JSON.stringify(Object.entries(exp).sort(), null, 1);
    if (JSON.stringify(Object.entries(mine).sort()) === JSON.stringify(Object.entries(exp).sort())) agree++;
    else {
      const keep = join(tmpdir(), `remedy-diff-keep-${c}`);
      rmSync(keep, { recursive: true, force: true });
      execFileSync("cp", ["-r", dir, keep]);
      disagreements.push(`${keep}\n  model:  ${a}\n  pytest: ${b}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
console.log(`differential: ${agree}/${count} projects agree with pytest`);
for (const d of disagreements) console.log(d);
