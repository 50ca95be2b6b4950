#!/usr/bin/env python3
# The reference for remedy's source facts: docs/facts.md implemented on CPython's own `ast`, slow and obviously
# right, so the fast TypeScript scanner (src/python/) can be diffed against it. Stdlib only (Python 3.11).
"""Usage: facts.py [--stdin] [--max-bytes N] [--no-compile] [--time] [FILE...]

Prints one FileFacts JSON object per file (one line each). --stdin reads file paths, one per line.
--no-compile skips CPython's compiler pass (errors only the compiler sees, e.g. `return` outside a def).
--time reads every file first, then times decode + parse + extraction only and prints one JSON summary."""

import ast
import builtins
import io
import json
import re
import symtable
import sys
import threading
import time
import tokenize
import warnings

DEFAULT_MAX_BYTES = 5 * 1024 * 1024
# Builtins every Python 3.8+ has with or without site (docs/facts.md, reads): this interpreter's, less what site
# adds, what 3.10+ added, and the namespace functions whose reads the model watches.
ALWAYS_BUILTIN = {n for n in dir(builtins) if not n.startswith("_")} - {
    "copyright", "credits", "exit", "help", "license", "quit",
    "aiter", "anext", "EncodingWarning", "BaseExceptionGroup", "ExceptionGroup", "PythonFinalizationError",
    "globals", "vars", "locals",
}
LINE_END = re.compile(r"\r\n|\r|\n")
ALL_MUTATORS = {"append", "extend", "insert", "remove", "pop", "clear", "sort", "reverse"}
DYNAMIC_HOOKS = {
    "pytest_ignore_collect",
    "pytest_collect_file",
    "pytest_collect_directory",
    "pytest_pycollect_makemodule",
    "pytest_pycollect_makeitem",
    "pytest_collection_modifyitems",
    "pytest_generate_tests",
}
COMPREHENSIONS = (ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)


def empty_facts(path, status, encoding="utf-8", problem=None, syntax_errors=()):
    return {
        "path": path,
        "status": status,
        "encoding": encoding,
        "problem": problem,
        "syntaxErrors": list(syntax_errors),
        "futureAnnotations": False,
        "imports": [],
        "bindings": [],
        "starImports": [],
        "dunderAll": None,
        "moduleGetattr": False,
        "reads": [],
        "attributeReads": [],
        "sysPath": [],
        "branches": [],
        "arms": [],
        "tries": [],
        "functions": [],
        "calls": [],
        "globalNames": [],
        "pytest": {
            "functions": [],
            "classes": [],
            "markers": [],
            "parametrize": [],
            "fixtures": [],
            "plugins": None,
            "registeredMarkers": [],
            "iniKeys": [],
            "options": [],
            "collectIgnore": None,
            "collectIgnoreGlob": None,
            "dynamicHooks": [],
        },
    }


# ---------------------------------------------------------------------------------------------- small helpers


def is_str(node):
    return isinstance(node, ast.Constant) and type(node.value) is str


def str_elts(node):
    """The string literals of a list/tuple literal, or None when it is not one (or holds anything else)."""
    if isinstance(node, (ast.List, ast.Tuple)) and all(is_str(e) for e in node.elts):
        return [e.value for e in node.elts]
    return None


def literal_length(node):
    """The length of a list/tuple literal without a starred element, else None."""
    if isinstance(node, (ast.List, ast.Tuple)) and not any(isinstance(e, ast.Starred) for e in node.elts):
        return len(node.elts)
    return None


def keyword(call, name):
    """The value of the keyword argument `name=` of a call, or None."""
    return next((k.value for k in call.keywords if k.arg == name), None)


def parametrize_argnames(call):
    """parametrize's argnames as pytest parses them: the first positional argument (else `argnames=`), a string
    split at commas with its parts stripped and empty ones dropped, or a list/tuple of strings; else None."""
    node = call.args[0] if call.args else keyword(call, "argnames")
    if node is None or isinstance(node, ast.Starred):
        return None
    if is_str(node):
        return [x.strip() for x in node.value.split(",") if x.strip()]
    return str_elts(node)


PLAIN_INT = re.compile(r"(?:0|[1-9][0-9]*)\Z")
PRINTABLE_ASCII = re.compile(r"[\x20-\x7e]*\Z")


def names_written(call):
    """parametrizeArity's namesWritten: "string", "string," (a trailing comma after the last name) or "sequence"."""
    node = call.args[0] if call.args else keyword(call, "argnames")
    if is_str(node):
        return "string," if node.value.rstrip().endswith(",") else "string"
    return "sequence"


def argvalues_of(call):
    """parametrize's argvalues: the second positional argument, else `argvalues=` (None after a starred argument,
    or with `**` when it comes from the keyword)."""
    if any(isinstance(a, ast.Starred) for a in call.args[:2]):
        return None
    if len(call.args) >= 2:
        return call.args[1]
    if any(k.arg is None for k in call.keywords):
        return None
    return keyword(call, "argvalues")


def single_string_token(seg):
    try:
        toks = [t for t in tokenize.generate_tokens(io.StringIO(seg).readline)
                if t.type not in (tokenize.NEWLINE, tokenize.NL, tokenize.ENDMARKER)]
    except (tokenize.TokenError, SyntaxError):
        return False
    return len(toks) == 1 and toks[0].type == tokenize.STRING


def literal_repr(node, text):
    """CPython's repr() of a literal where parametrizeArity.ts prints it: None/True/False, decimal ints, one plain
    printable-ASCII string token without prefix or backslash, tuples/lists of them, `{}`; else None."""
    if isinstance(node, ast.Constant):
        v = node.value
        if v is None or v is True or v is False:
            return repr(v)
        seg = ast.get_source_segment(text, node) or ""
        if type(v) is int:
            return seg if PLAIN_INT.match(seg) else None
        if type(v) is str:
            if not seg or seg[0] not in "'\"" or "\\" in seg or not single_string_token(seg):
                return None
            return repr(v) if PRINTABLE_ASCII.match(v) else None
        return None
    d = display(node)
    return None if d is None else sequence_repr(d[0], d[1], text)


def sequence_repr(kind, items, text):
    if kind == "{":
        return "{}"
    parts = [literal_repr(e, text) for e in items]
    if any(p is None for p in parts):
        return None
    if kind == "[":
        return "[" + ", ".join(parts) + "]"
    return "(" + parts[0] + ",)" if len(parts) == 1 else "(" + ", ".join(parts) + ")"


def display(node):
    """A tuple/list display without a starred item (kind, items), or `{}`; else None."""
    if isinstance(node, ast.Dict):
        return ("{", []) if not node.keys else None
    if isinstance(node, (ast.Tuple, ast.List)) and not any(isinstance(e, ast.Starred) for e in node.elts):
        return ("(" if isinstance(node, ast.Tuple) else "[", node.elts)
    return None


def param_args(node, pytest_mods):
    """The positional arguments of `P.param(...)` (P bound to pytest), None when they cannot be counted (a starred
    argument, `**`), "other" for anything else."""
    if not (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "param"
        and isinstance(node.func.value, ast.Name)
        and node.func.value.id in pytest_mods
    ):
        return "other"
    if any(isinstance(a, ast.Starred) for a in node.args) or any(k.arg is None for k in node.keywords):
        return None
    return node.args


def miscount(items, names, pytest_mods, text, wrapped):
    for index, e in enumerate(items):
        args = param_args(e, pytest_mods)
        if args is None:
            return None
        if args != "other":
            count, rep = len(args), sequence_repr("(", args, text)
        elif wrapped:
            if display(e) is None and not isinstance(e, ast.Constant):
                return None
            continue
        else:
            d = display(e)
            if d is None:
                return None
            count, rep = len(d[1]), sequence_repr(d[0], d[1], text)
        if count != names:
            return {"index": index, "count": count, "repr": rep}
    return None


def parametrize_miscounts(values, names, pytest_mods, text):
    """parametrizeArity.ts's parametrizeMiscounts on the ast."""
    d = display(values) if values is not None else None
    if d is None or d[0] == "{":
        return {}
    out = {}
    t = miscount(d[1], names, pytest_mods, text, False)
    if t:
        out["tuple"] = t
    if names == 1:
        w = miscount(d[1], names, pytest_mods, text, True)
        if w:
            out["single"] = w
    return out


def requested_args(node, cls):
    """pytest's getfuncargnames: regular and keyword-only parameters without a default; in a class body (unless
    decorated @staticmethod) less the first."""
    a = node.args
    regular = [(p.arg, i >= len(a.args) - len(a.defaults)) for i, p in enumerate(a.args)]
    kwonly = [(p.arg, d is not None) for p, d in zip(a.kwonlyargs, a.kw_defaults)]
    names = [n for n, has_default in regular + kwonly if not has_default]
    static = any(isinstance(d, ast.Name) and d.id == "staticmethod" for d in node.decorator_list)
    if cls is not None and not static:
        names = names[1:]
    return names


def dotted(node):
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if not isinstance(node, ast.Name):
        return None
    parts.append(node.id)
    return ".".join(reversed(parts))


