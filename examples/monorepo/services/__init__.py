"""The monorepo's deployable services."""
