"""PyInstaller runtime hook: the bundle leaves Pillow out; `import PIL` finds this in its place.

No PDF the app writes holds a bitmap, but reportlab imports `PIL.Image` when it loads (pypdf
tries `import PIL`). Pillow and its image libraries are ~6.5 MiB, so the bundle does not carry
them: these two modules stand in, and anything that really needs an image fails with
ImportError, which reportlab and pypdf already treat as "no Pillow installed".
tests/packaging/test_without_pillow.py writes every kind of PDF with this hook in place.
"""

import sys
import types

MESSAGE = "Pillow is not part of the IPT Workbench desktop bundle (its PDFs hold no images)"


class _NotBundled(types.ModuleType):
    def __getattr__(self, name: str) -> object:
        if name.startswith("__") and name != "__version__":
            raise AttributeError(name)  # Python's own probes (hasattr(m, "__file__"), …)
        raise ImportError(MESSAGE, name=self.__name__)


if "PIL" not in sys.modules:
    pil = _NotBundled("PIL")
    pil.__path__ = []  # a package: `from PIL import Image` looks up the attribute below
    image = _NotBundled("PIL.Image")
    pil.Image = image  # type: ignore[attr-defined]
    sys.modules["PIL"] = pil
    sys.modules["PIL.Image"] = image
