"""The backend service: agents, websocket fan-out, caching and monitoring."""
