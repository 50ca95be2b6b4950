"""Agent status changes flow through the websocket layer to the user's connections."""

import pytest

from services.backend.agents.execution_types import ExecutionStatus
from shared.config import get_settings
from services.backend.websocket.events import AgentEvent
from services.backend.websocket.manager import WebSocketManager
from test_framework.helpers.assertions import assert_event_sequence


@pytest.mark.websocket
class TestStatusFanOut:
    def test_statuses_arrive_in_order(self, connection):
        manager = WebSocketManager()
        manager.connect("u-1", connection)
        for status in (ExecutionStatus.PENDING, ExecutionStatus.RUNNING, ExecutionStatus.COMPLETED):
            manager.broadcast("u-1", AgentEvent("run-1", status))
        assert_event_sequence(connection, ["pending", "running", "completed"])

    @pytest.mark.parametrize("status", ["pending", "running", "completed", "failed"])
    def test_wire_format(self, status):
        wire = AgentEvent("run-1", ExecutionStatus(status), "m").to_wire()
        assert wire == {"run_id": "run-1", "status": status, "message": "m"}


def test_heartbeat_setting():
    assert get_settings().websocket_heartbeat_seconds > 0
