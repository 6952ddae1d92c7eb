"""PySide6 desktop front end: binds widgets to the workbench core; no SQL, no business rules."""
