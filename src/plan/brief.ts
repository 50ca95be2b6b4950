export function workstreamBrief(): string {
  return "";
}
