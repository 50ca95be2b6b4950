"""The monorepo's in-house test framework: shared fixtures and assertion helpers."""
