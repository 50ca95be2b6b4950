"""The per-user engine refuses duplicate runs and keeps users apart."""

import pytest

from services.backend.agents.execution_types import ExecutionRequest
from services.backend.agents.user_execution_engine import UserExecutionEngine
from services.backend.context.user_execution_context import UserExecutionContext
from shared.types.execution import ExecutionStatus


@pytest.fixture
def engine():
    return UserExecutionEngine(UserExecutionContext(user_id="u-1", thread_id="t-1"))


def test_duplicate_run_is_rejected(engine):
    engine.submit(ExecutionRequest("run-1", "search"))
    with pytest.raises(ValueError, match="already submitted"):
        engine.submit(ExecutionRequest("run-1", "search"))


def test_submitted_run_is_pending(engine):
    engine.submit(ExecutionRequest("run-1", "search"))
    assert engine.runs["run-1"] is ExecutionStatus.PENDING


@pytest.mark.parametrize("user_id", ["u-1", "u-2"])
def test_result_names_the_user(user_id):
    engine = UserExecutionEngine(UserExecutionContext(user_id=user_id, thread_id="t"))
    assert engine.submit(ExecutionRequest("r", "a")).metrics == {"user": user_id}
