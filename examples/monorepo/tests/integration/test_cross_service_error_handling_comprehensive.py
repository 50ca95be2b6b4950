"""Errors raised by agents are reported across the service boundary, not swallowed."""

import pytest

from services.auth.context import AuthContext
from services.backend.agents.execution_engine import ExecutionEngine
from services.backend.agents.execution_types import ExecutionRequest
from shared.types.execution import ExecutionStatus


class FailingDispatcher:
    def dispatch(self, tool_name, **arguments):
        raise RuntimeError(f"tool {tool_name} failed")


class EchoDispatcher:
    def dispatch(self, tool_name, **arguments):
        return {"tool": tool_name, **arguments}


class TestAgentErrors:
    def test_tool_failure_becomes_failed_result(self):
        engine = ExecutionEngine(dispatcher=FailingDispatcher())
        result = engine.run(ExecutionRequest("run-1", "search"))
        assert result.error == "tool search failed"
        assert engine.status["run-1"] is ExecutionStatus.FAILED

    @pytest.mark.parametrize("agent", ["search", "summarise", "plan"])
    def test_success_is_completed(self, agent):
        engine = ExecutionEngine(dispatcher=EchoDispatcher())
        result = engine.run(ExecutionRequest("run-2", agent, {"q": "x"}))
        assert result.output == {"tool": agent, "q": "x"}
        assert engine.status["run-2"] is ExecutionStatus.COMPLETED


def test_auth_context_scopes(user):
    context = AuthContext(user=user, token_id="t", scopes=("agents:run",))
    assert context.allows("agents:run") and not context.allows("admin")
