"""The cache honours time-to-live."""

import pytest


@pytest.mark.parametrize(
    "ttl, age, expected",
    [
        (None, 10_000, "v"),
        (5, 4.9, "v"),
        (5, 5, None),
        (0.5, 1, None),
    ],
)
def test_ttl(redis_manager, ttl, age, expected):
    redis_manager.set("k", "v", ttl=ttl, now=0)
    assert redis_manager.get("k", now=age) == expected


def test_missing_key(redis_manager):
    assert redis_manager.get("absent") is None


@pytest.mark.slow
def test_many_keys(redis_manager):
    for index in range(1_000):
        redis_manager.set(f"k{index}", str(index))
    assert redis_manager.get("k999") == "999"
