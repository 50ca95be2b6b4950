"""Collects named metrics; knows every monitor type so dashboards can list them."""


class MetricsCollector:
    def __init__(self):
        self.samples: dict[str, list[float]] = {}

    def record(self, name: str, value: float) -> None:
        self.samples.setdefault(name, []).append(value)

    def mean(self, name: str) -> float:
        values = self.samples.get(name, [])
        return sum(values) / len(values) if values else 0.0


# The registry needs the monitor classes, and the monitors need MetricsCollector: a cycle.
from services.backend.monitoring.performance import PerformanceMonitor  # noqa: E402

MONITOR_TYPES = {"performance": PerformanceMonitor}
