# Outline of Python files for the agreement bench's mutations: top-level definitions with their line spans and
# module-level imports, read with CPython's ast (one process for all files), printed as one JSON object.
import ast
import json
import sys


def outline(path):
    try:
        with open(path, "rb") as fh:
            tree = ast.parse(fh.read())
    except (SyntaxError, ValueError):
        return None
    defs, imports = [], []
    body_start = None
    for i, node in enumerate(tree.body):
        is_doc = i == 0 and isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant)
        is_future = isinstance(node, ast.ImportFrom) and node.module == "__future__"
        if body_start is None and not is_doc and not is_future:
            body_start = min([node.lineno] + [d.lineno for d in getattr(node, "decorator_list", [])])
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            start = min([node.lineno] + [d.lineno for d in node.decorator_list])
            defs.append({"name": node.name, "start": start, "line": node.lineno, "end": node.end_lineno,
                         "col": node.col_offset})
        elif isinstance(node, (ast.Import, ast.ImportFrom)) and not is_future:
            imports.append({
                "line": node.lineno,
                "end": node.end_lineno,
                "module": node.module if isinstance(node, ast.ImportFrom) else None,
                "level": node.level if isinstance(node, ast.ImportFrom) else 0,
                "names": [a.name for a in node.names],
            })
    return {"defs": defs, "imports": imports, "bodyStart": body_start, "lines": len(tree.body)}


print(json.dumps({p: outline(p) for p in sys.argv[1:]}))
