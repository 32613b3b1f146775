"""Application state in SQLite (``Settings.app_db``): users, sessions, and the append-only audit log."""
