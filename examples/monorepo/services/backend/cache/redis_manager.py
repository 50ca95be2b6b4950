"""The backend's Redis access, behind one manager per process.

The factory was renamed from get_redis_manager to create_redis_manager when it stopped returning a singleton.
"""

import time


class RedisManager:
    def __init__(self, url: str = "memory://"):
        self.url = url
        self._data: dict[str, tuple[str, float | None]] = {}

    def set(self, key: str, value: str, ttl: float | None = None, now: float | None = None) -> None:
        clock = now if now is not None else time.monotonic()
        self._data[key] = (value, clock + ttl if ttl is not None else None)

    def get(self, key: str, now: float | None = None) -> str | None:
        entry = self._data.get(key)
        if entry is None:
            return None
        value, expires = entry
        clock = now if now is not None else time.monotonic()
        if expires is not None and clock >= expires:
            del self._data[key]
            return None
        return value


def create_redis_manager(url: str = "memory://") -> RedisManager:
    return RedisManager(url)
