// The services and shared packages of a repository: as [tool.remedy] configures them, or as discover inferred them
// from the tree (`inferredServices`: packages with their own tests or deployment files). Pure: the filesystem was
// read by discover.
import type { ServiceInfo } from "./auditFinding.ts";
import type { AuditInput } from "./auditInput.ts";

function byName(a: ServiceInfo, b: ServiceInfo): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/** Services (by name), then shared packages (by name). Configured services win over inference; configured shared
 *  directories are added to inferred services. */
export function servicesOf(input: AuditInput): ServiceInfo[] {
  const { config } = input;
  const shared: ServiceInfo[] = config.shared.map((path) => ({
    name: path,
    paths: [path],
    kind: "shared",
    inferred: false,
  }));
  let services: ServiceInfo[];
  if (Object.keys(config.services).length > 0)
    services = Object.entries(config.services).map(([name, paths]) => ({
      name,
      paths,
      kind: "service",
      inferred: false,
    }));
  else {
    services = [];
    for (const s of config.inferredServices ?? []) {
      const info: ServiceInfo = { name: s.name, paths: [s.path], kind: s.kind, inferred: true };
      if (s.kind === "service") services.push(info);
      else if (!config.shared.includes(s.path)) shared.push(info);
    }
  }
  return [...services.sort(byName), ...shared.sort(byName)];
}

/** The service or shared package a repository-relative file belongs to (the longest directory that holds it). */
export function ownerOf(rel: string, services: ServiceInfo[]): ServiceInfo | null {
  let best: ServiceInfo | null = null;
  let bestLength = -1;
  for (const s of services)
    for (const p of s.paths)
      if ((p === "." || p === "" || rel.startsWith(`${p}/`)) && p.length > bestLength) {
        best = s;
        bestLength = p.length;
      }
  return best;
}
