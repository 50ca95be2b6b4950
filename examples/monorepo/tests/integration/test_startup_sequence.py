"""The backend brings its services up in a fixed order."""

import pytest

from services.backend.startup import STARTUP_ORDER, plan_startup
from shared.config import load_settings


@pytest.mark.startup_services
class TestStartupSequence:
    def test_config_comes_first(self):
        assert plan_startup()["steps"][0] == "config"

    def test_agents_come_last(self):
        assert plan_startup()["steps"][-1] == "agents"

    @pytest.mark.parametrize("name", list(STARTUP_ORDER))
    def test_every_step_is_planned(self, name):
        assert name in plan_startup()["steps"]


def test_settings_default_to_memory_cache(monkeypatch):
    monkeypatch.delenv("REDIS_URL", raising=False)
    assert load_settings().redis_url == "memory://"
