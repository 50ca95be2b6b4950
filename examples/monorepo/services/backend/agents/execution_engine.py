"""Runs agents: takes an ExecutionRequest, calls tools through the dispatcher, returns an ExecutionResult."""

from services.backend.agents.execution_types import ExecutionRequest, ExecutionResult
from services.backend.agents.tool_dispatcher import ToolDispatcher
from shared.types.execution import ExecutionStatus


class ExecutionEngine:
    def __init__(self, dispatcher: ToolDispatcher | None = None):
        self.dispatcher = dispatcher or ToolDispatcher()
        self.status: dict[str, ExecutionStatus] = {}

    def run(self, request: ExecutionRequest) -> ExecutionResult:
        self.status[request.run_id] = ExecutionStatus.RUNNING
        try:
            output = self.dispatcher.dispatch(request.agent_name, **request.payload)
        except Exception as exc:  # an agent failure is a result, not a crash
            self.status[request.run_id] = ExecutionStatus.FAILED
            return ExecutionResult(request.run_id, error=str(exc))
        self.status[request.run_id] = ExecutionStatus.COMPLETED
        return ExecutionResult(request.run_id, output=output)
