"""PyInstaller runtime hook: programs the app starts get the user's library path back."""

import os
import sys

# The bootloader puts the bundle first in LD_LIBRARY_PATH (the original is kept in *_ORIG); a PDF
# viewer or file manager opened from the app would otherwise load the bundle's libraries.
if sys.platform.startswith(("linux", "freebsd")):
    original = os.environ.pop("LD_LIBRARY_PATH_ORIG", None)
    if original is None:
        os.environ.pop("LD_LIBRARY_PATH", None)
    else:
        os.environ["LD_LIBRARY_PATH"] = original
