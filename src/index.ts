// remedy's library API: every command of the CLI is one call here. Functions return data and never print.
export type * from "./python/facts.ts";
export const VERSION = "0.1.0";
