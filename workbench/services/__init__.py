"""Use cases the UI and CLI call: one transaction per user action."""
