# The reference for src/python/definitionShapes.ts, on CPython's ast: the shape of each module-level definition
# (first one per name), printed as JSON. Usage: python3 definitionShapes.py FILE...
import ast, json, re, sys

def squash(src, node):
    return re.sub(r"\s+", "", ast.get_source_segment(src, node))

def once(items):
    out = []
    for i in items:
        if i not in out:
            out.append(i)
    return out

def targets(stmt):
    if isinstance(stmt, ast.Assign):
        return [t.id for t in stmt.targets if isinstance(t, ast.Name)]
    if isinstance(stmt, ast.AnnAssign) and isinstance(stmt.target, ast.Name) and stmt.simple:
        return [stmt.target.id]
    return []

def dotted(node):
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        base = dotted(node.value)
        return base and base + "." + node.attr
    return None

def shape(src, stmt):
    if isinstance(stmt, ast.ClassDef):
        fields, methods = [], []
        for s in stmt.body:
            if isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef)):
                methods.append(s.name)
            else:
                fields.extend(targets(s))
        bases = [squash(src, b) for b in stmt.bases if not isinstance(b, ast.Starred)]
        return {"kind": "class", "line": stmt.lineno, "bases": bases, "fields": once(fields), "methods": once(methods)}
    if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)):
        a = stmt.args
        params = [p.arg for p in a.posonlyargs + a.args]
        if a.vararg:
            params.append("*" + a.vararg.arg)
        params += [p.arg for p in a.kwonlyargs]
        if a.kwarg:
            params.append("**" + a.kwarg.arg)
        constructs = []
        for node in ast.walk(stmt):
            if isinstance(node, ast.Return) and isinstance(node.value, ast.Call):
                name = dotted(node.value.func)
                if name:
                    constructs.append((node.lineno, node.col_offset, name))
        constructs = once([c[2] for c in sorted(constructs)])
        returns = squash(src, stmt.returns) if stmt.returns else None
        return {"kind": "function", "line": stmt.lineno, "params": params, "returns": returns, "constructs": constructs}
    value = getattr(stmt, "value", None)
    text = re.sub(r"\s+", " ", ast.get_source_segment(src, value)) if value is not None else None
    return {"kind": "constant", "line": stmt.lineno, "value": text if text is None or len(text) <= 120 else None}

def shapes(path):
    src = open(path, encoding="utf-8").read()
    out = {}
    for stmt in ast.parse(src).body:
        if isinstance(stmt, (ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            out.setdefault(stmt.name, shape(src, stmt))
        else:
            for name in targets(stmt):
                out.setdefault(name, shape(src, stmt))
    return out

print(json.dumps({path: shapes(path) for path in sys.argv[1:]}))
