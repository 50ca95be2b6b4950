"""Per-user execution: every run carries the user's execution context so runs never leak between users."""

from services.auth.context import UserExecutionContext
from services.backend.agents.execution_types import ExecutionRequest, ExecutionResult
from shared.types.execution import ExecutionStatus


class UserExecutionEngine:
    def __init__(self, context: UserExecutionContext):
        self.context = context
        self.runs: dict[str, ExecutionStatus] = {}

    def submit(self, request: ExecutionRequest) -> ExecutionResult:
        if request.run_id in self.runs:
            raise ValueError(f"run {request.run_id} already submitted")
        self.runs[request.run_id] = ExecutionStatus.PENDING
        return ExecutionResult(request.run_id, metrics={"user": self.context.user_id})