def caught_names(handlers):
    names = set()
    for h in handlers:
        if h.type is None:
            names.add("*")
            continue
        for e in h.type.elts if isinstance(h.type, ast.Tuple) else [h.type]:
            d = dotted(e)
            if d is not None:
                names.add(d)
    return names


def suppressed_names(items, aliases=frozenset()):
    """`with suppress(E, ...)` / `with contextlib.suppress(E, ...)` (or a name `from contextlib import suppress as
    NAME` bound earlier, `aliases`): the dotted names of E, like a handler's."""
    names = set()
    for item in items:
        c = item.context_expr
        callee = dotted(c.func) if isinstance(c, ast.Call) else None
        if callee is not None and (callee in ("suppress", "contextlib.suppress") or callee in aliases) and not c.keywords:
            for a in c.args:
                d = dotted(a)
                if d is not None:
                    names.add(d)
    return names


CMP_OPS = {ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">=", ast.Eq: "==", ast.NotEq: "!="}
VERSION_ATTRS = {"major": 0, "minor": 1, "micro": 2}
UNKNOWN = {"kind": "unknown"}


def non_negative_int(node):
    return node.value if isinstance(node, ast.Constant) and type(node.value) is int and node.value >= 0 else None


def version_part(node):
    """(index, slice) for sys.version_info, [i], [:n], .major/.minor/.micro; else None."""
    if dotted(node) == "sys.version_info":
        return (None, None)
    if isinstance(node, ast.Attribute) and node.attr in VERSION_ATTRS and dotted(node.value) == "sys.version_info":
        return (VERSION_ATTRS[node.attr], None)
    if isinstance(node, ast.Subscript) and dotted(node.value) == "sys.version_info":
        sl = node.slice
        i = non_negative_int(sl)
        if i is not None and i <= 2:
            return (i, None)
        if isinstance(sl, ast.Slice) and sl.lower is None and sl.step is None and sl.upper is not None:
            n = non_negative_int(sl.upper)
            if n is not None and 1 <= n <= 3:
                return (None, n)
    return None


def is_str(node):
    return isinstance(node, ast.Constant) and type(node.value) is str


def env_value(node):
    """`os.environ.get(K[, D])` / `os.getenv(K[, D])`: (K, D or None), else None."""
    if not isinstance(node, ast.Call) or dotted(node.func) not in ("os.environ.get", "os.getenv"):
        return None
    if node.keywords or not 1 <= len(node.args) <= 2 or not is_str(node.args[0]):
        return None
    if len(node.args) == 1:
        return (node.args[0].value, None)
    d = node.args[1]
    if isinstance(d, ast.Constant) and d.value is None:
        return (node.args[0].value, None)
    return (node.args[0].value, d.value) if is_str(d) else None


def environment_test(node):
    """Tests on the environment, sys.argv and __name__ (docs/facts.md, branches); None when the node is none."""
    if isinstance(node, ast.Compare):
        if len(node.ops) != 1:
            return UNKNOWN if any(isinstance(o, (ast.In, ast.NotIn, ast.Is, ast.IsNot)) for o in node.ops) else None
        o, left, right = node.ops[0], node.left, node.comparators[0]
        if isinstance(o, (ast.In, ast.NotIn)):
            op = "in" if isinstance(o, ast.In) else "not in"
            if not is_str(left):
                return UNKNOWN
            where = dotted(right)
            if where == "os.environ":
                return {"kind": "env", "key": left.value, "default": None, "op": op, "value": None}
            if where == "sys.argv":
                return {"kind": "argv", "op": op, "value": left.value}
            return UNKNOWN
        if isinstance(o, (ast.Is, ast.IsNot)):
            env = env_value(left)
            if env is None or not (isinstance(right, ast.Constant) and right.value is None):
                return UNKNOWN
            return {"kind": "env", "key": env[0], "default": env[1], "op": "is" if isinstance(o, ast.Is) else "is not", "value": None}
        if not isinstance(o, (ast.Eq, ast.NotEq)):
            return None
        op = "==" if isinstance(o, ast.Eq) else "!="
        if (dotted(left) == "__name__" and is_str(right) and right.value == "__main__") or (
            dotted(right) == "__name__" and is_str(left) and left.value == "__main__"
        ):
            return {"kind": "main", "op": op}
        env = env_value(left)
        if env is None:
            return None
        return {"kind": "env", "key": env[0], "default": env[1], "op": op, "value": right.value} if is_str(right) else UNKNOWN
    env = env_value(node)
    if env is not None:
        return {"kind": "env", "key": env[0], "default": env[1], "op": "truthy", "value": None}
    if isinstance(node, ast.Name):
        return {"kind": "name", "name": node.id}
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Name)
        and node.func.id == "hasattr"
        and len(node.args) == 2
        and not node.keywords
        and isinstance(node.args[0], ast.Name)
        and isinstance(node.args[1], ast.Constant)
        and type(node.args[1].value) is str
    ):
        return {"kind": "hasattr", "name": node.args[0].id, "attr": node.args[1].value}
    return None


def exits(body):
    """The body's last statement is `raise`, `assert False`, `continue` or `break`: it never falls through."""
    last = body[-1]
    return isinstance(last, (ast.Raise, ast.Continue, ast.Break)) or (
        isinstance(last, ast.Assert) and isinstance(last.test, ast.Constant) and last.test.value is False
    )


def static_test(node):
    """An `if` test on the interpreter (docs/facts.md, branches), as a tree; unknown parts are {kind: unknown}."""
    if isinstance(node, ast.BoolOp):
        return {"kind": "and" if isinstance(node.op, ast.And) else "or", "args": [static_test(v) for v in node.values]}
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
        return {"kind": "not", "arg": static_test(node.operand)}
    environment = environment_test(node)
    if environment is not None:
        return environment
    if isinstance(node, ast.Compare) and len(node.ops) == 1 and type(node.ops[0]) in CMP_OPS:
        op, left, right = CMP_OPS[type(node.ops[0])], node.left, node.comparators[0]
        name = dotted(left)
        if name in ("sys.platform", "os.name"):
            if op in ("==", "!=") and isinstance(right, ast.Constant) and type(right.value) is str:
                return {"kind": "platform" if name == "sys.platform" else "osName", "op": op, "value": right.value}
            return UNKNOWN
        part = version_part(left)
        if part is None:
            return UNKNOWN
        if part[0] is not None:
            n = non_negative_int(right)
            return UNKNOWN if n is None else {"kind": "version", "index": part[0], "slice": None, "op": op, "value": [n]}
        if isinstance(right, ast.Tuple) and 1 <= len(right.elts) <= 3:
            vals = [non_negative_int(e) for e in right.elts]
            if None not in vals:
                return {"kind": "version", "index": None, "slice": part[1], "op": op, "value": vals}
        return UNKNOWN
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "startswith"
        and dotted(node.func.value) == "sys.platform"
        and len(node.args) == 1
        and not node.keywords
        and isinstance(node.args[0], ast.Constant)
        and type(node.args[0].value) is str
    ):
        return {"kind": "platform", "op": "startswith", "value": node.args[0].value}
    return UNKNOWN


def evaluable(test):
    k = test["kind"]
    if k == "name":
        # TYPE_CHECKING inside a larger test is False at run time.
        return test["name"] == "TYPE_CHECKING"
    if k in ("unknown", "hasattr"):
        return False
    if k == "not":
        return evaluable(test["arg"])
    if k in ("and", "or"):
        return any(evaluable(a) for a in test["args"])
    return True


def is_type_checking(test):
    if isinstance(test, ast.Name):
        return test.id == "TYPE_CHECKING"
    return isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING" and isinstance(test.value, ast.Name)


def target_names(node, out):
    """Name nodes a target stores into, in written order (attribute and subscript targets bind nothing)."""
    if isinstance(node, ast.Name):
        out.append(node)
    elif isinstance(node, (ast.Tuple, ast.List)):
        for e in node.elts:
            target_names(e, out)
    elif isinstance(node, ast.Starred):
        target_names(node.value, out)
    return out


def method_call(node, obj, methods):
    """`obj.m(...)` with obj a plain name: the method name, else None."""
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and isinstance(node.func.value, ast.Name)
        and node.func.value.id == obj
        and node.func.attr in methods
    ):
        return node.func.attr
    return None


def int_literal(node):
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        v = int_literal(node.operand)
        return None if v is None else -v
    if isinstance(node, ast.Constant) and type(node.value) is int:
        return node.value
    return None


PATH_CALLS = {"os.path.dirname": "dirname", "os.path.abspath": "abspath", "os.path.realpath": "resolve"}
PATH_METHODS = {"resolve": "resolve", "absolute": "abspath"}


