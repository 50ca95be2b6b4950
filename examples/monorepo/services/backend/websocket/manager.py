"""Tracks websocket connections per user and fans agent events out to them."""

from collections import defaultdict


class WebSocketManager:
    def __init__(self):
        self._connections: dict[str, list] = defaultdict(list)

    def connect(self, user_id: str, connection) -> None:
        self._connections[user_id].append(connection)

    def disconnect(self, user_id: str, connection) -> None:
        self._connections[user_id].remove(connection)

    def broadcast(self, user_id: str, event) -> int:
        sent = 0
        for connection in self._connections.get(user_id, []):
            connection.append(event.to_wire())
            sent += 1
        return sent

    def connection_count(self, user_id: str) -> int:
        return len(self._connections.get(user_id, []))
