"""Dispatches tool calls made by agents to the registered tool implementations."""

from services.backend.agents.tool_registry import ToolRegistry


class ToolDispatcher:
    def __init__(self, registry: ToolRegistry | None = None):
        self.registry = registry or ToolRegistry()

    def dispatch(self, tool_name: str, **arguments):
        tool = self.registry.get(tool_name)
        return tool(**arguments)
