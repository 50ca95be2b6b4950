"""Root conftest for the monorepo's test suite.

It deliberately imports nothing from services/ at module level: a broken service module imported here would stop
pytest at start-up ("ImportError while loading conftest", exit 4) and hide every per-file error behind it.
The packages are importable because pytest.ini sets `pythonpath = .`.
"""

import pytest

pytest_plugins = ["test_framework.fixtures.services"]


def pytest_collection_modifyitems(config, items):
    # Integration tests are marked as such wherever they live under tests/integration.
    for item in items:
        if "integration" in item.nodeid.split("/"):
            item.add_marker(pytest.mark.integration)