def path_expr(e, pvars):
    """docs/facts.md `sysPath`: the argument as a list of path parts, or None when built from anything else.
    `pvars`: module-level names bound to path expressions before it."""
    if is_str(e):
        return [{"kind": "literal", "value": e.value}]
    if isinstance(e, ast.Name) and e.id == "__file__":
        return [{"kind": "file"}]
    if isinstance(e, ast.Name) and e.id in pvars:
        return list(pvars[e.id])
    if isinstance(e, ast.Attribute) and e.attr == "parent":
        base = path_expr(e.value, pvars)
        return None if base is None else base + [{"kind": "parent"}]
    if isinstance(e, ast.BinOp) and isinstance(e.op, ast.Div):
        left, right = path_expr(e.left, pvars), path_expr(e.right, pvars)
        return None if left is None or right is None else [{"kind": "join", "parts": [left, right]}]
    if not isinstance(e, ast.Call) or e.keywords or any(isinstance(a, ast.Starred) for a in e.args):
        return None
    fn, args = dotted(e.func), e.args
    if fn in PATH_CALLS and len(args) == 1:
        base = path_expr(args[0], pvars)
        return None if base is None else base + [{"kind": PATH_CALLS[fn]}]
    if fn == "os.path.join" and args:
        parts = [path_expr(a, pvars) for a in args]
        return None if any(p is None for p in parts) else [{"kind": "join", "parts": parts}]
    if fn in ("str", "os.fspath", "Path", "pathlib.Path") and len(args) == 1:
        return path_expr(args[0], pvars)
    if isinstance(e.func, ast.Attribute) and e.func.attr in PATH_METHODS and not args:
        base = path_expr(e.func.value, pvars)
        return None if base is None else base + [{"kind": PATH_METHODS[e.func.attr]}]
    if isinstance(e.func, ast.Attribute) and e.func.attr == "as_posix" and not args:
        return path_expr(e.func.value, pvars)
    return None


def own_nodes(body):
    """Every node a def body evaluates in its own scope: nested def and lambda bodies excluded (their decorators,
    defaults and annotations included), class bodies included (they run when the def runs)."""
    stack = list(body)
    while stack:
        n = stack.pop()
        yield n
        t = type(n)
        if t is ast.FunctionDef or t is ast.AsyncFunctionDef:
            a = n.args
            stack.extend(n.decorator_list + a.defaults + [d for d in a.kw_defaults if d is not None])
            for arg in a.posonlyargs + a.args + [a.vararg] + a.kwonlyargs + [a.kwarg]:
                if arg is not None and arg.annotation is not None:
                    stack.append(arg.annotation)
            if n.returns is not None:
                stack.append(n.returns)
        elif t is ast.Lambda:
            stack.extend(n.args.defaults + [d for d in n.args.kw_defaults if d is not None])
        else:
            stack.extend(ast.iter_child_nodes(n))


def certain_exprs(s, future):
    """The expressions of a def body's top-level statement that run whenever the statement runs."""
    t = type(s)
    if t is ast.Expr:
        return [s.value]
    if t is ast.Assign:
        return s.targets + [s.value]
    if t is ast.AugAssign:
        return [s.target, s.value]
    if t is ast.AnnAssign:  # annotations in a def body are never evaluated
        return [s.target] + ([s.value] if s.value is not None else [])
    if t is ast.Delete:
        return s.targets
    if t is ast.Return:
        return [s.value] if s.value is not None else []
    if t is ast.Raise:
        return [e for e in (s.exc, s.cause) if e is not None]
    if t is ast.Assert:
        return [s.test]
    if t is ast.If or t is ast.While:
        return [s.test]
    if t is ast.For or t is ast.AsyncFor:
        return [s.iter]
    if t is ast.With or t is ast.AsyncWith:
        out = []
        for item in s.items:
            out.append(item.context_expr)
            if item.optional_vars is not None:
                out.append(item.optional_vars)
        return out
    if t is ast.Match:
        return [s.subject]
    if t is ast.FunctionDef or t is ast.AsyncFunctionDef:
        a = s.args
        out = s.decorator_list + a.defaults + [d for d in a.kw_defaults if d is not None]
        if not future:
            for arg in a.posonlyargs + a.args + [a.vararg] + a.kwonlyargs + [a.kwarg]:
                if arg is not None and arg.annotation is not None:
                    out.append(arg.annotation)
            if s.returns is not None:
                out.append(s.returns)
        return out
    if t is ast.ClassDef:
        return s.decorator_list + s.bases + [k.value for k in s.keywords]
    return []


def certain_loads(node, out, falsy=None, guarded=None):
    """Names loaded in the parts of an expression that are always evaluated (docs/facts.md, reads: conditional).
    With `falsy` (parameters defaulting to None/False) and `guarded`: `PARAM or X`, PARAM unparenthesized, adds
    X's certain loads to `guarded` as (node, PARAM) (X runs when the call leaves PARAM to its default)."""
    t = type(node)
    if t is ast.Name:
        if type(node.ctx) is ast.Load:
            out.append(node)
    elif t is ast.Constant:
        return
    elif t is ast.Lambda:
        for d in node.args.defaults + [d for d in node.args.kw_defaults if d is not None]:
            certain_loads(d, out, falsy, guarded)
    elif t in COMPREHENSIONS:
        certain_loads(node.generators[0].iter, out, falsy, guarded)
    elif t is ast.IfExp:
        certain_loads(node.test, out, falsy, guarded)
    elif t is ast.BoolOp:
        first = node.values[0]
        certain_loads(first, out, falsy, guarded)
        if (
            guarded is not None
            and type(node.op) is ast.Or
            and type(first) is ast.Name
            and first.id in falsy
            and (first.lineno, first.col_offset) == (node.lineno, node.col_offset)
        ):
            found = []
            certain_loads(node.values[1], found)
            guarded.extend((n, first.id) for n in found)
    elif t is ast.Compare:
        certain_loads(node.left, out, falsy, guarded)
        certain_loads(node.comparators[0], out, falsy, guarded)
    else:
        for child in ast.iter_child_nodes(node):
            certain_loads(child, out, falsy, guarded)


def sort_facts(items):
    # Same position: the order Python evaluates them (an inner call/pattern ends first).
    items.sort(key=lambda f: f[0])
    return [f[1] for f in items]


class Ctx:
    __slots__ = ("scope", "tc", "cond", "caught")

    def __init__(self, scope, tc, cond, caught):
        self.scope, self.tc, self.cond, self.caught = scope, tc, cond, caught

    def but(self, **kw):
        c = Ctx(self.scope, self.tc, self.cond, self.caught)
        for k, v in kw.items():
            setattr(c, k, v)
        return c

    def fields(self):
        """The context flags that hold: each is left out when false or empty (docs/facts.md)."""
        out = {}
        if self.tc:
            out["typeChecking"] = True
        if self.cond:
            out["conditional"] = True
        if self.caught:
            out["caught"] = sorted(self.caught)
        return out


class ClassState:
    """One class body outside any def: names it binds (first stmt index) decide which reads are class-local."""

    __slots__ = ("name", "bound", "module_level", "marks")

    def __init__(self, name, module_level):
        self.name, self.bound, self.module_level, self.marks = name, {}, module_level, []


class Here:
    """Where an expression is evaluated: its statement, context, class body (None at module level)."""

    __slots__ = ("stmt", "line", "ctx", "cls", "excl", "classlocal", "maybe", "late", "guard")

    def __init__(self, stmt, line, ctx, cls, excl=frozenset(), classlocal=True, maybe=False, late=False, guard=None):
        self.stmt, self.line, self.ctx, self.cls, self.excl, self.classlocal = stmt, line, ctx, cls, excl, classlocal
        # maybe: inside a part of an expression that may not be evaluated (reads only; see docs/facts.md).
        self.maybe = maybe
        # late: evaluated after the statement's other reads (docs/facts.md, reads).
        self.late = late
        # guard: in an arm of a conditional expression, {test, value} of the innermost one (docs/facts.md, reads).
        self.guard = guard

    def inner(self, excl):
        return Here(self.stmt, self.line, self.ctx, self.cls, excl, False, True, self.late, self.guard)

    def perhaps(self):
        if self.maybe:
            return self
        return Here(self.stmt, self.line, self.ctx, self.cls, self.excl, self.classlocal, True, self.late, self.guard)

    def later(self):
        return Here(self.stmt, self.line, self.ctx, self.cls, self.excl, self.classlocal, self.maybe, True, self.guard)

    def guarded(self, test, value):
        return Here(
            self.stmt, self.line, self.ctx, self.cls, self.excl, self.classlocal, True, self.late, {"test": test, "value": value}
        )


# ---------------------------------------------------------------------------------------------- the extractor


