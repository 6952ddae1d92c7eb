"""IPT Workbench core: the encrypted caseload and the IPT frame, with no Qt dependency."""


def __getattr__(name: str) -> str:
    # `__version__` comes from the package metadata (pyproject.toml), read only when asked for.
    if name == "__version__":
        from workbench.version import app_version

        return app_version()
    raise AttributeError(f"module 'workbench' has no attribute {name!r}")
