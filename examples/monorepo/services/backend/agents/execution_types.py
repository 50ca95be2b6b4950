"""Value types describing one agent run.

ExecutionStatus used to live here; it moved to shared.types.execution (the auth service needs it too).
"""

from dataclasses import dataclass, field
from typing import Any


@dataclass
class ExecutionResult:
    run_id: str
    output: Any = None
    error: str | None = None
    metrics: dict = field(default_factory=dict)

    @property
    def succeeded(self) -> bool:
        return self.error is None


@dataclass(frozen=True)
class ExecutionRequest:
    run_id: str
    agent_name: str
    payload: dict = field(default_factory=dict)