class Extractor:
    def __init__(self, text, tree):
        self.lines = LINE_END.split(text)
        self.utf8 = {}
        self.tree = tree
        self.text = text
        self.tables = None  # (name, line) -> symtable of a module-level def
        self.functions, self.calls = [], []
        self.stmt = 0
        self.future = any(
            isinstance(s, ast.ImportFrom)
            and s.module == "__future__"
            and s.level == 0
            and any(a.name == "annotations" for a in s.names)
            for s in tree.body
        )
        self.imports, self.bindings, self.stars, self.reads, self.attr_reads, self.sys_path = [], [], [], [], [], []
        self.branches = []
        self.arms = []
        self.tries = []
        self.loop_breaks = []  # per loop being walked (outside defs): the statement indices of its own breaks
        self.path_vars = {}  # module-level names bound on every path to a path expression (docs/facts.md, sysPath)
        self.path_guard = None  # (NAME, block depth of the body, conditional of the if) in `if NAME not in sys.path:`
        self.depth = 0
        self.suppress_aliases = set()  # names bound by `from contextlib import suppress as NAME` outside defs
        self.all = None  # {"names", "line", "complete"}
        self.all_handled = set()  # ids of __all__ / collect_ignore nodes consumed by a literal form
        self.all_dirty = False
        self.ignore = {"collect_ignore": None, "collect_ignore_glob": None}
        self.plugins = None
        self.pytest_mods, self.mark_names, self.fixture_names = set(), set(), set()
        self.defs = []  # (node, className) for pytest functions
        self.classes = []  # (node, [pytestmark value nodes])
        self.module_marks = []  # pytestmark value nodes at module scope
        self.mark_aliases = []  # (NAME, value) of module-scope assignments `NAME = value`
        self.aliases = {}  # NAME -> the mark expression it alone holds

    # -- positions

    def col(self, line, bcol):
        if bcol == 0:
            return 0
        b = self.utf8.get(line)
        if b is None:
            text = self.lines[line - 1] if 0 < line <= len(self.lines) else ""
            b = False if text.isascii() else text.encode("utf-8")
            self.utf8[line] = b
        return bcol if b is False else len(b[:bcol].decode("utf-8", "replace"))

    def pos(self, node):
        return {"line": node.lineno, "col": self.col(node.lineno, node.col_offset)}

    def key(self, node):
        return (node.lineno, node.col_offset, node.end_lineno, node.end_col_offset)

    # -- statements

    def block(self, body, ctx, cls):
        self.depth += 1
        for s in body:
            if ctx.scope == "function":
                self.func_stmt(s, ctx)
            else:
                self.stmt_(s, ctx, cls)
        self.depth -= 1

    def sub_blocks(self, s, ctx, static=False):
        """The bodies of a compound statement with the context each runs in (defs and classes excluded). The bodies
        of an `if` on the interpreter (static) are settled later: not conditional here."""
        cond = ctx.but(cond=True)
        if static:
            return [(s.body, ctx), (s.orelse, ctx)]
        if isinstance(s, ast.If):
            # At run time TYPE_CHECKING is False: the else of `if TYPE_CHECKING:` always runs, and so does the body
            # of `if not TYPE_CHECKING:` (whose else is for type checkers only).
            if is_type_checking(s.test):
                return [(s.body, ctx.but(tc=True)), (s.orelse, ctx)]
            if isinstance(s.test, ast.UnaryOp) and isinstance(s.test.op, ast.Not) and is_type_checking(s.test.operand):
                return [(s.body, ctx), (s.orelse, ctx.but(tc=True))]
            return [(s.body, cond), (s.orelse, cond)]
        if isinstance(s, (ast.For, ast.AsyncFor, ast.While)):
            return [(s.body, cond), (s.orelse, cond)]
        if isinstance(s, (ast.Try, ast.TryStar)):
            inner = ctx.but(caught=ctx.caught | caught_names(s.handlers))
            return [(s.body, inner)] + [(h.body, cond) for h in s.handlers] + [(s.orelse, cond), (s.finalbody, ctx)]
        if isinstance(s, (ast.With, ast.AsyncWith)):
            suppressed = suppressed_names(s.items, self.suppress_aliases)
            return [(s.body, ctx.but(caught=ctx.caught | suppressed) if suppressed else ctx)]
        if isinstance(s, ast.Match):
            return [(c.body, cond) for c in s.cases]
        return []

    def fresh(self):
        return Ctx("function", False, False, frozenset())

    def func_stmt(self, s, ctx):
        if isinstance(s, (ast.Import, ast.ImportFrom)):
            self.import_fact(s, ctx, -1)
        elif isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef)):
            self.block(s.body, self.fresh(), None)
        elif isinstance(s, ast.ClassDef):
            self.block(s.body, ctx, None)
        else:
            for body, c in self.sub_blocks(s, ctx):
                self.block(body, c, None)

    def import_fact(self, s, ctx, stmt):
        fact = {
            "line": s.lineno,
            "col": self.col(s.lineno, s.col_offset),
            "kind": "import" if isinstance(s, ast.Import) else "from",
            "module": (s.module or "") if isinstance(s, ast.ImportFrom) else None,
            "level": (s.level or 0) if isinstance(s, ast.ImportFrom) else 0,
            "names": [{"name": a.name, "asname": a.asname} for a in s.names],
            "stmt": stmt,
            "scope": ctx.scope,
        }
        fact.update(ctx.fields())
        self.imports.append((self.key(s), fact))

    def bind(self, name, kind, node, here):
        """A name bound by a statement at module level or in a class body (class-local)."""
        if here.cls is not None:
            here.cls.bound.setdefault(name, here.stmt)
            return
        if here.ctx.scope != "module":
            return
        self.path_vars.pop(name, None)
        fact = {"name": name, "kind": kind, **self.pos(node), "stmt": here.stmt, **here.ctx.fields()}
        self.bindings.append((self.key(node), fact))
        if name == "__all__":
            if self.all is None:
                self.all = {"names": [], "line": here.line, "complete": True}
            if id(node) not in self.all_handled:
                self.all["complete"] = False
        elif name in self.ignore and self.ignore[name] is None:
            self.ignore[name] = []
        elif name == "pytest_plugins" and id(node) not in self.all_handled:
            self.plugins = None

    def stmt_(self, s, ctx, cls):
        here = Here(self.stmt, s.lineno, ctx, cls)
        self.stmt += 1
        module = cls is None
        if isinstance(s, ast.Break) and self.loop_breaks:
            self.loop_breaks[-1].append(here.stmt)
        if isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for d in s.decorator_list:
                self.expr(d, here)
            a = s.args
            for d in a.defaults + [d for d in a.kw_defaults if d is not None]:
                self.expr(d, here)
            if not self.future:
                for arg in a.posonlyargs + a.args + [a.vararg] + a.kwonlyargs + [a.kwarg]:
                    if arg is not None and arg.annotation is not None:
                        self.expr(arg.annotation, here.later())
                if s.returns is not None:
                    self.expr(s.returns, here.later())
            self.bind(s.name, "def", s, here)
            if module:
                self.defs.append((s, None))
                for d in s.decorator_list:
                    if type(d) is ast.Name:
                        self.call(d, here)
                self.functions.append((self.key(s), self.function_fact(s, here.stmt, None, bool(s.decorator_list))))
            self.block(s.body, self.fresh(), None)
        elif isinstance(s, ast.ClassDef):
            for e in s.decorator_list + s.bases + [k.value for k in s.keywords]:
                self.expr(e, here)
            if module:
                for d in s.decorator_list:
                    if type(d) is ast.Name:
                        self.call(d, here)
                odd = bool(s.decorator_list or s.keywords)
                # A metaclass (a base is `type`): its `__init__` also reads what the methods it calls on its first
                # parameter read.
                helpers = None
                if any(type(b) is ast.Name and b.id == "type" for b in s.bases):
                    helpers = {}
                    for b in s.body:
                        if type(b) is ast.FunctionDef and b.name != "__init__":
                            helpers[b.name] = self.function_fact(b, here.stmt, s, bool(b.decorator_list))
                for b in s.body:
                    if type(b) is ast.FunctionDef and b.name == "__init__":
                        fact = self.function_fact(b, here.stmt, s, odd or bool(b.decorator_list), helpers)
                        self.functions.append((self.key(b), fact))
            inner = ClassState(s.name, module)
            self.block(s.body, ctx.but(scope="class"), inner)
            if module and not s.decorator_list and not s.bases and len(s.keywords) == 1:
                meta = s.keywords[0]
                if meta.arg == "metaclass" and type(meta.value) is ast.Name:
                    # Python calls the metaclass once the body has run: the body's last statement, after it.
                    fact = {"name": meta.value.id, **self.pos(meta.value), "args": 3, "keywords": [], "stmt": self.stmt - 1}
                    fact.update(here.ctx.fields())
                    fact["late"] = True
                    self.calls.append((self.key(meta.value), fact))
            self.bind(s.name, "class", s, here)
            if module:
                for b in s.body:
                    if isinstance(b, (ast.FunctionDef, ast.AsyncFunctionDef)):
                        self.defs.append((b, s.name))
                self.classes.append((s, inner))
        elif isinstance(s, (ast.Import, ast.ImportFrom)):
            self.import_stmt(s, here)
        elif isinstance(s, ast.Assign):
            self.literal_assign(s.targets, s.value, here)
            before = len(self.bindings)
            for t in s.targets:
                self.target(t, "assign", here.later())
            truth = self.constant_truth(s)
            if truth is not None and len(self.bindings) == before + 1:
                self.bindings[-1][1]["truthy"] = truth
            elif len(self.bindings) == before + 1 and len(s.targets) == 1 and isinstance(s.targets[0], ast.Name):
                test = static_test(s.value)
                if evaluable(test):
                    self.bindings[-1][1]["test"] = test
            c = here.ctx
            if (
                len(self.bindings) == before + 1
                and len(s.targets) == 1
                and isinstance(s.targets[0], ast.Name)
                and not (c.cond or c.tc or c.caught)
            ):
                path = path_expr(s.value, self.path_vars)
                if path is not None:
                    self.path_vars[s.targets[0].id] = path
            self.expr(s.value, here)
            self.pytestmark(s.targets, s.value, cls)
        elif isinstance(s, ast.AnnAssign):
            if s.value is not None:
                self.literal_assign([s.target], s.value, here)
                self.target(s.target, "annassign", here.later())
                self.pytestmark([s.target], s.value, cls)
            elif not isinstance(s.target, ast.Name):
                self.target(s.target, None, here)
            if not self.future:
                self.expr(s.annotation, here.later())
            if s.value is not None:
                self.expr(s.value, here)
        elif isinstance(s, ast.AugAssign):
            t = s.target
            if isinstance(t, ast.Name):
                self.literal_augassign(t, s.op, s.value, here)
                self.read(t, here)
                self.bind(t.id, "augassign", t, here)
                if isinstance(s.op, ast.Add):
                    self.pytestmark([t], s.value, cls)
            else:
                self.target(t, None, here)
            self.expr(s.value, here)
        elif isinstance(s, ast.Delete):
            for t in s.targets:
                self.target(t, "del", here)
        elif isinstance(s, (ast.For, ast.AsyncFor)):
            self.target(s.target, "for", here)
            self.expr(s.iter, here)
        elif isinstance(s, (ast.While, ast.If)):
            self.expr(s.test, here)
        elif isinstance(s, (ast.With, ast.AsyncWith)):
            for item in s.items:
                self.expr(item.context_expr, here)
                if item.optional_vars is not None:
                    self.target(item.optional_vars, "with", here)
        elif isinstance(s, (ast.Try, ast.TryStar)):
            for h in s.handlers:
                if h.type is not None:
                    self.expr(h.type, here)
                if h.name is not None:
                    self.bind(h.name, "except", h, here)
        elif isinstance(s, ast.Match):
            self.expr(s.subject, here)
            for c in s.cases:
                self.pattern(c.pattern, here)
                if c.guard is not None:
                    self.expr(c.guard, here)
        elif isinstance(s, ast.Expr):
            self.literal_call(s.value, here)
            self.expr(s.value, here)
        elif isinstance(s, ast.Assert):
            self.expr(s.test, here)
            if s.msg is not None:
                self.expr(s.msg, here.perhaps())
        elif isinstance(s, (ast.Return, ast.Raise)):
            for child in ast.iter_child_nodes(s):
                self.expr(child, here)
        test = None
        if isinstance(s, ast.If) and not is_type_checking(s.test):
            t = s.test
            if not (isinstance(t, ast.UnaryOp) and isinstance(t.op, ast.Not) and is_type_checking(t.operand)):
                test = static_test(t)
        ranges = []
        subs = self.sub_blocks(s, ctx, test is not None and evaluable(test))
        loop = isinstance(s, (ast.For, ast.AsyncFor, ast.While))
        guard = self.not_in_sys_path(s) if cls is None and ctx.scope == "module" else None
        for i, (body, c) in enumerate(subs):
            first = self.stmt
            if loop and i == 0:
                self.loop_breaks.append([])
            outer_guard = self.path_guard
            if guard is not None and i == 0:
                self.path_guard = (guard, self.depth + 1, ctx.cond)
            self.block(body, c, cls)
            self.path_guard = outer_guard
            if loop and i == 0:
                breaks = self.loop_breaks.pop()
            ranges.append([first, self.stmt - 1] if self.stmt > first else None)
        if test is not None:
            fact = {**self.pos(s), "stmt": here.stmt, "test": test, "body": ranges[0], "orelse": ranges[1]}
            if exits(s.body):
                fact["bodyExits"] = True
            if s.orelse and exits(s.orelse):
                fact["orelseExits"] = True
            self.branches.append((self.key(s), fact))
        self.record_arms(s, here, subs, ranges, breaks if loop else [])
        handlers = None
        if isinstance(s, (ast.Try, ast.TryStar)):
            handlers = caught_names(s.handlers)
        elif isinstance(s, ast.With):
            handlers = suppressed_names(s.items, self.suppress_aliases) or None
        if handlers is not None and ranges and ranges[0] is not None:
            fact = {**self.pos(s), "stmt": here.stmt, "body": ranges[0], "handlers": sorted(handlers)}
            self.tries.append((self.key(s), fact))

    def record_arms(self, s, here, subs, ranges, breaks):
        """docs/facts.md, arms: the bodies of a loop, try or match (module and class level) that may not run."""
        if isinstance(s, (ast.For, ast.AsyncFor, ast.While)):
            kinds = ["loop", "loopElse"]
        elif isinstance(s, (ast.Try, ast.TryStar)):
            kinds = [None] + ["handler"] * len(s.handlers) + ["tryElse", None]
        elif isinstance(s, ast.Match):
            kinds = ["case"] * len(s.cases)
        else:
            return
        for i, (kind, r) in enumerate(zip(kinds, ranges)):
            if kind is None or r is None:
                continue
            arm = {**self.pos(s), "stmt": here.stmt, "kind": kind, "body": r}
            if kind == "handler":
                arm["catches"] = sorted(caught_names([s.handlers[i - 1]]))
            if exits(subs[i][0]):
                arm["exits"] = True
            if kind == "loop":
                if breaks:
                    arm["breaks"] = breaks
                if isinstance(s, ast.While) and self.infinite_test(s):
                    arm["infinite"] = True
            self.arms.append((self.key(s) + (i,), arm))

    def not_in_sys_path(self, s):
        """`if NAME not in sys.path:` written exactly so (no parentheses): NAME, else None."""
        if not isinstance(s, ast.If):
            return None
        t = s.test
        if not (
            isinstance(t, ast.Compare)
            and len(t.ops) == 1
            and isinstance(t.ops[0], ast.NotIn)
            and isinstance(t.left, ast.Name)
            and dotted(t.comparators[0]) == "sys.path"
        ):
            return None
        seg = ast.get_source_segment(self.text, t)
        if seg is None or re.sub(r"\s+", " ", seg) != f"{t.left.id} not in sys.path":
            return None
        line = self.lines[s.lineno - 1].encode("utf-8")
        if line[s.col_offset + 2 : t.col_offset].strip() != b"" or not line[t.end_col_offset :].lstrip().startswith(b":"):
            return None
        return t.left.id

    def constant_truth(self, s):
        """docs/facts.md, bindings `truthy`: `NAME = CONSTANT`, the value one True/False/None/decimal-digits token."""
        v = s.value
        if len(s.targets) != 1 or not isinstance(s.targets[0], ast.Name) or not isinstance(v, ast.Constant):
            return None
        if v.lineno != v.end_lineno or s.end_lineno != v.end_lineno or s.end_col_offset != v.end_col_offset:
            return None
        line = self.lines[v.lineno - 1].encode("utf-8")
        if not line[: v.col_offset].rstrip().endswith(b"="):
            return None
        word = line[v.col_offset : v.end_col_offset].decode("utf-8")
        if word in ("True", "False", "None"):
            return word == "True"
        if word.isascii() and word.isdigit():
            return any(c != "0" for c in word)
        return None

    def infinite_test(self, s):
        """`while True:` / `while 1:`: the test is that one token (no parentheses), the colon right after it."""
        t = s.test
        if not isinstance(t, ast.Constant) or t.lineno != s.lineno or t.end_lineno != s.lineno:
            return False
        line = self.lines[s.lineno - 1].encode("utf-8")
        between = line[s.col_offset + 5 : t.col_offset]
        after = line[t.end_col_offset :].lstrip()
        word = line[t.col_offset : t.end_col_offset]
        return between.strip() == b"" and after.startswith(b":") and word in (b"True", b"1")

    def import_stmt(self, s, here):
        self.import_fact(s, here.ctx, here.stmt)
        module_scope = here.cls is None
        for a in s.names:
            if isinstance(s, ast.ImportFrom) and s.level == 0 and s.module == "contextlib" and a.name == "suppress":
                if a.asname:
                    self.suppress_aliases.add(a.asname)
            if isinstance(s, ast.Import):
                self.bind(a.asname or a.name.split(".")[0], "import", a, here)
                if module_scope and a.name == "pytest":
                    self.pytest_mods.add(a.asname or "pytest")
            elif a.name == "*":
                if module_scope:
                    self.stars.append((self.key(s), {**self.pos(s), "stmt": here.stmt}))
            else:
                self.bind(a.asname or a.name, "import", a, here)
                if module_scope and s.level == 0:
                    if a.name == "mark" and s.module in ("pytest", "_pytest.mark"):
                        self.mark_names.add(a.asname or "mark")
                    if a.name == "fixture" and s.module == "pytest":
                        self.fixture_names.add(a.asname or "fixture")

    def target(self, node, kind, here):
        """A store/del target: names it binds (kind None: binds nothing), reads of its bases and subscripts."""
        if kind is not None:
            for n in target_names(node, []):
                self.bind(n.id, kind, n, here)
        self.expr(node, here)

    # -- literal bookkeeping: __all__, collect_ignore, pytest_plugins, pytestmark

    def literal_assign(self, targets, value, here):
        if here.cls is not None:
            return
        for t in targets:
            if not isinstance(t, ast.Name):
                continue
            if t.id == "__all__":
                names = str_elts(value)
                if names is not None:
                    if self.all is None:
                        self.all = {"names": [], "line": here.line, "complete": True}
                    self.all["names"] = names
                    self.all_handled.add(id(t))
            elif t.id in self.ignore:
                elts = value.elts if isinstance(value, (ast.List, ast.Tuple)) else []
                self.ignore[t.id] = [e.value for e in elts if is_str(e)]
            elif t.id == "pytest_plugins":
                self.plugins = [value.value] if is_str(value) else str_elts(value)
                self.all_handled.add(id(t))

    def literal_augassign(self, t, op, value, here):
        if here.cls is not None or not isinstance(op, ast.Add):
            return
        if t.id == "__all__":
            names = str_elts(value)
            if names is not None:
                if self.all is None:
                    self.all = {"names": [], "line": here.line, "complete": True}
                self.all["names"].extend(names)
                self.all_handled.add(id(t))
        elif t.id in self.ignore:
            lst = self.ignore[t.id]
            if lst is None:
                lst = self.ignore[t.id] = []
            if isinstance(value, (ast.List, ast.Tuple)):
                lst.extend(e.value for e in value.elts if is_str(e))

    def literal_call(self, call, here):
        """`__all__.append("x")` / `.extend([...])` and the same on collect_ignore, as whole expression statements."""
        if here.cls is not None or not isinstance(call, ast.Call) or call.keywords or len(call.args) != 1:
            return
        arg = call.args[0]
        m = method_call(call, "__all__", ("append", "extend"))
        if m is not None:
            names = ([arg.value] if is_str(arg) else None) if m == "append" else str_elts(arg)
            if names is not None:
                self.all_handled.add(id(call))
                if self.all is not None:
                    self.all["names"].extend(names)
            return
        for name, lst in self.ignore.items():
            m = method_call(call, name, ("append", "extend"))
            if m is None or lst is None:
                continue
            if m == "append":
                if is_str(arg):
                    lst.append(arg.value)
            elif isinstance(arg, (ast.List, ast.Tuple)):
                lst.extend(e.value for e in arg.elts if is_str(e))

    def pytestmark(self, targets, value, cls):
        if cls is None:
            # `NAME = <mark>` at module scope: a possible alias (pytestFacts.ts resolveMarks).
            for t in targets:
                if isinstance(t, ast.Name) and t.id != "pytestmark":
                    self.mark_aliases.append((t.id, value))
        if not any(isinstance(t, ast.Name) and t.id == "pytestmark" for t in targets):
            return
        if cls is None:
            self.module_marks.append(value)
        elif cls.module_level:
            cls.marks.append(value)

    # -- expressions

    def read(self, n, here):
        name = n.id
        if here.cls is not None and here.classlocal:
            if name == "__module__" or name == "__qualname__":
                return None
            b = here.cls.bound.get(name)
            if b is not None and b < here.stmt:
                return None
        if name in here.excl:
            return None
        fact = {"name": name, **self.pos(n), "stmt": here.stmt, "scope": here.ctx.scope, **here.ctx.fields()}
        if here.maybe:
            fact["conditional"] = True
        if here.late:
            fact["late"] = True
        if here.guard is not None and here.ctx.scope != "function":
            fact["guard"] = here.guard
        self.reads.append((self.key(n), fact))
        return fact

    def expr(self, node, here):
        t = type(node)
        if t is ast.Name:
            if type(node.ctx) is ast.Load:
                self.read(node, here)
        elif t is ast.Constant:
            return
        elif t is ast.Attribute:
            chain = []
            n = node
            while type(n) is ast.Attribute:
                chain.append(n)
                n = n.value
            if type(n) is not ast.Name:
                self.expr(n, here)
            elif type(n.ctx) is ast.Load:
                r = self.read(n, here)
                if r is not None:
                    attrs = []
                    for a in reversed(chain):
                        if type(a.ctx) is not ast.Load:
                            break
                        attrs.append(a.attr)
                    if attrs:
                        self.attr_reads.append((self.key(n), {**r, "attrs": attrs}))
        elif t is ast.NamedExpr:
            self.bind(node.target.id, "walrus", node.target, here)
            self.expr(node.value, here)
        elif t is ast.Lambda:
            for d in node.args.defaults + [d for d in node.args.kw_defaults if d is not None]:
                self.expr(d, here)
        elif t in COMPREHENSIONS:
            self.comprehension(node, here)
        elif t is ast.IfExp:
            self.expr(node.test, here)
            test = static_test(node.test)
            self.expr(node.body, here.guarded(test, True))
            self.expr(node.orelse, here.guarded(test, False))
        elif t is ast.BoolOp:
            self.expr(node.values[0], here)
            value = isinstance(node.op, ast.And)
            for i, v in enumerate(node.values[1:], 1):
                before = node.values[0] if i == 1 else ast.BoolOp(op=node.op, values=node.values[:i])
                self.expr(v, here.guarded(static_test(before), value))
        elif t is ast.Compare:
            self.expr(node.left, here)
            for i, v in enumerate(node.comparators):
                self.expr(v, here.perhaps() if i else here)
        else:
            if t is ast.Call and here.cls is None:
                self.module_call(node, here)
                if type(node.func) is ast.Name and node.func.id not in here.excl:
                    self.call(node.func, here, node)
            elif (
                t is ast.Subscript
                and type(node.ctx) is not ast.Load
                and isinstance(node.value, ast.Name)
                and node.value.id == "__all__"
                and here.cls is None
            ):
                self.all_dirty = True
            for child in ast.iter_child_nodes(node):
                self.expr(child, here)

    def call(self, name, here, call=None):
        """A module-scope call of a plain name (kept at the end only when a module-scope def or class binds it);
        call None: a bare decorator."""
        args, keywords = 1, []
        if call is not None:
            args = -1 if any(type(a) is ast.Starred for a in call.args) else len(call.args)
            keywords = None if any(k.arg is None for k in call.keywords) else [k.arg for k in call.keywords]
        fact = {"name": name.id, **self.pos(name), "args": args, "keywords": keywords, "stmt": here.stmt}
        fact.update(here.ctx.fields())
        if here.maybe:
            fact["conditional"] = True
        self.calls.append((self.key(name), fact))

    def function_fact(self, s, stmt, cls, decorated, helpers=None):
        """A module-scope def (cls None), or the `__init__` directly in module-scope class `cls`; `helpers`: for a
        metaclass's `__init__`, the facts of its other methods by name (calls `cls.NAME(...)` splice their reads)."""
        is_async = type(s) is ast.AsyncFunctionDef
        a = s.args
        pos = a.posonlyargs + a.args
        fact = {
            **self.pos(s),
            "name": s.name,
            "className": cls.name if cls is not None else None,
            "stmt": stmt,
            "positional": [] if is_async else [p.arg for p in pos],
            "async": is_async,
            "decorated": decorated,
            "globalReads": [],
        }
        if is_async or any(type(n) in (ast.Yield, ast.YieldFrom) for n in own_nodes(s.body)):
            return fact
        true_defaults = set()
        falsy_defaults = set()
        for p, d in list(zip(pos[len(pos) - len(a.defaults) :], a.defaults)) + list(zip(a.kwonlyargs, a.kw_defaults)):
            if type(d) is ast.Constant and d.value is True:
                true_defaults.add(p.arg)
            elif type(d) is ast.Constant and (d.value is None or d.value is False):
                falsy_defaults.add(p.arg)
        names = []  # (Name node, guard)
        calls = []  # (Name node of the first parameter, method name): `cls.NAME(...)`, unguarded
        imports = []  # positions of the body's own top-level import statements that certainly run
        first = pos[0].arg if helpers is not None and pos else None

        def certain(body, guard):
            for st in body:
                if guard is None and type(st) in (ast.Import, ast.ImportFrom):
                    imports.append(self.pos(st))
                for e in certain_exprs(st, self.future):
                    found = []
                    guarded = [] if guard is None else None
                    certain_loads(e, found, falsy_defaults, guarded)
                    names.extend((n, guard) for n in found)
                    names.extend(guarded or [])
                    if first is not None and guard is None:
                        parents = {c: p for p in ast.walk(e) for c in ast.iter_child_nodes(p)}
                        for n in found:
                            a = parents.get(n)
                            if n.id == first and type(a) is ast.Attribute and a.value is n:
                                c = parents.get(a)
                                if type(c) is ast.Call and c.func is a:
                                    calls.append((n, a.attr))
                t = type(st)
                if (
                    guard is None
                    and t is ast.If
                    and type(st.test) is ast.Name
                    and st.test.id in true_defaults
                    and not is_type_checking(st.test)
                ):
                    certain(st.body, st.test.id)
                if t is ast.Return or t is ast.Raise:
                    return
                if t is not ast.FunctionDef and t is not ast.AsyncFunctionDef:
                    if any(type(n) in (ast.Return, ast.Raise, ast.While) for n in own_nodes([st])):
                        return

        certain(s.body, None)
        if imports:
            fact["imports"] = imports
        if not names and not calls:
            return fact
        if self.tables is None:
            try:
                top = symtable.symtable(self.text, "<oracle>", "exec")
            except SyntaxError:  # only with --no-compile: a file the compiler rejects (bench:facts timing)
                top = None
            self.tables = {}
            for c in top.get_children() if top is not None else []:
                if c.get_type() == "function":
                    self.tables[(None, c.get_name(), c.get_lineno())] = c
                elif c.get_type() == "class":
                    for m in c.get_children():
                        if m.get_type() == "function":
                            self.tables[((c.get_name(), c.get_lineno()), m.get_name(), m.get_lineno())] = m
        owner = (cls.name, cls.lineno) if cls is not None else None
        table = self.tables.get((owner, s.name, s.lineno))
        if table is None:
            return fact

        def unbound_global(name):
            sym = table.lookup(name)
            return sym.is_global() and not (sym.is_assigned() or sym.is_imported() or sym.is_parameter())

        def rebound(name):
            sym = table.lookup(name)
            return sym.is_assigned() or sym.is_imported()

        def private(name):  # mangled in a class body (`__x` -> `_C__x`), or the class cell: left out of a method's
            return cls is not None and (name == "__class__" or (name.startswith("__") and not name.endswith("__")))

        seen = set()
        emitted = set()
        entries = [(n, guard, None) for n, guard in names] + [(n, None, m) for n, m in calls]
        for n, guard, method in sorted(entries, key=lambda x: (x[0].lineno, x[0].col_offset, x[2] is not None)):
            if method is not None:
                h = helpers.get(method)
                if h is None or h["decorated"] or h["async"]:
                    continue
                for r in h["globalReads"]:
                    if r["guard"] is None and (r["name"], None) not in emitted:
                        emitted.add((r["name"], None))
                        fact["globalReads"].append(dict(r))
                continue
            if (n.id, guard) in seen:
                continue
            seen.add((n.id, guard))
            if private(n.id) or (guard is not None and private(guard)):
                continue
            if unbound_global(n.id) and (guard is None or not rebound(guard)) and (n.id, guard) not in emitted:
                emitted.add((n.id, guard))
                fact["globalReads"].append({"name": n.id, **self.pos(n), "guard": guard})
        return fact

    def comprehension(self, node, here):
        gens = node.generators
        self.expr(gens[0].iter, here)
        if type(node) is ast.GeneratorExp:
            # Only the first iterable runs at import time; walrus targets still bind in the enclosing scope.
            self.walrus_only([node.elt] + [x for g in gens for x in [g.target, *g.ifs]] + [g.iter for g in gens[1:]], here)
            return
        bound = {n.id for g in gens for n in target_names(g.target, [])}
        inner = here.inner(here.excl | bound)
        for i, g in enumerate(gens):
            self.expr(g.target, inner)
            if i:
                self.expr(g.iter, inner)
            for c in g.ifs:
                self.expr(c, inner)
        for e in (node.key, node.value) if type(node) is ast.DictComp else (node.elt,):
            self.expr(e, inner)

    def walrus_only(self, nodes, here):
        for node in nodes:
            if type(node) is ast.NamedExpr:
                self.bind(node.target.id, "walrus", node.target, here)
            if type(node) is ast.Lambda:
                self.walrus_only(node.args.defaults + [d for d in node.args.kw_defaults if d is not None], here)
            else:
                self.walrus_only(list(ast.iter_child_nodes(node)), here)

    def module_call(self, call, here):
        m = method_call(call, "__all__", ALL_MUTATORS)
        if m is not None and id(call) not in self.all_handled:
            self.all_dirty = True
        f = call.func
        if not (isinstance(f, ast.Attribute) and f.attr in ("insert", "append") and dotted(f.value) == "sys.path"):
            return
        args = call.args
        if call.keywords or any(type(a) is ast.Starred for a in args):
            return
        if f.attr == "insert" and len(args) == 2:
            index, path = int_literal(args[0]), path_expr(args[1], self.path_vars)
        elif f.attr == "append" and len(args) == 1:
            index, path = None, path_expr(args[0], self.path_vars)
        else:
            return
        cond = here.ctx.cond
        g = self.path_guard
        if g is not None and self.depth == g[1] and isinstance(args[-1], ast.Name) and args[-1].id == g[0]:
            cond = g[2]
        fact = {**self.pos(call), "conditional": cond, "method": f.attr, "path": path, "index": index}
        fact["stmt"] = here.stmt
        self.sys_path.append((self.key(call), fact))

    def pattern(self, p, here):
        t = type(p)
        if t is ast.MatchValue:
            self.expr(p.value, here)
        elif t is ast.MatchSequence or t is ast.MatchOr:
            for q in p.patterns:
                self.pattern(q, here)
        elif t is ast.MatchMapping:
            for k in p.keys:
                self.expr(k, here)
            for q in p.patterns:
                self.pattern(q, here)
            if p.rest is not None:
                self.bind(p.rest, "match", p, here)
        elif t is ast.MatchClass:
            self.expr(p.cls, here)
            for q in p.patterns + p.kwd_patterns:
                self.pattern(q, here)
        elif t is ast.MatchStar:
            if p.name is not None:
                self.bind(p.name, "match", p, here)
        elif t is ast.MatchAs:
            if p.pattern is not None:
                self.pattern(p.pattern, here)
            if p.name is not None:
                self.bind(p.name, "match", p, here)

    # -- pytest

    def mark_of(self, node):
        """NAME of a mark expression `P.mark.NAME[(...)]` / `M.NAME[(...)]`, else None."""
        base = node.func if isinstance(node, ast.Call) else node
        if not isinstance(base, ast.Attribute):
            return None
        v = base.value
        if isinstance(v, ast.Name) and v.id in self.mark_names:
            return base.attr
        if (
            isinstance(v, ast.Attribute)
            and v.attr == "mark"
            and isinstance(v.value, ast.Name)
            and v.value.id in self.pytest_mods
        ):
            return base.attr
        return None

    def is_fixture(self, node):
        base = node.func if isinstance(node, ast.Call) else node
        if isinstance(base, ast.Name):
            return base.id in self.fixture_names
        return (
            isinstance(base, ast.Attribute)
            and base.attr == "fixture"
            and isinstance(base.value, ast.Name)
            and base.value.id in self.pytest_mods
        )

    def marker(self, node, via, target, out):
        at = node
        if type(node) is ast.Name and via != "alias":
            node = self.aliases.get(node.id, node)
        name = self.mark_of(node)
        if name is None:
            return
        out["markers"].append((self.key(at), {"name": name, **self.pos(at), "via": via, "target": target}))
        if name == "parametrize" and isinstance(node, ast.Call) and target is not None:
            values = node.args[1] if len(node.args) >= 2 else None
            for k in node.keywords:
                if values is None and k.arg == "argvalues":
                    values = k.value
            indirect = keyword(node, "indirect")
            fact = {**self.pos(at), "target": target, "size": literal_length(values)}
            fact["argnames"] = parametrize_argnames(node)
            fact["indirect"] = indirect is not None and not (
                isinstance(indirect, ast.Constant) and indirect.value is False
            )
            if fact["argnames"] is not None:
                fact["namesWritten"] = names_written(node)
                mis = parametrize_miscounts(argvalues_of(node), len(fact["argnames"]), self.pytest_mods, self.text)
                if mis:
                    fact["miscount"] = mis
            out["parametrize"].append((self.key(at), fact))

    def name_decorator(self, d, target, out):
        """pytestFacts.ts decoratorNames: a bare-name decorator that is no mark alias nor a pytest name."""
        if type(d) is not ast.Name or d.id in self.aliases:
            return
        if d.id in self.pytest_mods or d.id in self.mark_names or d.id in self.fixture_names:
            return
        out["decoratorNames"].append((self.key(d), {**self.pos(d), "name": d.id, "target": target}))

    def pytestmark_values(self, values, target, out):
        for value in values:
            for e in value.elts if isinstance(value, (ast.List, ast.Tuple)) else [value]:
                self.marker(e, "pytestmark", target, out)

    def pytest_facts(self):
        out = {k: [] for k in ("functions", "classes", "markers", "parametrize", "fixtures", "decoratorNames")}
        global_names = {n for node in ast.walk(self.tree) if type(node) is ast.Global for n in node.names}
        bound = {}
        for _, b in self.bindings:
            bound[b["name"]] = bound.get(b["name"], 0) + 1
        for name, value in self.mark_aliases:
            if self.mark_of(value) is not None and bound.get(name) == 1 and name not in global_names:
                self.aliases[name] = value
            self.marker(value, "alias", name, out)
        for node, cls in self.defs:
            target = node.name if cls is None else cls + "." + node.name
            is_async = isinstance(node, ast.AsyncFunctionDef)
            args = requested_args(node, cls)
            fact = {"name": node.name, **self.pos(node), "className": cls, "async": is_async, "args": args}
            out["functions"].append((self.key(node), fact))
            for d in node.decorator_list:
                self.marker(d, "decorator", target, out)
                self.name_decorator(d, target, out)
            fixture = next((d for d in node.decorator_list if self.is_fixture(d)), None)
            if fixture is not None:
                fact = {"name": node.name, **self.pos(node), "alias": None, "className": cls}
                fact.update({"autouse": False, "args": args})
                if isinstance(fixture, ast.Call):
                    alias, params, autouse = (keyword(fixture, k) for k in ("name", "params", "autouse"))
                    if alias is not None and is_str(alias):
                        fact["alias"] = alias.value
                    if params is not None and not (isinstance(params, ast.Constant) and params.value is None):
                        fact["params"] = literal_length(params)
                    fact["autouse"] = isinstance(autouse, ast.Constant) and autouse.value is True
                out["fixtures"].append((self.key(node), fact))
        for node, state in self.classes:
            has_init = any(
                isinstance(b, (ast.FunctionDef, ast.AsyncFunctionDef)) and b.name == "__init__" for b in node.body
            )
            bases = [d for d in map(dotted, node.bases) if d is not None]
            fact = {"name": node.name, **self.pos(node), "bases": bases, "hasInit": has_init}
            out["classes"].append((self.key(node), fact))
            for d in node.decorator_list:
                self.marker(d, "decorator", node.name, out)
                self.name_decorator(d, node.name, out)
            self.pytestmark_values(state.marks, node.name, out)
        self.pytestmark_values(self.module_marks, None, out)
        decorator_names = sort_facts(out.pop("decoratorNames"))
        facts = {k: sort_facts(v) for k, v in out.items()}
        facts.update(self.anywhere_calls())
        facts["plugins"] = self.plugins
        facts["collectIgnore"] = self.ignore["collect_ignore"]
        facts["collectIgnoreGlob"] = self.ignore["collect_ignore_glob"]
        facts["dynamicHooks"] = sorted({n.name for n, cls in self.defs if cls is None and n.name in DYNAMIC_HOOKS})
        order = ("functions", "classes", "markers", "parametrize", "fixtures", "plugins", "registeredMarkers")
        order += ("iniKeys", "options", "collectIgnore", "collectIgnoreGlob", "dynamicHooks")
        result = {k: facts[k] for k in order}
        if decorator_names:
            result["decoratorNames"] = decorator_names
        return result

    def anywhere_calls(self):
        """addinivalue_line("markers", S), addini(S), addoption(...): in any scope, even inside defs."""
        reg, ini, opts = [], [], []
        for node in ast.walk(self.tree):
            if type(node) is not ast.Call or type(node.func) is not ast.Attribute:
                continue
            attr, args = node.func.attr, node.args
            if attr == "addinivalue_line":
                if len(args) >= 2 and is_str(args[0]) and args[0].value == "markers" and is_str(args[1]):
                    reg.append((self.key(node), {**self.pos(node), "text": args[1].value}))
            elif attr == "addini":
                if args and is_str(args[0]):
                    ini.append((self.key(node), {**self.pos(node), "name": args[0].value}))
            elif attr == "addoption" or attr == "_addoption":
                names = []
                for a in args:
                    if not is_str(a):
                        break
                    names.append(a.value)
                if names:
                    opts.append((self.key(node), {**self.pos(node), "names": names}))
        return {"registeredMarkers": sort_facts(reg), "iniKeys": sort_facts(ini), "options": sort_facts(opts)}

    # -- the whole file

    def reads_that_may_fail(self, bindings, global_names):
        """docs/facts.md, reads: a builtin every Python 3.8+ has (with or without site), or __name__, read in a
        file that binds it nowhere and has no star import, cannot raise NameError and is left out."""
        reads = sort_facts(self.reads)
        if self.stars:
            return reads
        own = {b["name"] for b in bindings} | set(global_names)
        return [r for r in reads if r["name"] in own or (r["name"] not in ALWAYS_BUILTIN and r["name"] != "__name__")]

    def run(self, facts):
        self.block(self.tree.body, Ctx("module", False, False, frozenset()), None)
        if self.all is not None and self.all_dirty:
            self.all["complete"] = False
        bindings = sort_facts(self.bindings)
        defs = {b["name"] for b in bindings if b["kind"] in ("def", "class", "import")}
        global_names = sorted({n for node in ast.walk(self.tree) if type(node) is ast.Global for n in node.names})
        facts.update(
            {
                "futureAnnotations": self.future,
                "imports": sort_facts(self.imports),
                "bindings": bindings,
                "starImports": sort_facts(self.stars),
                "dunderAll": self.all,
                "moduleGetattr": any(b["name"] == "__getattr__" for b in bindings),
                "reads": self.reads_that_may_fail(bindings, global_names),
                "attributeReads": sort_facts(self.attr_reads),
                "sysPath": sort_facts(self.sys_path),
                "branches": sort_facts(self.branches),
                "arms": sort_facts(self.arms),
                "tries": sort_facts(self.tries),
                "functions": sort_facts(self.functions),
                "calls": [c for c in sort_facts(self.calls) if c["name"] in defs],
                "globalNames": global_names,
                "pytest": self.pytest_facts(),
            }
        )
        return facts


