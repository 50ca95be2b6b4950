"""Settings read from the environment, with defaults for local runs."""

import os
from dataclasses import dataclass


@dataclass(frozen=True)
class Settings:
    redis_url: str
    auth_issuer: str
    websocket_heartbeat_seconds: float


def load_settings() -> Settings:
    return Settings(
        redis_url=os.environ.get("REDIS_URL", "memory://"),
        auth_issuer=os.environ.get("AUTH_ISSUER", "remedy-example"),
        websocket_heartbeat_seconds=float(os.environ.get("WS_HEARTBEAT", "15")),
    )
