"""packaging/make_icons.py renders the SVG app icon to every PNG size the bundle ships."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[2]


def load_make_icons() -> ModuleType:
    # Loaded by path: a folder named `packaging` must not shadow the PyPI `packaging` library.
    spec = importlib.util.spec_from_file_location(
        "make_icons", ROOT / "packaging" / "make_icons.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_size_is_a_square_png_of_the_icon(qapp: object, tmp_path: Path) -> None:
    # qapp: the suite's one QApplication exists before make_icons looks for an application
    make_icons = load_make_icons()
    written = make_icons.render_icons(tmp_path)

    assert [path.name for path in written] == [make_icons.png_name(s) for s in make_icons.SIZES]
    for size, path in zip(make_icons.SIZES, written, strict=True):
        image = QImage(str(path))
        assert (image.width(), image.height()) == (size, size)
        assert image.hasAlphaChannel()
        # Rounded corners stay transparent; the centre is the icon's opaque tile.
        assert image.pixelColor(0, 0).alpha() == 0
        assert image.pixelColor(size // 2, size // 4).alpha() == 255


def test_the_svg_source_is_shipped_as_a_resource() -> None:
    assert load_make_icons().SVG == ROOT / "resources" / "icons" / "ipt-workbench.svg"
    assert load_make_icons().SVG.is_file()
