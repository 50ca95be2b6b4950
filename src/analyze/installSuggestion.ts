// For a third-party module that is not installed: which distribution provides it and which requirements file
// already asks for it (then the environment is out of date) or that none does (then the dependency is undeclared).
import type { RequirementEntry } from "./analysisInput.ts";
import type { Suggestion } from "./findingFields.ts";

/** Import names whose distribution is named differently (the common ones; otherwise the names match). */
const DISTRIBUTION_OF: Record<string, string> = {
  yaml: "PyYAML",
  PIL: "Pillow",
  sklearn: "scikit-learn",
  cv2: "opencv-python",
  bs4: "beautifulsoup4",
  dateutil: "python-dateutil",
  jwt: "PyJWT",
  dotenv: "python-dotenv",
  attr: "attrs",
  magic: "python-magic",
  serial: "pyserial",
  Crypto: "pycryptodome",
  OpenSSL: "pyOpenSSL",
  zmq: "pyzmq",
  google: "protobuf",
  jose: "python-jose",
  multipart: "python-multipart",
  socketio: "python-socketio",
  engineio: "python-engineio",
  psycopg2: "psycopg2-binary",
  MySQLdb: "mysqlclient",
  docx: "python-docx",
  git: "GitPython",
  slugify: "python-slugify",
  websocket: "websocket-client",
};

export const normalizeDistribution = (name: string): string => name.toLowerCase().replace(/[-_.]+/g, "-");

export function distributionFor(module: string): string {
  const top = module.split(".")[0]!;
  return DISTRIBUTION_OF[top] ?? top;
}

export function requirementFor(module: string, requirements: RequirementEntry[]): RequirementEntry | null {
  const top = module.split(".")[0]!;
  const wanted = new Set([normalizeDistribution(top), normalizeDistribution(distributionFor(module))]);
  if (top === "psycopg2") wanted.add("psycopg2");
  return requirements.find((r) => wanted.has(normalizeDistribution(r.name))) ?? null;
}

export function installSuggestion(module: string, requirements: RequirementEntry[]): Suggestion {
  const req = requirementFor(module, requirements);
  if (req) {
    const where = req.line === null ? req.file : `${req.file}:${req.line}`;
    return {
      kind: "install",
      message: `${where} asks for \`${req.name}\` but it is not installed: install it (pip install '${req.name}')`,
      data: { distribution: req.name, requirementsFile: req.file, line: req.line },
    };
  }
  const dist = distributionFor(module);
  return {
    kind: "install",
    message: `No requirements file in the repository asks for \`${dist}\`: declare it and install it (pip install '${dist}')`,
    data: { distribution: dist, requirementsFile: null, line: null },
  };
}
