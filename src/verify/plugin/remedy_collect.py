# remedy's pytest plugin: records what a real `pytest --collect-only` saw (session, markers, collected files,
# collection errors with their original exceptions) as JSON lines in the file named by REMEDY_COLLECT_OUT.
# Loaded with `-p remedy_collect`; it only observes, never changes collection. Read by src/verify/readRecords.ts.
from __future__ import annotations

import json
import os
import sys
import traceback

import pytest

_OUT = os.environ.get("REMEDY_COLLECT_OUT")
_PLUGIN_DIR = os.environ.get("REMEDY_COLLECT_PLUGIN_DIR")

# The plugin directory reaches sys.path only through PYTHONPATH; drop it so the recorded sys.path (and the
# user's imports) are exactly what a plain `python -m pytest` would see.
if _PLUGIN_DIR:
    sys.path[:] = [p for p in sys.path if os.path.abspath(p or ".") != os.path.abspath(_PLUGIN_DIR)]

_INTERNAL_DIRS = []
for _mod in ("_pytest", "pluggy", "pytest", "importlib"):
    _m = sys.modules.get(_mod)
    if _m is not None and getattr(_m, "__file__", None):
        _INTERNAL_DIRS.append(os.path.dirname(os.path.abspath(_m.__file__)) + os.sep)

_state = {"session": False, "rootpath": None}
_files = {}  # nodeid -> absolute path of every File collector that collected without error
_deselected = {}  # file nodeid prefix -> count


def _emit(record):
    if not _OUT:
        return
    with open(_OUT, "a", encoding="utf-8") as f:
        f.write(json.dumps(record, default=str) + "\n")


def _rel(path):
    root = _state["rootpath"]
    if path is None or root is None:
        return None
    try:
        rel = os.path.relpath(str(path), str(root))
    except ValueError:
        return None
    return None if rel.startswith("..") else rel.replace(os.sep, "/")


def _internal(filename):
    if "<" in filename and ">" in filename:
        return True
    absf = os.path.abspath(filename)
    return any(absf.startswith(d) for d in _INTERNAL_DIRS)


def _frames(exc):
    out = []
    for fs in traceback.extract_tb(exc.__traceback__):
        if _internal(fs.filename):
            continue
        out.append({"file": fs.filename, "line": fs.lineno, "function": fs.name, "source": fs.line or None})
    return out


def _unwrap(exc):
    """The exception the user's code raised, not pytest's wrapper around it."""
    path = None
    for _ in range(5):
        name = type(exc).__name__
        if name == "ConftestImportFailure":
            path = getattr(exc, "path", path)
            exc = getattr(exc, "cause", None) or exc.__cause__ or exc
        elif name == "CollectError" and exc.__cause__ is not None:
            exc = exc.__cause__
        else:
            break
    return exc, path


def _exception_record(exc):
    exc, conftest = _unwrap(exc)
    kind = type(exc)
    qual = kind.__name__ if kind.__module__ in ("builtins", "__main__") else f"{kind.__module__}.{kind.__qualname__}"
    lines = traceback.format_exception_only(kind, exc)
    last = lines[-1].rstrip("\n") if lines else f"{kind.__name__}: {exc}"
    location = None
    if isinstance(exc, SyntaxError) and exc.filename:
        location = {"file": exc.filename, "line": exc.lineno}
    frames = _frames(exc)
    if location is None and frames:
        location = {"file": frames[-1]["file"], "line": frames[-1]["line"]}
    return {
        "exceptionType": kind.__name__,
        "exceptionQualname": qual,
        "message": last[len(qual) + 2 :] if last.startswith(qual + ": ") else ("" if last == qual else str(exc)),
        "exceptionLine": last,
        "isWarning": isinstance(exc, Warning),
        "location": location,
        "frames": frames,
        "conftest": str(conftest) if conftest is not None else None,
    }


def _printed_last_line(longrepr):
    """The last line of the error as pytest prints it (without the `E   ` gutter)."""
    text = str(longrepr) if longrepr is not None else ""
    for line in reversed(text.splitlines()):
        if line.strip():
            return line[1:].strip() if line.startswith("E ") else line.strip()
    return None


def _session_record(config):
    if _state["session"]:
        return
    _state["session"] = True
    _state["rootpath"] = config.rootpath
    _emit(
        {
            "record": "session",
            "rootdir": str(config.rootpath),
            "configfile": str(config.inipath) if config.inipath else None,
            "args": list(config.invocation_params.args),
            "invocationDir": str(config.invocation_params.dir),
            "pytestVersion": pytest.__version__,
            "pythonVersion": ".".join(str(v) for v in sys.version_info[:3]),
            "pythonExecutable": sys.executable,
        }
    )


