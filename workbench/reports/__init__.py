"""PDF exports built in memory with reportlab: shared look, page chrome, charts and diagrams."""
