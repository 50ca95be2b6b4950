"""The backend's cache, websocket and agent layers working together."""

import pytest

from services.backend.cache.redis_manager import get_redis_manager
from services.backend.websocket.events import AgentEvent, ExecutionStatus
from services.backend.websocket.manager import WebSocketManager

pytestmark = [pytest.mark.backend]


@pytest.fixture
def cache():
    return get_redis_manager()


class TestCacheBackedSessions:
    def test_session_is_cached(self, cache):
        cache.set("session:u-1", "thread-7")
        assert cache.get("session:u-1") == "thread-7"

    @pytest.mark.parametrize("ttl, age, present", [(10, 5, True), (10, 10, False), (None, 1_000, True)])
    def test_session_expiry(self, cache, ttl, age, present):
        cache.set("session:u-1", "thread-7", ttl=ttl, now=0)
        assert (cache.get("session:u-1", now=age) is not None) is present


class TestEventFanOut:
    def test_event_reaches_every_connection(self, connection):
        manager = WebSocketManager()
        second = []
        manager.connect("u-1", connection)
        manager.connect("u-1", second)
        assert manager.broadcast("u-1", AgentEvent("run-1", ExecutionStatus.RUNNING)) == 2
        assert connection.last() == second[-1]

    def test_disconnected_clients_get_nothing(self, connection):
        manager = WebSocketManager()
        manager.connect("u-1", connection)
        manager.disconnect("u-1", connection)
        assert manager.broadcast("u-1", AgentEvent("run-1", ExecutionStatus.FAILED)) == 0