def pytest_plugin_registered(plugin, manager):
    # Historic hook: fires as soon as this plugin registers (before required_plugins/conftest checks), so the
    # session record exists even when pytest stops during start-up.
    config = manager.get_plugin("pytestconfig")
    if config is not None and getattr(config, "_rootpath", None) is not None:
        _session_record(config)


@pytest.hookimpl(wrapper=True)
def pytest_load_initial_conftests(early_config):
    _session_record(early_config)
    try:
        return (yield)
    except pytest.UsageError as exc:
        # Raised before any conftest loads, e.g. pytest 8 failing to import a warning filter's category.
        _emit({"record": "usageError", "phase": "startup", "message": "\n".join(str(a) for a in exc.args)})
        raise
    except Exception as exc:
        if type(exc).__name__ == "ConftestImportFailure":
            rec = _exception_record(exc)
            _emit({"record": "conftestError", "path": rec["conftest"], "relpath": _rel(rec["conftest"]), **rec})
        else:
            # pytest itself fails while starting (exit 1, no session): e.g. pytest 9's PytestConfigWarning about a
            # filter it could not import, raised by an `error` filter.
            _emit({"record": "startupError", **_exception_record(exc)})
        raise


@pytest.hookimpl(tryfirst=True)
def pytest_configure(config):
    # pytest-benchmark creates its storage directory (./.benchmarks) at configure time; collection never saves a
    # benchmark, so point it at remedy's scratch directory to keep the repository untouched.
    scratch = os.environ.get("REMEDY_COLLECT_SCRATCH")
    storage = getattr(config.option, "benchmark_storage", None)
    if scratch and isinstance(storage, str) and (storage.startswith("file://") or "://" not in storage):
        config.option.benchmark_storage = "file://" + os.path.join(scratch, "benchmarks")


def pytest_sessionstart(session):
    _emit({"record": "markers", "phase": "configured", "lines": list(session.config.getini("markers"))})


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_collection(session):
    _emit({"record": "syspath", "sysPath": list(sys.path)})
    try:
        return (yield)
    except pytest.UsageError as exc:
        _emit({"record": "usageError", "phase": "collection", "message": "\n".join(str(a) for a in exc.args)})
        raise


def pytest_collectstart(collector):
    if isinstance(collector, pytest.File):
        _files[collector.nodeid] = str(collector.path)


@pytest.hookimpl(wrapper=True)
def pytest_make_collect_report(collector):
    rep = yield
    if rep.outcome == "failed":
        call = rep.__dict__.get("call")
        exc = call.excinfo.value if call is not None and call.excinfo is not None else None
        rec = _exception_record(exc) if exc is not None else {}
        path = rec.get("conftest") or str(getattr(collector, "path", "") or "") or None
        _emit(
            {
                "record": "error",
                "nodeid": rep.nodeid,
                "collector": type(collector).__name__,
                "path": path,
                "relpath": _rel(path),
                **rec,
                "printedLine": _printed_last_line(rep.longrepr),
                "longrepr": str(rep.longrepr),
            }
        )
        _files.pop(rep.nodeid, None)
    return rep


def _file_nodeid(item):
    parent = item.getparent(pytest.File)
    if parent is not None:
        _files.setdefault(parent.nodeid, str(parent.path))
        return parent.nodeid
    return item.nodeid.split("::")[0]


def pytest_deselected(items):
    for item in items:
        key = _file_nodeid(item)
        _deselected[key] = _deselected.get(key, 0) + 1


def pytest_warning_recorded(warning_message, when, nodeid, location):
    _emit(
        {
            "record": "warning",
            "when": when,
            "nodeid": nodeid or None,
            "category": warning_message.category.__name__,
            "message": str(warning_message.message),
            "file": warning_message.filename,
            "line": warning_message.lineno,
        }
    )


def pytest_collection_finish(session):
    by_file = {nodeid: [] for nodeid in _files}
    for item in session.items:
        key = _file_nodeid(item)
        by_file.setdefault(key, []).append(item.nodeid)
    for nodeid, items in by_file.items():
        path = _files.get(nodeid) or str(session.config.rootpath / nodeid)
        rec = {"record": "file", "nodeid": nodeid, "path": path, "relpath": _rel(path), "items": items}
        rec["deselected"] = _deselected.get(nodeid, 0)
        _emit(rec)


def pytest_internalerror(excrepr, excinfo):
    # An exception escaped a hook (a conftest's pytest_configure or pytest_sessionstart importing a broken module):
    # pytest prints INTERNALERROR and ends with exit code 3.
    _emit({"record": "internalError", **_exception_record(excinfo.value)})


def pytest_sessionfinish(session, exitstatus):
    _emit({"record": "markers", "phase": "final", "lines": list(session.config.getini("markers"))})
    _emit({"record": "finish", "exitstatus": int(exitstatus)})
