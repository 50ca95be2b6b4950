// The `--python` / `--no-python` pair shared by every command: commander gives a string, true (default) or false.
export function defaultPython(value: string | boolean | undefined): string | null {
  if (value === false) return null;
  if (typeof value === "string") return value;
  return "python3";
}
