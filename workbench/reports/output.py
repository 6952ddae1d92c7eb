"""Writing a built PDF: optional AES-256 password, atomic replace, owner-only, no temp plaintext."""

from __future__ import annotations

import io
import secrets
from pathlib import Path

from workbench.errors import WorkbenchError
from workbench.fileio import atomic_write_bytes, write_error

WORDS = (
    "amber",
    "basil",
    "cedar",
    "delta",
    "ember",
    "fjord",
    "garnet",
    "harbor",
    "iris",
    "juniper",
    "kestrel",
    "lagoon",
    "maple",
    "nectar",
    "orchid",
    "pebble",
    "quartz",
    "raven",
    "saffron",
    "tundra",
    "umber",
    "violet",
    "willow",
    "yarrow",
    "zephyr",
    "acorn",
    "birch",
    "cobalt",
    "dune",
    "falcon",
    "glacier",
    "heron",
    "indigo",
    "jasper",
    "kiwi",
    "lantern",
    "meadow",
    "nutmeg",
    "otter",
    "prairie",
    "quill",
    "russet",
    "sparrow",
    "thistle",
    "upland",
    "velvet",
    "walnut",
    "yonder",
    "zinnia",
    "anchor",
    "bramble",
    "canyon",
    "drift",
    "fennel",
    "grove",
    "hazel",
    "ivory",
    "kelp",
    "linen",
    "mosaic",
    "nimbus",
    "opal",
    "pine",
    "quince",
)


def generated_password(words: int = 6) -> str:
    """A random passphrase for a protected PDF (to be sent by another channel)."""
    return "-".join(secrets.choice(WORDS) for _ in range(words))


def encrypt(pdf: bytes, password: str) -> bytes:
    """AES-256 (PDF 2.0, revision 6) with the same user and owner password, metadata too."""
    if len(password) < 8:
        raise WorkbenchError("Use a PDF password of at least 8 characters.")
    from pypdf import PdfReader, PdfWriter  # on first use: the desktop app starts without it

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    writer.encrypt(user_password=password, owner_password=password, algorithm="AES-256")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def write_atomically(data: bytes, target: Path) -> Path:
    """Temp file in the target folder, fsync, replace: the old file or the new one, never half."""
    target = Path(target)
    if target.suffix.lower() != ".pdf":
        target = target.with_name(target.name + ".pdf")
    try:
        atomic_write_bytes(target, data)
    except OSError as exc:
        raise write_error(exc, "the PDF") from exc
    return target
