"""shared.types.execution is the one ExecutionStatus every service should use."""

import pytest

from shared.types.execution import ExecutionStatus


@pytest.mark.parametrize(
    "status, terminal",
    [
        (ExecutionStatus.PENDING, False),
        (ExecutionStatus.RUNNING, False),
        (ExecutionStatus.COMPLETED, True),
        (ExecutionStatus.FAILED, True),
        (ExecutionStatus.CANCELLED, True),
    ],
)
def test_is_terminal(status, terminal):
    assert status.is_terminal is terminal


def test_values_are_lowercase_names():
    assert all(status.value == status.name.lower() for status in ExecutionStatus)
