"""Backend start-up: the ordered list of services the backend brings up before it accepts traffic."""

from shared.config import load_settings

STARTUP_ORDER = ("config", "cache", "websocket", "agents")


def plan_startup(skip=()):
    settings = load_settings()
    steps = [name for name in STARTUP_ORDER if name not in skip]
    return {"settings": settings, "steps": steps}
