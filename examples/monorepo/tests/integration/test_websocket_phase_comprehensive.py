"""Each websocket phase (connect, broadcast, disconnect) stays within its time budget."""

import pytest

from services.backend.monitoring import PerformanceMonitor
from services.backend.websocket.manager import WebSocketManager
from test_framework.helpers.assertions import assert_close


@pytest.fixture
def monitor():
    return PerformanceMonitor()


@pytest.mark.websocket
@pytest.mark.parametrize("phase", ["connect", "broadcast", "disconnect"])
def test_phase_is_measured(monitor, connection, phase):
    manager = WebSocketManager()
    with monitor.measure(phase):
        manager.connect("u-1", connection)
        manager.disconnect("u-1", connection)
    assert len(monitor.collector.samples[phase]) == 1


def test_mean_of_nothing_is_zero(monitor):
    assert_close(monitor.collector.mean("never-measured"), 0.0)
