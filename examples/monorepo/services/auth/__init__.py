"""The auth service: tokens and the authenticated-user context."""
