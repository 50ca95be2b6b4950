// CPython 3.11's exception messages for everything the import-time model predicts, word for word
// (each checked against python3; see test/graph/messages.test.ts).

const q = (s: string) => `'${s}'`;

export const messages = {
  noModule: (name: string) => `No module named ${q(name)}`,
  notAPackage: (name: string, parent: string) => `No module named ${q(name)}; ${q(parent)} is not a package`,
  /** `file` null: a namespace package (no __file__). */
  cannotImportName: (name: string, module: string, file: string | null) =>
    `cannot import name ${q(name)} from ${q(module)} (${file ?? "unknown location"})`,
  cannotImportNamePartial: (name: string, module: string, file: string | null) =>
    `cannot import name ${q(name)} from partially initialized module ${q(module)} ` +
    `(most likely due to a circular import) (${file ?? "unknown location"})`,
  relativeBeyondTop: () => "attempted relative import beyond top-level package",
  relativeNoParent: () => "attempted relative import with no known parent package",
  nameNotDefined: (name: string) => `name ${q(name)} is not defined`,
  noAttribute: (module: string, attr: string) => `module ${q(module)} has no attribute ${q(attr)}`,
  noAttributePartial: (module: string, attr: string) =>
    `partially initialized module ${q(module)} has no attribute ${q(attr)} (most likely due to a circular import)`,
  /** 3.11.7+: the attribute is a submodule whose import is still running (`import a.b` inside a cycle). */
  submoduleInitializing: (module: string, attr: string) =>
    `cannot access submodule ${q(attr)} of module ${q(module)} (most likely due to a circular import)`,
  /** pytest's own text for a test module whose name is already taken by another file (prepend/append modes). */
  importFileMismatch: (module: string, moduleFile: string, path: string) =>
    `import file mismatch:\nimported module ${q(module)} has this __file__ attribute:\n  ${moduleFile}\n` +
    `which is not the same as the test file we want to collect:\n  ${path}\n` +
    "HINT: remove __pycache__ / .pyc files and/or use a unique basename for your test file modules",
};
