"""Agents report their status transitions through ExecutionStatus."""

import pytest

from services.backend.agents.execution_types import ExecutionResult, ExecutionStatus


@pytest.mark.parametrize(
    "status, terminal",
    [
        ("pending", False),
        ("running", False),
        ("completed", True),
        ("failed", True),
    ],
)
def test_terminal_states(status, terminal):
    assert ExecutionStatus(status).is_terminal is terminal


def test_failed_result_carries_error():
    result = ExecutionResult("run-1", error="boom")
    assert not result.succeeded
    assert result.error == "boom"
