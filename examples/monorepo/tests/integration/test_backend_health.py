"""The backend's health surface: websocket connections and start-up plan."""

import pytest

from services.backend.startup import plan_startup
from services.backend.websocket.manager import WebSocketManager


@pytest.mark.backend
def test_new_manager_has_no_connections():
    assert WebSocketManager().connection_count("u-1") == 0


@pytest.mark.backend
def test_connections_are_counted_per_user(connection):
    manager = WebSocketManager()
    manager.connect("u-1", connection)
    assert manager.connection_count("u-1") == 1
    assert manager.connection_count("u-2") == 0


@pytest.mark.backend
@pytest.mark.parametrize("skip, expected", [((), 4), (("agents",), 3), (("cache", "websocket"), 2)])
def test_startup_plan_skips(skip, expected):
    assert len(plan_startup(skip=skip)["steps"]) == expected
