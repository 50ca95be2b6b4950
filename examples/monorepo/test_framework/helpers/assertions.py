"""Assertions with messages that say what the system under test got wrong."""


def assert_event_sequence(messages, expected_statuses):
    got = [message["status"] for message in messages]
    assert got == list(expected_statuses), f"event statuses {got} != expected {list(expected_statuses)}"


def assert_close(actual: float, expected: float, tolerance: float = 1e-6):
    assert abs(actual - expected) <= tolerance, f"{actual} is not within {tolerance} of {expected}"
