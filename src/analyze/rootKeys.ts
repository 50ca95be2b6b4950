// Root-cause identities for failures that do not come from the import-time model (which keys its own failures
// as `${kind}|${file}|${line}|${name}`): the same shape, so every finding is grouped the same way.

export const markerKey = (name: string): string => `unknown-marker||0|${name}`;
export const conftestKey = (conftest: string): string => `conftest-error|${conftest}|0|`;
export const parametrizeKey = (file: string, line: number): string => `parametrize-error|${file}|${line}|`;
export const configKey = (what: string, name: string): string => `config-error|${what}|0|${name}`;
