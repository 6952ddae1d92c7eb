"""Main window and the pages shown inside it, one file per page."""
