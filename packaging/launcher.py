"""Frozen entry point: the `ipt-workbench` command (the desktop app with no arguments)."""

import sys

from workbench.cli import main

if __name__ == "__main__":
    sys.exit(main())
