"""Backend monitoring: performance timings and the metrics they are reported to."""

from services.backend.monitoring.performance import PerformanceMonitor
from services.backend.monitoring.metrics import MetricsCollector

__all__ = ["MetricsCollector", "PerformanceMonitor"]
