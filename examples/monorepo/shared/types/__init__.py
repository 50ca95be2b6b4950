"""Types shared across service boundaries (the single source of truth for them)."""
