"""Caching for the backend (an in-memory stand-in for Redis in this example)."""
