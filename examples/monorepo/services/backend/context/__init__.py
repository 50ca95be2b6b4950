"""Request- and user-scoped context objects owned by the backend."""
