// The rules of pytest's configuration that changed between versions, decided by the version of pytest installed
// for the interpreter (`--python`): pytest 8 and pytest 9 read different files, honour strictness differently
// and apply `-o` overrides from different places. Each rule was observed on pytest 8.4.2, 9.0.3 and 9.1.1 (the
// fixtures of test/discover/pytestVersions.test.ts are recorded from 8.4.2 and 9.1.1).

export interface PytestRules {
  /** The installed pytest's version, or null when unknown (no interpreter, or pytest not installed): the rules
   *  are then the newest modelled. */
  version: string | null;
  /** pytest.toml and .pytest.toml are configuration files, before pytest.ini (9.0+). */
  tomlConfigFiles: boolean;
  /** pyproject.toml's native `[tool.pytest]` table is read, and clashes with `[tool.pytest.ini_options]` (9.0+);
   *  pytest 8 reads `[tool.pytest.ini_options]` only and ignores every other `[tool.pytest.*]` table. */
  nativeToolTable: boolean;
  /** A `.pytest.ini` without a `[pytest]` section is the configuration file all the same, as pytest.ini is (9.0+);
   *  pytest 8 looks further (tox.ini, setup.cfg, parent directories). */
  dotPytestIniAlwaysConfig: boolean;
  /** `strict_markers`, `strict_config` and `strict` are ini options, and `--strict-markers`, `--strict-config`,
   *  `--strict` (and `-o strict_markers=true`) set them (9.0+). pytest 8 has the command-line flags only, read
   *  from the command line, PYTEST_ADDOPTS and addopts alike (`--strict` is an alias of `--strict-markers`); the
   *  ini keys are unknown config options there and change nothing. */
  strictIni: boolean;
  /** `-o` overrides in the config file's `addopts` (and so the strictness flags there, which are overrides in 9)
   *  take effect (9.1+). pytest 9.0 ignores them (pytest-dev/pytest#14442); pytest 8 ignores `-o` in addopts. */
  addoptsOverrides: boolean;
  /** `-o KEY=VALUE` keys are checked like the file's keys ("Unknown config option: KEY") (9.0+). */
  overrideKeysChecked: boolean;
  /** A `parametrize` argnames string with a trailing comma after one name (`"x,"`) reads the values as tuples
   *  (9.1+, pytest-dev/pytest#719); before, each value is wrapped into a 1-tuple as for `"x"`. */
  trailingCommaTuples: boolean;
}

/** major.minor of a version string ("9.1.1" -> [9, 1]); null when it does not start with numbers. */
function majorMinor(version: string): [number, number] | null {
  const m = /^(\d+)\.(\d+)/.exec(version) ?? /^(\d+)/.exec(version);
  if (!m) return null;
  return [Number(m[1]), Number(m[2] ?? 0)];
}

export function pytestRules(version: string | null): PytestRules {
  const [major, minor] = (version === null ? null : majorMinor(version)) ?? [Number.POSITIVE_INFINITY, 0];
  const nine = major >= 9;
  return {
    version,
    tomlConfigFiles: nine,
    nativeToolTable: nine,
    dotPytestIniAlwaysConfig: nine,
    strictIni: nine,
    addoptsOverrides: major > 9 || (major === 9 && minor >= 1),
    overrideKeysChecked: nine,
    trailingCommaTuples: major > 9 || (major === 9 && minor >= 1),
  };
}

/** The newest rules remedy models: used when the installed pytest's version is unknown. */
export const NEWEST_RULES: PytestRules = pytestRules(null);
