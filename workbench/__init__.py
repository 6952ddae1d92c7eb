"""IPT Workbench core: the encrypted caseload and the IPT frame, with no Qt dependency."""

__version__ = "0.1.0"
