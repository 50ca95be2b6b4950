// The one Python script remedy runs to learn an interpreter: sys.path, version, prefixes, site-packages and the
// installed distributions (name, version, top-level modules, entry points). Read-only; imports no third-party code.
export const PROBE_SCRIPT = String.raw`
import json, os, site, sys
from importlib import metadata
from importlib.util import find_spec

def top_level(d):
    text = d.read_text("top_level.txt")
    if text:
        return sorted({t.strip() for t in text.splitlines() if t.strip()})
    names = set()
    for f in d.files or ():
        parts = f.parts
        if not parts or parts[0] == ".." or parts[0].endswith((".dist-info", ".egg-info", ".data")):
            continue
        if len(parts) == 1:
            if parts[0].endswith(".py"):
                names.add(parts[0][:-3])
            elif parts[0].endswith((".so", ".pyd")):
                names.add(parts[0].split(".")[0])
        elif parts[0] != "__pycache__":
            names.add(parts[0])
    return sorted(names)

dists = []
seen = set()
for d in metadata.distributions():
    name = d.metadata["Name"]
    if not name or name.lower() in seen:
        continue
    seen.add(name.lower())
    try:
        tops = top_level(d)
    except Exception:
        tops = []
    path = getattr(d, "_path", None)
    dists.append({
        "name": name,
        "version": d.version,
        "location": str(path) if path is not None else None,
        "topLevel": tops,
        "entryPoints": [{"group": e.group, "name": e.name, "value": e.value} for e in d.entry_points],
    })

spec = find_spec("_pytest")
user_site = site.getusersitepackages() if site.ENABLE_USER_SITE else None
print(json.dumps({
    "executable": sys.executable,
    "version": "%d.%d.%d" % sys.version_info[:3],
    "implementation": sys.implementation.name,
    "platform": sys.platform,
    "osName": os.name,
    "prefix": sys.prefix,
    "basePrefix": sys.base_prefix,
    "sysPath": [p for p in sys.path if p],
    "sitePackages": [p for p in site.getsitepackages() + ([user_site] if user_site else []) if os.path.isdir(p)],
    "pytestDir": os.path.dirname(spec.origin) if spec and spec.origin else None,
    "distributions": dists,
}))
`;
