"""Test doubles for network clients."""


class RecordingConnection(list):
    """A websocket connection that records every message sent to it."""

    def last(self):
        return self[-1] if self else None