# ---------------------------------------------------------------------------------------------- files


def syntax_error(e, lines, offset_in_bytes):
    """CPython's SyntaxError as a fact. Parser offsets count code points; compiler offsets count UTF-8 bytes."""
    line = e.lineno if e.lineno and e.lineno > 0 else 1
    col = (e.offset or 1) - 1 if e.offset and e.offset > 0 else 0
    if offset_in_bytes and 0 < line <= len(lines):
        col = len(lines[line - 1].encode("utf-8")[:col].decode("utf-8", "replace"))
    return {"line": line, "col": col, "message": str(e.msg), "source": "cpython"}


def decode(path, data):
    """(encoding, text) as CPython decodes a source file, or (encoding, None, problem)."""
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
    except SyntaxError as e:
        return "utf-8", None, str(e.msg if hasattr(e, "msg") else e)
    try:
        return encoding, data.decode(encoding), None
    except (UnicodeDecodeError, LookupError) as e:
        return encoding, None, str(e)


def file_facts(path, data, compile_check=True, max_bytes=DEFAULT_MAX_BYTES):
    if data is None:
        return empty_facts(path, "unreadable", problem="cannot read the file")
    if len(data) > max_bytes:
        return empty_facts(path, "too-large", problem=f"{len(data)} bytes, over the limit of {max_bytes}")
    if b"\0" in data:
        return empty_facts(path, "binary", problem="the file contains NUL bytes")
    encoding, text, problem = decode(path, data)
    if text is None:
        return empty_facts(path, "decode-error", encoding, problem)
    lines = LINE_END.split(text)
    try:
        tree = compile(data, path, "exec", ast.PyCF_ONLY_AST, dont_inherit=True)
    except SyntaxError as e:
        return empty_facts(path, "syntax-error", encoding, None, [syntax_error(e, lines, False)])
    except (ValueError, RecursionError, MemoryError) as e:
        err = {"line": 1, "col": 0, "message": f"{type(e).__name__}: {e}", "source": "cpython"}
        return empty_facts(path, "syntax-error", encoding, None, [err])
    if compile_check:
        try:
            compile(tree, path, "exec", dont_inherit=True)
        except SyntaxError as e:
            return empty_facts(path, "syntax-error", encoding, None, [syntax_error(e, lines, True)])
        except (ValueError, RecursionError, MemoryError) as e:
            err = {"line": 1, "col": 0, "message": f"{type(e).__name__}: {e}", "source": "cpython"}
            return empty_facts(path, "syntax-error", encoding, None, [err])
    return Extractor(text, tree).run(empty_facts(path, "ok", encoding))


