// The one Python script remedy runs to learn an interpreter: sys.path, version, prefixes, site-packages and the
// installed distributions (name, version, top-level modules, entry points), and where setuptools' editable finders
// (`pip install -e` of a flat layout: a meta path hook, no sys.path entry) find their top-level packages. Read-only;
// imports no third-party code (the finders are already imported by their .pth at start-up).
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

# setuptools' editable finders (__editable___<dist>_finder, installed by a .pth) map a top-level name to its
# directory; the directory's parent is where the import system finds it, after every sys.path entry.
editable = []
for mod_name, mod in list(sys.modules.items()):
    if not (mod_name.startswith("__editable___") and mod_name.endswith("_finder")):
        continue
    mapping = getattr(mod, "MAPPING", None)
    if not isinstance(mapping, dict):
        continue
    for top, path in sorted(mapping.items()):
        if not isinstance(top, str) or not isinstance(path, str) or "." in top:
            continue
        if os.path.basename(path) not in (top, top + ".py"):
            continue
        parent = os.path.dirname(path)
        if parent and parent not in editable and parent not in sys.path:
            editable.append(parent)

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
    "editableRoots": editable,
}))
`;
