"""The websocket layer: pushes agent events to connected clients."""