def read_bytes(path):
    try:
        with open(path, "rb") as f:
            return f.read()
    except OSError:
        return None


def main(argv):
    args = argv[1:]
    opts = {"stdin": False, "compile": True, "time": False, "max": DEFAULT_MAX_BYTES}
    files = []
    i = 0
    while i < len(args):
        a = args[i]
        if a == "--stdin":
            opts["stdin"] = True
        elif a == "--no-compile":
            opts["compile"] = False
        elif a == "--time":
            opts["time"] = True
        elif a == "--max-bytes":
            i += 1
            opts["max"] = int(args[i])
        elif a in ("-h", "--help"):
            print(__doc__)
            return 0
        else:
            files.append(a)
        i += 1
    if opts["stdin"]:
        files.extend(line.rstrip("\r\n") for line in sys.stdin if line.strip())
    out = sys.stdout
    if opts["time"]:
        data = [(f, read_bytes(f)) for f in files]
        total = sum(len(d) for _, d in data if d is not None)
        start, cpu = time.perf_counter(), time.thread_time()
        for f, d in data:
            file_facts(f, d, compile_check=False, max_bytes=opts["max"])
        seconds, cpu = time.perf_counter() - start, time.thread_time() - cpu
        out.write(json.dumps({"files": len(data), "bytes": total, "seconds": seconds, "cpuSeconds": cpu}) + "\n")
        return 0
    for f in files:
        facts = file_facts(f, read_bytes(f), opts["compile"], opts["max"])
        out.write(json.dumps(facts, ensure_ascii=False) + "\n")
        out.flush() if opts["stdin"] else None
    return 0


def run_with_deep_stack(argv):
    # Generated modules nest expressions thousands deep (long `a + b + ...` chains); the walker recurses.
    warnings.simplefilter("ignore")
    sys.setrecursionlimit(200000)
    threading.stack_size(512 * 1024 * 1024)
    result = []
    t = threading.Thread(target=lambda: result.append(main(argv)))
    t.start()
    t.join()
    return result[0] if result else 1


if __name__ == "__main__":
    sys.exit(run_with_deep_stack(sys.argv))
