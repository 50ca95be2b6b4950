"""Small helpers shared by the integration tests."""
