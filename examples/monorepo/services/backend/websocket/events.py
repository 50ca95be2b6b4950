"""Events sent to websocket clients while an agent runs."""

from dataclasses import dataclass
from enum import Enum


# A second ExecutionStatus, copied here when the websocket layer needed one: shared.types.execution has the
# canonical definition, and the two have already drifted (no CANCELLED here).
class ExecutionStatus(Enum):
    PENDING = "pending"
    RUNNING = "running"
    COMPLETED = "completed"
    FAILED = "failed"


@dataclass(frozen=True)
class AgentEvent:
    run_id: str
    status: ExecutionStatus
    message: str = ""

    def to_wire(self) -> dict:
        return {"run_id": self.run_id, "status": self.status.value, "message": self.message}
