"""Qt item models over the core's read models (caseload rows, note search hits)."""
