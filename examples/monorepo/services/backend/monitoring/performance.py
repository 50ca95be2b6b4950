"""Times backend operations and reports them to a MetricsCollector."""

import time
from contextlib import contextmanager

from services.backend.monitoring.metrics import MetricsCollector


class PerformanceMonitor:
    def __init__(self, collector: MetricsCollector | None = None):
        self.collector = collector or MetricsCollector()

    @contextmanager
    def measure(self, operation: str):
        start = time.perf_counter()
        try:
            yield
        finally:
            self.collector.record(operation, time.perf_counter() - start)
